import { describeError } from "../../core/errors"
import { classifyEventError, cleanDetail, EventPayloadError, MAX_DETAIL, payloadProblem } from "../classify"
import { failureLogRow, logRefFor } from "../failure-row"
import { openPayload, sealPayload } from "../payload"
import { decideAfterFailure, DEFAULT_EVENT_RETRY, eventRetryPolicy } from "../retry"

const transient = { code: "EVENT_PROCESSING_FAILED" as const, permanent: false, message: "boom" }
const received = new Date("2026-12-03T12:00:00.000Z")
const at = (ms: number) => new Date(received.getTime() + ms)

describe("classifyEventError", () => {
  it("ends at once when the resource does not exist (Query's throwIfKeyNotFound, serialized by the workflow)", () => {
    const err = { name: "Error", type: "not_found", message: "Order id not found: order_123" }
    expect(classifyEventError(err)).toEqual({ code: "EVENT_RESOURCE_NOT_FOUND", permanent: true, message: "Order id not found: order_123" })
  })

  it("ends at once for an unusable payload or an event without a mail", () => {
    expect(classifyEventError({ type: "invalid_data", message: 'No mail is defined for the event "x".' })).toMatchObject({
      code: "EVENT_PAYLOAD_INVALID",
      permanent: true,
    })
    expect(classifyEventError(new EventPayloadError("no id"))).toMatchObject({ code: "EVENT_PAYLOAD_INVALID", permanent: true })
  })

  it("retries database errors, crashes and anything unknown, keeping the driver's code in the detail", () => {
    const pg = { name: "TableNotFoundException", code: "42P01", message: 'select … - relation "store_locale" does not exist' }
    expect(classifyEventError(pg)).toEqual({
      code: "EVENT_PROCESSING_FAILED",
      permanent: false,
      message: '[42P01] select … - relation "store_locale" does not exist',
    })
    expect(classifyEventError(new TypeError("Cannot read properties of undefined"))).toMatchObject({ permanent: false })
    expect(classifyEventError("a string")).toMatchObject({ permanent: false, message: "a string" })
    expect(classifyEventError(undefined)).toMatchObject({ permanent: false, message: "unknown error" })
    expect(classifyEventError({ type: "database_error", message: "deadlock" })).toMatchObject({ permanent: false })
  })
})

describe("cleanDetail", () => {
  it("keeps one line and removes a connection string's password", () => {
    const text = "connect failed\n  for postgres://medusa:hunter2@db.internal:5432/shop"
    expect(cleanDetail(text)).toBe("connect failed for postgres://medusa:[redacted]@db.internal:5432/shop")
    expect(cleanDetail(text)).not.toContain("hunter2")
  })

  it("caps the length", () => {
    const out = cleanDetail("x".repeat(2000))
    expect(out).toHaveLength(MAX_DETAIL)
    expect(out.endsWith("…")).toBe(true)
  })
})

describe("payloadProblem", () => {
  it("accepts the payloads Medusa emits", () => {
    expect(payloadProblem({ id: "order_1" })).toBeNull()
    expect(payloadProblem({ order_id: "order_1", return_id: "ret_1" })).toBeNull()
    expect(payloadProblem({ entity_id: "a@b.test", actor_type: "customer", token: "t" })).toBeNull()
  })

  it("refuses what no loader can use", () => {
    expect(payloadProblem(null)).toMatch(/not an object/)
    expect(payloadProblem(["order_1"])).toMatch(/not an object/)
    expect(payloadProblem({ id: "" })).toMatch(/names no id .*keys id/)
    expect(payloadProblem({ id: 42 })).toMatch(/names no id/)
    expect(payloadProblem({})).toMatch(/keys none/)
  })
})

describe("eventRetryPolicy", () => {
  it("defaults to 30 s doubling up to 15 min for 3 days", () => {
    expect(eventRetryPolicy(undefined)).toEqual({ baseDelayMs: 30_000, maxDelayMs: 900_000, lifetimeMs: 3 * 86_400_000 })
  })

  it("takes the outbox's retry lifetime unless event_retry names one, and ignores nonsense", () => {
    expect(eventRetryPolicy({}, { lifetimeMs: 5 * 86_400_000 }).lifetimeMs).toBe(5 * 86_400_000)
    expect(eventRetryPolicy({ lifetimeMs: 60_000 }, { lifetimeMs: 5 * 86_400_000 }).lifetimeMs).toBe(60_000)
    expect(eventRetryPolicy({ baseDelayMs: -1, maxDelayMs: Number.NaN, lifetimeMs: "1" }, { lifetimeMs: 0 })).toEqual(DEFAULT_EVENT_RETRY)
  })
})

