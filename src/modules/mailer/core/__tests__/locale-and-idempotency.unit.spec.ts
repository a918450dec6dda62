import { eventIdempotencyKey, manualIdempotencyKey } from "../idempotency"
import { languageOf, normalizeLocale, resolveLocale } from "../locale"

describe("locale", () => {
  it("normalizes and extracts the language", () => {
    expect(normalizeLocale("de-DE")).toBe("de-de")
    expect(normalizeLocale(" de_AT ")).toBe("de-at")
    expect(languageOf("de-DE")).toBe("de")
    expect(languageOf("EN")).toBe("en")
  })

  it("picks the first candidate with an exact or language match", () => {
    const available = ["de", "en", "de-AT"]
    expect(resolveLocale(["de-at"], available, "en")).toBe("de-AT")
    expect(resolveLocale(["de-CH"], available, "en")).toBe("de")
    expect(resolveLocale(["fr-FR", null, "en-GB", "de"], available, "de")).toBe("en")
    expect(resolveLocale([undefined, "", "  "], available, "de")).toBe("de")
    expect(resolveLocale(["fr"], available, "en")).toBe("en")
    expect(resolveLocale(["de_de"], ["en-us", "de-de"], "en-us")).toBe("de-de")
    expect(resolveLocale(["de"], ["en-US", "de-DE"], "en-US")).toBe("de-DE")
    expect(resolveLocale(["de-ch"], [], "de")).toBe("de")
  })
})

describe("idempotency keys", () => {
  it("builds event:resource:template_event:locale", () => {
    expect(eventIdempotencyKey({ event_name: "order.placed", resource_id: "order_01", template_event: "order.placed", locale: "de-DE" })).toBe(
      "order.placed:order_01:order.placed:de-de"
    )
  })

  it("is stable and distinguishes every part", () => {
    const key = (o: Partial<Parameters<typeof eventIdempotencyKey>[0]>) =>
      eventIdempotencyKey({ event_name: "shipment.created", resource_id: "ful_1", template_event: "shipment.created", locale: "de", ...o })
    expect(key({})).toBe(key({}))
    expect(new Set([key({}), key({ resource_id: "ful_2" }), key({ locale: "en" }), key({ template_event: "delivery.created" }), key({ event_name: "x" })]).size).toBe(5)
    // a colon inside a part cannot make two different inputs collide
    expect(key({ resource_id: "a:b", locale: "de" })).not.toBe(key({ resource_id: "a", template_event: "b:shipment.created" }))
  })

  it("refuses empty parts", () => {
    expect(() => eventIdempotencyKey({ event_name: "order.placed", resource_id: "", template_event: "order.placed", locale: "de" })).toThrow(TypeError)
    expect(() => manualIdempotencyKey("resend", "msg_1", " ")).toThrow(TypeError)
  })

  it("gives manual sends their own key per nonce", () => {
    expect(manualIdempotencyKey("resend", "msg_1", "n1")).toBe("resend:msg_1:n1")
    expect(manualIdempotencyKey("test", "acc_1", "n1")).toBe("test:acc_1:n1")
    expect(manualIdempotencyKey("resend", "msg_1", "n2")).not.toBe(manualIdempotencyKey("resend", "msg_1", "n1"))
  })
})
