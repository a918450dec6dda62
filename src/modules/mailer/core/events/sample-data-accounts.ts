import { SAMPLE_CUSTOMER, SAMPLE_STORE } from "./sample-data"

/**
 * Sample contexts of the customer, password and invitation mails. Shapes
 * match the loaders in definitions/{customer,auth,invite}.ts. Tokens here are
 * placeholders, never real ones.
 */

const CUSTOMER = { ...SAMPLE_CUSTOMER, company_name: null as string | null }

export const SAMPLE_CUSTOMER_CREATED_CONTEXT = {
  customer: CUSTOMER,
  customer_name: "Erika Mustermann",
  store: SAMPLE_STORE,
  account_url: `${SAMPLE_STORE.url}/account`,
}

export const SAMPLE_CUSTOMER_RESET_CONTEXT = {
  customer: CUSTOMER,
  customer_name: "Erika Mustermann",
  email: CUSTOMER.email,
  reset_url: `${SAMPLE_STORE.url}/reset-password?token=SAMPLE-TOKEN&email=erika%40example.com`,
  link_valid_minutes: 15,
  store: SAMPLE_STORE,
}

export const SAMPLE_USER_RESET_CONTEXT = {
  user: { first_name: "Anna", last_name: "Admin", email: "anna@muster-shop.example" },
  user_name: "Anna Admin",
  email: "anna@muster-shop.example",
  reset_url: `${SAMPLE_STORE.url}/app/reset-password?token=SAMPLE-TOKEN&email=anna%40muster-shop.example`,
  link_valid_minutes: 15,
  store: SAMPLE_STORE,
}

export const SAMPLE_INVITE_CONTEXT = {
  invite: { email: "neu@muster-shop.example", expires_at: "2026-11-30T10:15:00.000Z" },
  invite_url: `${SAMPLE_STORE.url}/app/invite?token=SAMPLE-TOKEN`,
  store: SAMPLE_STORE,
}
