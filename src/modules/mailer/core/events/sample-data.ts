/**
 * Realistic sample data for previews, validation warnings and the admin's
 * variable list. Shapes match what the context loaders produce from Query.
 */

export const SAMPLE_ADDRESS = {
  company: "Muster GmbH",
  first_name: "Erika",
  last_name: "Mustermann",
  address_1: "Heidestraße 17",
  address_2: "",
  postal_code: "51147",
  city: "Köln",
  province: "",
  country_code: "de",
  phone: "+49 221 123456",
}

export const SAMPLE_STORE = { name: "Muster Shop", url: "https://shop.example.com" }

export const SAMPLE_CUSTOMER = {
  id: "cus_01SAMPLE",
  first_name: "Erika",
  last_name: "Mustermann",
  email: "erika@example.com",
  has_account: true,
}

export const SAMPLE_ORDER = {
  id: "order_01SAMPLE",
  display_id: 1042,
  email: "erika@example.com",
  currency_code: "eur",
  locale: "de-DE",
  status: "pending",
  created_at: "2026-11-23T10:15:00.000Z",
  canceled_at: null,
  items: [
    {
      id: "ordli_01SAMPLE1",
      title: "Espressotasse",
      product_title: "Espressotasse",
      variant_title: "Weiß / 2er-Set",
      variant_sku: "ESP-TASSE-2",
      quantity: 2,
      unit_price: 14.9,
      subtotal: 29.8,
      total: 29.8,
      thumbnail: null,
    },
    {
      id: "ordli_01SAMPLE2",
      title: "Kaffeebohnen",
      product_title: "Kaffeebohnen Hausmischung",
      variant_title: "1 kg",
      variant_sku: "KAFFEE-1KG",
      quantity: 1,
      unit_price: 24.5,
      subtotal: 24.5,
      total: 24.5,
      thumbnail: null,
    },
  ],
  item_subtotal: 54.3,
  subtotal: 54.3,
  shipping_total: 4.9,
  discount_total: 0,
  tax_total: 9.45,
  total: 59.2,
  shipping_methods: [{ name: "DHL Paket", amount: 4.9 }],
  shipping_address: SAMPLE_ADDRESS,
  billing_address: SAMPLE_ADDRESS,
}

export const SAMPLE_ORDER_CONTEXT = {
  order: SAMPLE_ORDER,
  customer: SAMPLE_CUSTOMER,
  customer_name: "Erika Mustermann",
  store: SAMPLE_STORE,
}
