import { claimView } from "../events/views"
import { pickAccount, staffInfoOf } from "../resolve-account"
import { pickStoredTemplate } from "../templates/resolve-template"

/**
 * Which template, account and staff member a mail gets. The app-level specs
 * (events-orders) prove the channel cases end to end; this covers every step
 * of the fallback chains.
 */

const row = (id: string, locale: string, sales_channel_id: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  event_name: "shipment.created",
  locale,
  sales_channel_id,
  is_active: true,
  ...extra,
})

describe("template resolution: (event, channel, locale) → (any channel, locale) → default locale → shipped", () => {
  const query = { event_name: "shipment.created", sales_channel_id: "sc_web", locale: "de", default_locale: "en" }

  it("prefers the channel's template in the mail's language", () => {
    const rows = [row("any-de", "de", null), row("web-de", "de-DE", "sc_web"), row("web-en", "en", "sc_web")]
    expect(pickStoredTemplate(rows, query)?.id).toBe("web-de")
  })

  it("takes the all-channel template in the language before the channel's one in the default language", () => {
    const rows = [row("web-en", "en", "sc_web"), row("any-de", "de", null)]
    expect(pickStoredTemplate(rows, query)?.id).toBe("any-de")
  })

  it("falls back to the default language, channel first, and ignores other channels, events and inactive rows", () => {
    const rows = [
      row("other-de", "de", "sc_market"),
      row("web-de-off", "de", "sc_web", { is_active: false }),
      row("cancel-de", "de", null, { event_name: "order.canceled" }),
      row("any-en", "en", null),
      row("web-en", "en-GB", "sc_web"),
    ]
    expect(pickStoredTemplate(rows, query)?.id).toBe("web-en")
    expect(pickStoredTemplate(rows.slice(0, 4), query)?.id).toBe("any-en")
  })

  it("answers null when the shipped default should be used", () => {
    expect(pickStoredTemplate([row("other-de", "de", "sc_market"), row("fr", "fr", null)], query)).toBeNull()
    expect(pickStoredTemplate([], { ...query, sales_channel_id: null })).toBeNull()
  })
})

describe("account resolution: template's account → channel's account → default", () => {
  const accounts = [
    { id: "default", is_default: true, sales_channel_ids: { ids: [] } },
    { id: "web", is_default: false, sales_channel_ids: { ids: ["sc_web"] } },
    { id: "newsletter", is_default: false, sales_channel_ids: null },
  ]

  it("uses the template's own account first", () => {
    expect(pickAccount(accounts, { template_account_id: "newsletter", sales_channel_id: "sc_web" })?.id).toBe("newsletter")
  })

  it("then the account assigned to the order's sales channel, then the default", () => {
    expect(pickAccount(accounts, { sales_channel_id: "sc_web" })?.id).toBe("web")
    expect(pickAccount(accounts, { sales_channel_id: "sc_market" })?.id).toBe("default")
    expect(pickAccount(accounts, { template_account_id: "deleted", sales_channel_id: null })?.id).toBe("default")
  })

  it("finds none when no account is the default (the mail is logged as failed, NO_ACCOUNT)", () => {
    expect(pickAccount(accounts.slice(1), { sales_channel_id: "sc_market" })).toBeNull()
  })
})

describe("staff member of the signature", () => {
  const contact = { contact_name: "Karl Kontakt", contact_phone: "+49 221 555 0100", contact_email: "karl@shop.test" }

  it("is the admin who acted, with the plugin's staff profile", () => {
    expect(
      staffInfoOf({
        user: { first_name: "Sabine", last_name: "Service", email: "sabine@shop.test" },
        profile: { phone: "+49 221 555 0142", mobile: null, fax: "+49 221 555 0199" },
        contact,
      })
    ).toEqual({ name: "Sabine Service", email: "sabine@shop.test", phone: "+49 221 555 0142", mobile: null, fax: "+49 221 555 0199" })
  })

  it("else the account's contact person", () => {
    expect(staffInfoOf({ user: null, contact })).toMatchObject({ name: "Karl Kontakt", phone: "+49 221 555 0100", email: "karl@shop.test" })
    expect(staffInfoOf({})).toEqual({ name: null, email: null, phone: null, mobile: null, fax: null })
  })
})

describe("claim items", () => {
  it("split the claimed items from the replacements (both relations read one table)", () => {
    const items = [
      { id: "ci_1", item_id: "ordli_1", quantity: 1, is_additional_item: false },
      { id: "ci_2", item_id: "ordli_new", quantity: 1, is_additional_item: true },
    ]
    const view = claimView({ id: "claim_1", type: "replace", claim_items: items, additional_items: items }, [
      { id: "ordli_1", product_title: "Espressotasse", variant_title: "Weiß" },
      { id: "ordli_new", product_title: "Espressotasse", variant_title: "Schwarz" },
    ])
    expect(view.claimed_items).toEqual([{ title: "Espressotasse", variant_title: "Weiß", sku: null, quantity: 1 }])
    expect(view.new_items).toEqual([{ title: "Espressotasse", variant_title: "Schwarz", sku: null, quantity: 1 }])
    expect(view.return_items).toEqual([])
  })
})
