import { MISSING_LINK_CODE, withSettingsContext } from "../events/links-context"
import type { LoadedEmailContext } from "../events/types"
import { ONE_TIME_LINK_PLACEHOLDER } from "../one-time-link"

/** Links and shop details come from the settings the draft pipeline reads once, not from loaders. */

const loaded = (over: Partial<LoadedEmailContext> = {}): LoadedEmailContext => ({
  event_name: "auth.password_reset.customer",
  resource_type: "customer",
  resource_id: "cus_1",
  recipient: "erika@example.com",
  sales_channel_id: null,
  locale_candidates: [],
  store_locales: [],
  currency_code: null,
  context: { email: "erika@example.com", store: { name: "Muster Shop" } },
  staff_user_id: null,
  staff_user: null,
  skip_reason: null,
  ...over,
})

const BOTH = { storefront_url: "https://shop.test", admin_url: "https://shop.test/app" }
const NONE = { storefront_url: null, admin_url: null }
const reset = (base: "storefront" | "admin") =>
  ({ store_url: true, one_time: { kind: "password_reset", base, variable: "reset_url", token: "a.b+c", email: "erika@example.com" } }) as const

describe("the context from the settings", () => {
  it("leaves a context that needs nothing (sample data) as it is", () => {
    const sample = loaded({ context: { store: { name: "Muster Shop", url: "https://sample.example" } } })
    expect(withSettingsContext(sample, { bases: BOTH, settings: {} })).toBe(sample)
  })

  it("fills the storefront URL, the account page and the shop's country and tax note", () => {
    const out = withSettingsContext(loaded({ links: { store_url: true, shop_details: true, account_url: true } }), {
      bases: BOTH,
      settings: { shop_country_code: " de ", tax_note: "  " },
    })
    expect(out.context.store).toEqual({ name: "Muster Shop", url: "https://shop.test", country_code: "DE", tax_note: null })
    expect(out.context.account_url).toBe("https://shop.test/account")
    const bare = withSettingsContext(loaded({ links: { store_url: true, account_url: true } }), { bases: NONE, settings: null })
    expect(bare.context).toMatchObject({ store: { url: "" }, account_url: "" })
  })

  it("builds a one-time link outside the context: the variable holds the placeholder", () => {
    const out = withSettingsContext(loaded({ links: reset("storefront") }), { bases: BOTH, settings: {} })
    expect(out.context.reset_url).toBe(ONE_TIME_LINK_PLACEHOLDER)
    expect(out.one_time_link).toBe("https://shop.test/reset-password?token=a.b%2Bc&email=erika%40example.com")
    expect(JSON.stringify(out.context)).not.toContain("a.b+c")
    expect(out.failure).toBeNull()
    const invite = withSettingsContext(loaded({ links: { one_time: { kind: "invite", base: "admin", variable: "invite_url", token: "t&k" } } }), { bases: BOTH, settings: {} })
    expect(invite.one_time_link).toBe("https://shop.test/app/invite?token=t%26k")
  })

  it("fails the mail with what to configure when the link has no base", () => {
    const customer = withSettingsContext(loaded({ links: reset("storefront") }), { bases: { ...BOTH, storefront_url: null }, settings: {} })
    expect(customer).toMatchObject({ one_time_link: null, failure: { code: MISSING_LINK_CODE }, context: { reset_url: "" } })
    expect(customer.failure?.hint).toMatch(/storefront URL/)
    const user = withSettingsContext(loaded({ links: reset("admin") }), { bases: { ...BOTH, admin_url: null }, settings: {} })
    expect(user.failure?.hint).toMatch(/admin URL/)
    // A loader's own failure is kept.
    const own = { code: "X", message: "m" }
    expect(withSettingsContext(loaded({ links: reset("admin"), failure: own }), { bases: NONE, settings: {} }).failure).toBe(own)
  })
})
