import { MAIL_EVENTS } from "../events/definitions"
import { withSettingsContext } from "../events/links-context"
import { loadOrderContext } from "../events/loaders/order-mail"
import { CONTEXT_LOADERS, contextLoaderFor, HANDLED_EVENTS } from "../events/registry"
import type { QueryGraph } from "../events/types"
import { ONE_TIME_LINK_PLACEHOLDER } from "../one-time-link"

/**
 * The loaders are part of the event definitions: the registry and the subscriber's list are
 * derived from them, and every template event's loader builds the variables its sample context
 * promises (the admin's variable list, previews and validation rely on that). The loaders get
 * only a QueryGraph: a shop served from plain rows here, no settings, no container.
 */

const ORDER = {
  id: "order_1",
  display_id: 1042,
  email: "erika@example.com",
  currency_code: "eur",
  locale: "de-DE",
  sales_channel_id: "sc_1",
  items: [{ id: "item_1", title: "Shirt", quantity: 2, unit_price: 10 }],
  shipping_address: { first_name: "Erika", last_name: "Mustermann", country_code: "de" },
  customer: { id: "cus_1", first_name: "Erika", last_name: "Mustermann", email: "erika@example.com", has_account: true },
}

const ROWS: Record<string, Record<string, unknown>[]> = {
  order: [ORDER],
  store: [{ id: "store_1", name: "Muster Shop", supported_locales: [{ locale_code: "de-DE" }] }],
  user: [{ id: "user_1", first_name: "Anna", last_name: "Admin", email: "anna@shop.test" }],
  order_change: [],
  customer: [{ id: "cus_1", email: "erika@example.com", first_name: "Erika", last_name: "Mustermann", has_account: true }],
  fulfillment: [{ id: "ful_1", order: { id: "order_1" }, labels: [{ tracking_number: "00340", tracking_url: "https://track.example/00340" }], items: [{ title: "Shirt", quantity: 2, line_item_id: "item_1" }] }],
  return: [{ id: "ret_1", order_id: "order_1", items: [{ item_id: "item_1", quantity: 1 }] }],
  order_claim: [{ id: "claim_1", order_id: "order_1", type: "replace", claim_items: [{ item_id: "item_1", quantity: 1 }], additional_items: [] }],
  order_exchange: [{ id: "exch_1", order_id: "order_1", additional_items: [{ item_id: "item_1", quantity: 1 }] }],
  payment: [{ id: "pay_1", amount: 20, currency_code: "eur", refunds: [{ id: "ref_1", amount: 5, created_at: "2026-12-01T10:00:00Z" }], payment_collection: { order: { id: "order_1" } } }],
  invite: [{ id: "invite_1", email: "new@shop.test", token: "INVITE-TOKEN", accepted: false }],
}

function shop(): { query: QueryGraph; entities: string[] } {
  const entities: string[] = []
  const query: QueryGraph = {
    graph: async ({ entity }) => {
      entities.push(entity)
      return { data: structuredClone(ROWS[entity] ?? []) }
    },
  }
  return { query, entities }
}

/** The Medusa event and payload that make each template event's mail. */
const TRIGGERS: Record<string, { event: string; data: Record<string, unknown> }> = {
  "order.placed": { event: "order.placed", data: { id: "order_1" } },
  "order.canceled": { event: "order.canceled", data: { id: "order_1" } },
  "shipment.created": { event: "shipment.created", data: { id: "ful_1", no_notification: false } },
  "delivery.created": { event: "delivery.created", data: { id: "ful_1" } },
  "order.return_requested": { event: "order.return_requested", data: { order_id: "order_1", return_id: "ret_1" } },
  "order.return_received": { event: "order.return_received", data: { order_id: "order_1", return_id: "ret_1" } },
  "order.claim_created": { event: "order.claim_created", data: { order_id: "order_1", claim_id: "claim_1" } },
  "order.exchange_created": { event: "order.exchange_created", data: { order_id: "order_1", exchange_id: "exch_1" } },
  "payment.refunded": { event: "payment.refunded", data: { id: "pay_1" } },
  "customer.created": { event: "customer.created", data: { id: "cus_1" } },
  "auth.password_reset.customer": { event: "auth.password_reset", data: { entity_id: "erika@example.com", actor_type: "customer", token: "RESET-TOKEN" } },
  "auth.password_reset.user": { event: "auth.password_reset", data: { entity_id: "anna@shop.test", actor_type: "user", token: "RESET-TOKEN" } },
  "invite.created": { event: "invite.created", data: { id: "invite_1" } },
}

const BASES = { storefront_url: "https://shop.test", admin_url: "https://shop.test/app" }
const templates = MAIL_EVENTS.flatMap((d) => d.template_events.map((t) => [t.name, t] as const))

describe("loader registry", () => {
  it("has a loader for exactly the Medusa events the definitions name", () => {
    const named = MAIL_EVENTS.flatMap((d) => Object.keys(d.medusa_events))
    expect(HANDLED_EVENTS).toEqual(named)
    for (const event of named) expect(CONTEXT_LOADERS[event]).toBeInstanceOf(Function)
    expect(contextLoaderFor("constructor")).toBeUndefined()
    expect(contextLoaderFor("order.updated")).toBeUndefined()
  })

  it("wraps the loaders of events whose payload may say no_notification, and only those", async () => {
    const fulfillment = MAIL_EVENTS.flatMap((d) => Object.entries(d.medusa_events)).find(([e]) => e === "shipment.created")![1]
    expect(CONTEXT_LOADERS["shipment.created"]).not.toBe(fulfillment.load)
    // The admin's "preview with a real order" recognises order mails by their bare loader.
    expect(CONTEXT_LOADERS["order.placed"]).toBe(loadOrderContext)
    const quiet = await CONTEXT_LOADERS["shipment.created"]({ event_name: "shipment.created", data: { id: "ful_1", no_notification: true } }, shop())
    expect(quiet.skip_reason).toBe("NO_NOTIFICATION")
  })
})

describe("every template event's loader", () => {
  it("has a trigger in this test (a new definition adds one)", () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(templates.map(([name]) => name).sort())
  })

  it.each(templates)("%s builds the variables of its sample context, reading Query only", async (name, template) => {
    const { event, data } = TRIGGERS[name]
    const { query, entities } = shop()
    const loaded = await contextLoaderFor(event)!({ event_name: event, data }, { query })
    expect(loaded).toMatchObject({ event_name: name, resource_type: template.resource_type, skip_reason: null })
    const complete = withSettingsContext(loaded, { bases: BASES, settings: { shop_country_code: "de", tax_note: null } })
    expect(complete.failure ?? null).toBeNull()
    expect(Object.keys(complete.context).sort()).toEqual(Object.keys(template.sample_context).sort())
    expect((complete.context.store as Record<string, unknown>).url).toBe("https://shop.test")
    // Settings are not Medusa entities: a loader that read them would have asked Query for one.
    expect(entities.every((entity) => entity in ROWS)).toBe(true)
    if (template.carries_secret_link) {
      // The secret stays out of the context: the link is sealed on the row, the body holds a placeholder.
      expect(JSON.stringify(complete.context)).not.toMatch(/RESET-TOKEN|INVITE-TOKEN/)
      expect(JSON.stringify(complete.context)).toContain(ONE_TIME_LINK_PLACEHOLDER)
      expect(complete.one_time_link).toMatch(/^https:\/\/shop\.test\/(app\/)?(reset-password|invite)\?token=/)
    }
  })
})
