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
  it("builds event:resource:event:locale", () => {
    expect(eventIdempotencyKey({ event_name: "order.placed", resource_id: "order_01", locale: "de-DE" })).toBe("order.placed:order_01:order.placed:de-de")
  })

  it("are byte-identical to the keys stored before template_event left the input (a redelivered event is not sent twice)", () => {
    // Keys as the plugin wrote them before, with the template event (always = event) in the third part.
    const stored = [
      ["order.placed", "order_01JABC", "de", "order.placed:order_01JABC:order.placed:de"],
      ["shipment.created", "order_1/ful_1", "en-GB", "shipment.created:order_1/ful_1:shipment.created:en-gb"],
      ["auth.password_reset.customer", "cus_1/0123abcd", "de_AT", "auth.password_reset.customer:cus_1/0123abcd:auth.password_reset.customer:de-at"],
      ["order.placed", " a:b%c ", "de", "order.placed:a%3Ab%25c:order.placed:de"],
    ] as const
    for (const [event_name, resource_id, locale, key] of stored) {
      expect(eventIdempotencyKey({ event_name, resource_id, locale })).toBe(key)
    }
  })

  it("is stable and distinguishes every part", () => {
    const key = (o: Partial<Parameters<typeof eventIdempotencyKey>[0]>) =>
      eventIdempotencyKey({ event_name: "shipment.created", resource_id: "ful_1", locale: "de", ...o })
    expect(key({})).toBe(key({}))
    expect(new Set([key({}), key({ resource_id: "ful_2" }), key({ locale: "en" }), key({ event_name: "delivery.created" })]).size).toBe(4)
    // a colon inside a part cannot make two different inputs collide
    expect(key({ resource_id: "a:b", locale: "de" })).not.toBe(key({ resource_id: "a", locale: "b:de" }))
  })

  it("refuses empty parts", () => {
    expect(() => eventIdempotencyKey({ event_name: "order.placed", resource_id: "", locale: "de" })).toThrow(TypeError)
    expect(() => eventIdempotencyKey({ event_name: " ", resource_id: "order_1", locale: "de" })).toThrow(TypeError)
    expect(() => manualIdempotencyKey("resend", "msg_1", " ")).toThrow(TypeError)
  })

  it("gives manual sends their own key per nonce", () => {
    expect(manualIdempotencyKey("resend", "msg_1", "n1")).toBe("resend:msg_1:n1")
    expect(manualIdempotencyKey("test", "acc_1", "n1")).toBe("test:acc_1:n1")
    expect(manualIdempotencyKey("resend", "msg_1", "n2")).not.toBe(manualIdempotencyKey("resend", "msg_1", "n1"))
  })
})
