import { byOccurrence, byResourceId } from "../events/define"
import { MAIL_EVENTS } from "../events/definitions"
import { describeVariables, EVENT_CATALOG, findEvent } from "../events/catalog"
import { eventPayloadFor } from "../events/resend"
import { SHIPPED_TEMPLATES } from "../templates/shipped"

/**
 * Every event definition is complete: it names its Medusa events and its
 * template events, each with labels, descriptions, sample context (the
 * variables), shipped templates in German and English, and a resend rule
 * unless it carries a one-time secret (the admin refuses to resend those), and
 * a loader for each Medusa event (event-loaders.unit.spec.ts runs them). The
 * registries are derived from them.
 */

const templates = MAIL_EVENTS.flatMap((d) => d.template_events.map((t) => ({ definition: d, template: t })))

describe("event definitions", () => {
  it.each(MAIL_EVENTS.map((d) => [d.family, d] as const))("%s names its Medusa events, each with its loader, and template events", (_family, d) => {
    expect(d.family).toMatch(/^[a-z]+$/)
    expect(Object.keys(d.medusa_events).length).toBeGreaterThan(0)
    for (const options of Object.values(d.medusa_events)) expect(options.load).toBeInstanceOf(Function)
    expect(d.template_events.length).toBeGreaterThan(0)
  })

  it.each(templates.map((e) => [e.template.name, e] as const))("%s is complete", (_name, { definition, template }) => {
    for (const text of [template.label_de, template.label_en, template.description_de, template.description_en]) {
      expect(text.trim().length).toBeGreaterThan(3)
    }
    expect(template.resource_type).toMatch(/^[a-z]+$/)
    expect(describeVariables(template.sample_context).length).toBeGreaterThan(3)
    expect(Object.keys(template.shipped).sort()).toEqual(["de", "en"])
    const medusaEvents = Object.keys(definition.medusa_events)
    if (!template.carries_secret_link) {
      // Every mail without a one-time link can be rebuilt for a resend (the admin refuses the others).
      expect(template.resend).toBeInstanceOf(Function)
    }
    if (template.resend) {
      // A resend goes through the loader of the template's own (same-named) Medusa event.
      expect(medusaEvents).toContain(template.name)
    }
    if (!medusaEvents.includes(template.name)) {
      // The Medusa event the catalog names for it must be unambiguous.
      expect(medusaEvents).toHaveLength(1)
    }
  })

  it("name every template event and every Medusa event once", () => {
    const names = templates.map((e) => e.template.name)
    expect(new Set(names).size).toBe(names.length)
    const medusaEvents = MAIL_EVENTS.flatMap((d) => Object.keys(d.medusa_events))
    expect(new Set(medusaEvents).size).toBe(medusaEvents.length)
  })

  it("are what the catalog, the shipped templates and the resend map are made of", () => {
    expect(EVENT_CATALOG.map((e) => e.name)).toEqual(templates.map((e) => e.template.name))
    expect(Object.keys(SHIPPED_TEMPLATES)).toEqual(templates.map((e) => e.template.name))
    expect(findEvent("auth.password_reset.user")?.medusa_event).toBe("auth.password_reset")
    expect(findEvent("order.placed")?.medusa_event).toBeUndefined()
    expect(findEvent("order.placed")).not.toHaveProperty("shipped")
    const ref = { event_name: "order.claim_created", resource_id: "order_1", occurrence: "claim_1" }
    expect(eventPayloadFor(ref)).toEqual({ event_name: "order.claim_created", data: { order_id: "order_1", claim_id: "claim_1" } })
    expect(eventPayloadFor({ ...ref, event_name: "invite.created" })).toEqual({ event_name: "invite.created", data: { id: "order_1" } })
    expect(eventPayloadFor({ ...ref, event_name: "mailer.test_email" })).toBeNull()
  })
})

describe("resend rules", () => {
  it("need the record they rebuild from", () => {
    expect(byResourceId({ resource_id: "", occurrence: null })).toBeNull()
    expect(byResourceId({ resource_id: "cus_1", occurrence: null })).toEqual({ id: "cus_1" })
    const rule = byOccurrence(({ occurrence }) => ({ id: occurrence }))
    expect(rule({ resource_id: "order_1", occurrence: null })).toBeNull()
    expect(rule({ resource_id: "order_1", occurrence: "ful_1" })).toEqual({ id: "ful_1" })
  })
})
