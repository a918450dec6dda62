import { CONTEXT_LOADERS, HANDLED_EVENTS } from "../../../workflows/context/registry"
import { loadFulfillmentContext } from "../../../workflows/context/fulfillment"
import { loadOrderContext } from "../../../workflows/context/order"
import { MAIL_EVENTS } from "../core/events/definitions"

/** The subscriber's event list and the loader registry are derived from the event definitions. */
describe("loader registry", () => {
  it("has a loader for exactly the Medusa events the definitions name", () => {
    const named = MAIL_EVENTS.flatMap((d) => Object.keys(d.medusa_events))
    expect(HANDLED_EVENTS).toEqual(named)
    for (const event of named) expect(CONTEXT_LOADERS[event]).toBeInstanceOf(Function)
  })

  it("wraps the loaders of events whose payload may say no_notification, and only those", () => {
    expect(CONTEXT_LOADERS["shipment.created"]).not.toBe(loadFulfillmentContext)
    // The admin's "preview with a real order" recognises order mails by their bare loader.
    expect(CONTEXT_LOADERS["order.placed"]).toBe(loadOrderContext)
  })
})
