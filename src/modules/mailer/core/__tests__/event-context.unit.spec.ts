import { occurrenceKey } from "../events/occurrence"
import { eventPayloadFor } from "../events/resend"
import {
  absoluteHttpUrl,
  inviteUrl,
  passwordResetUrl,
  resolveLinkBases,
  tokenFingerprint,
  tokenLifetimeMinutes,
} from "../links"
import { changeActors, itemLines, latestRefund, shipmentView, staffCandidates } from "../events/views"
import { chooseLocale } from "../templates/choose-locale"
import { eventIdempotencyKey } from "../idempotency"

/** The pure parts of the context loaders: links, shaping of Query results, keys, locale. */

describe("link bases", () => {
  it("prefer the settings, then the plugin options, then Medusa's admin config", () => {
    const admin = { storefrontUrl: "https://config.example", backendUrl: "https://api.example", path: "/dashboard" }
    expect(resolveLinkBases({ settings: { storefront_url: "https://settings.example/" }, options: { storefront_url: "https://option.example" }, admin })).toEqual({
      storefront_url: "https://settings.example",
      admin_url: "https://api.example/dashboard",
    })
    expect(resolveLinkBases({ settings: { storefront_url: null }, options: { storefront_url: "https://option.example", admin_url: "https://admin.example/app" }, admin })).toEqual({
      storefront_url: "https://option.example",
      admin_url: "https://admin.example/app",
    })
    expect(resolveLinkBases({ admin }).storefront_url).toBe("https://config.example")
  })

  it("ignore what cannot be a link in a mail (Medusa's default backendUrl '/')", () => {
    expect(resolveLinkBases({ admin: { backendUrl: "/", path: "/app" } })).toEqual({ storefront_url: null, admin_url: null })
    expect(resolveLinkBases({ settings: { storefront_url: "shop.example.com", admin_url: "javascript:alert(1)" } })).toEqual({
      storefront_url: null,
      admin_url: null,
    })
    expect(resolveLinkBases({ admin: { backendUrl: "http://localhost:9000" } }).admin_url).toBe("http://localhost:9000/app")
  })

  it("build reset and invitation URLs with encoded parameters", () => {
    expect(passwordResetUrl("https://shop.example/", "a.b+c/d", "erika+test@kunde.example")).toBe(
      "https://shop.example/reset-password?token=a.b%2Bc%2Fd&email=erika%2Btest%40kunde.example"
    )
    expect(inviteUrl("https://shop.example/app", "tok&en")).toBe("https://shop.example/app/invite?token=tok%26en")
  })

  it("keep only absolute http(s) tracking URLs", () => {
    expect(absoluteHttpUrl("https://track.example/?id=1")).toBe("https://track.example/?id=1")
    expect(absoluteHttpUrl("javascript:alert(1)")).toBeNull()
    expect(absoluteHttpUrl("data:text/html,x")).toBeNull()
    expect(absoluteHttpUrl("/relative")).toBeNull()
    expect(absoluteHttpUrl(null)).toBeNull()
  })
})