describe("decideAfterFailure", () => {
  const policy = eventRetryPolicy({ baseDelayMs: 1000, maxDelayMs: 8000, lifetimeMs: 60_000 })

  it("ends a permanent error at once, whatever the attempts", () => {
    const notFound = { code: "EVENT_RESOURCE_NOT_FOUND" as const, permanent: true, message: "x" }
    expect(decideAfterFailure(notFound, 1, received, policy, at(0))).toEqual({ status: "failed", ended: "permanent" })
  })

  it("retries a transient one with growing, capped, jittered delays", () => {
    const ceilings = [1, 2, 3, 4, 5, 6].map((n) => {
      const d = decideAfterFailure(transient, n, received, policy, at(0), () => 1)
      return d.status === "pending" ? d.next_attempt_at.getTime() - received.getTime() : -1
    })
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 8000, 8000])
    const half = decideAfterFailure(transient, 3, received, policy, at(0), () => 0.5)
    expect(half).toEqual({ status: "pending", next_attempt_at: at(2000) })
  })

  it("schedules the last retry at the give-up time and then ends", () => {
    expect(decideAfterFailure(transient, 9, received, policy, at(59_000), () => 1)).toEqual({ status: "pending", next_attempt_at: at(60_000) })
    expect(decideAfterFailure(transient, 10, received, policy, at(60_000), () => 1)).toEqual({ status: "failed", ended: "lifetime" })
  })
})

describe("sealPayload / openPayload", () => {
  const seal = (plain: string) => `sealed(${plain})`
  const open = (sealed: string) => sealed.replace(/^sealed\((.*)\)$/, "$1")

  it("keeps a reset's token only sealed and gives it back as emitted", () => {
    const data = { entity_id: "erika@kunde.test", actor_type: "customer", token: "eyJ.secret.token", metadata: {} }
    const stored = sealPayload(data, seal)
    expect(JSON.stringify(stored)).not.toContain('"eyJ.secret.token"')
    expect(stored.token).toEqual({ $sealed: "sealed(eyJ.secret.token)" })
    expect(openPayload(stored, open)).toEqual(data)
  })

  it("leaves payloads without secrets alone", () => {
    expect(sealPayload({ id: "order_1" }, seal)).toEqual({ id: "order_1" })
    expect(openPayload({ id: "order_1", token: "" }, open)).toEqual({ id: "order_1", token: "" })
  })

  it("fails when the sealed value cannot be opened (key changed)", () => {
    const stored = sealPayload({ entity_id: "x", token: "t" }, seal)
    expect(() =>
      openPayload(stored, () => {
        throw new Error("decrypt failed")
      })
    ).toThrow("decrypt failed")
  })
})

describe("logRefFor", () => {
  it("files order events under the order, with the occurrence the resend rule needs", () => {
    expect(logRefFor("order.placed", { id: "order_1" })).toEqual({ event_name: "order.placed", resource_type: "order", resource_id: "order_1", occurrence: null })
    expect(logRefFor("order.return_requested", { order_id: "order_1", return_id: "ret_1" })).toEqual({
      event_name: "order.return_requested",
      resource_type: "order",
      resource_id: "order_1",
      occurrence: "ret_1",
    })
    expect(logRefFor("order.claim_created", { order_id: "order_1", claim_id: "claim_1" })).toMatchObject({ occurrence: "claim_1" })
  })

  it("does not take a fulfillment's or payment's id for the order", () => {
    expect(logRefFor("shipment.created", { id: "ful_1" })).toMatchObject({ event_name: "shipment.created", resource_type: "order", resource_id: null })
    expect(logRefFor("payment.refunded", { id: "pay_1" })).toMatchObject({ resource_id: null })
  })

  it("names customer mails by the customer and resets by their template event, never by the token", () => {
    expect(logRefFor("customer.created", { id: "cus_1" })).toMatchObject({ resource_type: "customer", resource_id: "cus_1" })
    const reset = logRefFor("auth.password_reset", { entity_id: "a@b.test", actor_type: "user", token: "secret" })
    expect(reset).toEqual({ event_name: "auth.password_reset.user", resource_type: "user", resource_id: null, occurrence: null })
  })

  it("keeps an unknown event's name", () => {
    expect(logRefFor("my.event", { id: "x" })).toEqual({ event_name: "my.event", resource_type: null, resource_id: "x", occurrence: null })
  })
})

describe("failureLogRow", () => {
  it("is a failed row with the table's code and hint, no recipient, a key per event and the detail", () => {
    const row = failureLogRow(
      { id: "mevt_1", event_name: "order.placed", data: { id: "order_1" }, attempts: 7, received_at: received },
      transient
    )
    expect(row).toEqual({
      idempotency_key: "event-failed:mevt_1",
      status: "failed",
      event_name: "order.placed",
      resource_type: "order",
      resource_id: "order_1",
      occurrence: null,
      to: null,
      error_code: "EVENT_PROCESSING_FAILED",
      error_message: "boom (event order.placed, 7 attempts since 2026-12-03T12:00:00.000Z)",
      error_hint: describeError("EVENT_PROCESSING_FAILED", "en").hint,
      triggered_by: "system",
    })
  })

  it("has German and English texts for every inbox code", () => {
    for (const code of ["EVENT_PROCESSING_FAILED", "EVENT_RESOURCE_NOT_FOUND", "EVENT_PAYLOAD_INVALID"]) {
      const de = describeError(code, "de")
      const en = describeError(code, "en")
      expect(de.code).toBe(code)
      expect([de.message, de.hint, en.message, en.hint].every((t) => t.length > 20)).toBe(true)
      expect(de.message).not.toBe(en.message)
    }
  })
})