describe("reset tokens", () => {
  const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.s`

  it("are fingerprinted: stable, distinct, and never containing the token", () => {
    const token = jwt({ entity_id: "erika@kunde.example", iat: 1, exp: 901 })
    expect(tokenFingerprint(token)).toBe(tokenFingerprint(token))
    expect(tokenFingerprint(token)).not.toBe(tokenFingerprint(`${token}x`))
    expect(tokenFingerprint(token)).toMatch(/^[0-9a-f]{16}$/)
    expect(token).not.toContain(tokenFingerprint(token))
  })

  it("tell how long they are valid, or nothing", () => {
    expect(tokenLifetimeMinutes(jwt({ iat: 1000, exp: 1900 }))).toBe(15)
    expect(tokenLifetimeMinutes(jwt({ iat: 1000 }))).toBeNull()
    expect(tokenLifetimeMinutes("not-a-jwt")).toBeNull()
    expect(tokenLifetimeMinutes("a.%%%.c")).toBeNull()
  })
})

describe("shaping Query results", () => {
  const orderItems = [
    { id: "ordli_1", product_title: "Espressotasse", title: "Weiß / 2er-Set", variant_title: "Weiß / 2er-Set", variant_sku: "ESP-2" },
    { id: "ordli_2", product_title: "Kaffeebohnen", title: "1 kg", variant_title: "1 kg" },
  ]

  it("turns a fulfillment into carrier, tracking numbers and safe links, without label URLs", () => {
    const view = shipmentView(
      {
        id: "ful_1",
        shipping_option: { name: "DHL Paket" },
        labels: [
          { tracking_number: "0034", tracking_url: "https://dhl.example/track?n=0034", label_url: "https://labels.example/1.pdf" },
          { tracking_number: "JJD1", tracking_url: "javascript:alert(1)" },
          { tracking_number: "", tracking_url: "https://dhl.example/empty" },
        ],
        items: [{ line_item_id: "ordli_2", title: "1 kg", sku: "K-1", quantity: 3 }],
      },
      orderItems
    )
    expect(view).toMatchObject({
      carrier: "DHL Paket",
      tracking_numbers: ["0034", "JJD1"],
      tracking_links: [
        { number: "0034", url: "https://dhl.example/track?n=0034" },
        { number: "JJD1", url: null },
      ],
      items: [{ title: "Kaffeebohnen", variant_title: "1 kg", sku: "K-1", quantity: 3 }],
    })
    expect(JSON.stringify(view)).not.toContain("labels.example")
  })

  it("names return, claim and exchange items by their order line", () => {
    const entries = [
      { item_id: "ordli_1", quantity: 2, received_quantity: 1 },
      { item_id: "ordli_missing", quantity: 1, item: { title: "Gelöschter Artikel" } },
    ]
    expect(itemLines(entries, orderItems)).toEqual([
      { title: "Espressotasse", variant_title: "Weiß / 2er-Set", sku: "ESP-2", quantity: 2 },
      { title: "Gelöschter Artikel", variant_title: null, sku: null, quantity: 1 },
    ])
    expect(itemLines(entries, orderItems, "received_quantity")[0].quantity).toBe(1)
    expect(itemLines(undefined, orderItems)).toEqual([])
  })

  it("takes the newest refund and the most decisive actor", () => {
    expect(latestRefund([{ id: "a", created_at: "2026-01-01" }, { id: "b", created_at: "2026-03-01" }])?.id).toBe("b")
    expect(latestRefund([])).toBeNull()
    expect(
      changeActors([
        { created_at: "2026-01-01", created_by: "user_old", confirmed_by: null },
        { created_at: "2026-02-01", created_by: "user_creator", confirmed_by: "user_confirmer" },
      ])
    ).toEqual(["user_confirmer", "user_creator", "user_old"])
    expect(staffCandidates(null, "user_a", "", undefined, "user_a", "user_b")).toEqual(["user_a", "user_b"])
  })
})

describe("occurrences in idempotency keys", () => {
  it("give two shipments of one order two keys and survive escaping", () => {
    const key = (occurrence_id: string | null) =>
      eventIdempotencyKey({ event_name: "shipment.created", resource_id: occurrenceKey({ resource_id: "order_1", occurrence_id }), locale: "de" })
    expect(key("ful_1")).toBe("shipment.created:order_1/ful_1:shipment.created:de")
    expect(key("ful_1")).not.toBe(key("ful_2"))
    expect(key(null)).toBe("shipment.created:order_1:shipment.created:de")
    expect(key("a:b")).toBe("shipment.created:order_1/a%3Ab:shipment.created:de")
  })

  it("rebuild the event payload of a logged mail for a resend from its occurrence column", () => {
    // The key is not read: a resend row's key ("resend:…") has no occurrence, its column has.
    const ref = (event_name: string, occurrence: string | null) => ({ event_name, resource_id: "order_1", occurrence, idempotency_key: "resend:mmsg_1:n" })
    expect(eventPayloadFor(ref("order.placed", null))).toEqual({ event_name: "order.placed", data: { id: "order_1" } })
    expect(eventPayloadFor(ref("shipment.created", "ful_1"))?.data).toEqual({ id: "ful_1" })
    expect(eventPayloadFor(ref("order.return_received", "return_1"))?.data).toEqual({ order_id: "order_1", return_id: "return_1" })
    expect(eventPayloadFor(ref("payment.refunded", "ref_1"))?.data).toEqual({ refund_id: "ref_1" })
    expect(eventPayloadFor(ref("shipment.created", null))).toBeNull()
    expect(eventPayloadFor(ref("auth.password_reset.customer", "abc"))).toBeNull()
  })
})

describe("the mail's language", () => {
  const defaultLocale = "en"
  const loaded = (locale_candidates: (string | null)[], store_locales: string[] = []) =>
    ({ event_name: "shipment.created", locale_candidates, store_locales }) as never

  it("follows the order's locale, 'de-DE' matching the German template", () => {
    expect(chooseLocale(loaded(["de-DE"]), [], defaultLocale)).toBe("de")
    expect(chooseLocale(loaded(["en-GB"]), [], defaultLocale)).toBe("en")
  })

  it("uses a stored template's exact locale when there is one", () => {
    expect(chooseLocale(loaded(["de-AT"]), ["de-AT"], defaultLocale)).toBe("de-AT")
  })

  it("falls back to the store's only locale, then the settings' default", () => {
    expect(chooseLocale(loaded([null], ["de-DE"]), [], defaultLocale)).toBe("de")
    expect(chooseLocale(loaded([null], ["de-DE", "en-US"]), [], defaultLocale)).toBe("en")
    expect(chooseLocale(loaded(["fr-FR"]), [], "de")).toBe("de")
  })
})
