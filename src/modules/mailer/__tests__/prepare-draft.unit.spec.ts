import type { LoadedEmailContext } from "../core/events/types"
import { SAMPLE_ORDER_CONTEXT } from "../core/events/sample-data"
import { buildDraft, type DraftReads } from "../drafts"
import { prepareDraft } from "../drafts/prepare-draft"
import type { DraftInputs } from "../drafts/draft-inputs"

/** The module's draft pipeline on plain rows: template, account and recipient choice, skips and failures. */

const loaded = (over: Partial<LoadedEmailContext> = {}): LoadedEmailContext => ({
  event_name: "order.placed",
  resource_type: "order",
  resource_id: "order_1",
  recipient: "erika@example.com",
  sales_channel_id: "sc_1",
  locale_candidates: ["de-DE"],
  store_locales: [],
  currency_code: "eur",
  context: structuredClone(SAMPLE_ORDER_CONTEXT),
  staff_user_id: null,
  staff_user: null,
  skip_reason: null,
  ...over,
})

const ACCOUNT = { id: "acc_1", is_default: true, sender_email: "shop@example.com", sender_name: "Shop", cc_1: null, cc_2: null, bcc: null }
const STORED = { id: "tpl_1", event_name: "order.placed", locale: "de", sales_channel_id: null, is_active: true, subject: "Stored {{order.display_id}}", body_html: "<p>stored</p>", account_id: null }

const inputs = (over: Partial<DraftInputs> = {}): DraftInputs => ({
  settings: { default_locale: "en", enabled_events: {}, layout_html: null },
  templates: [],
  accounts: [ACCOUNT],
  profile: undefined,
  ...over,
})

describe("the draft pipeline", () => {
  it("renders the shipped default in the order's language through the default account", async () => {
    const draft = await prepareDraft(loaded(), inputs())
    expect(draft).toMatchObject({ status: "queued", locale: "de", account_id: "acc_1", to: "erika@example.com", template_id: null })
    expect(draft.idempotency_key).toBe("order.placed:order_1:order.placed:de")
    expect(draft.subject).toContain("1042")
  })

  it("writes the occurrence to its own column, and into the key next to the resource", async () => {
    const shipment = await prepareDraft(loaded({ event_name: "shipment.created", occurrence_id: "ful_1" }), inputs())
    expect(shipment).toMatchObject({ occurrence: "ful_1", resource_id: "order_1" })
    expect(shipment.idempotency_key).toBe("shipment.created:order_1/ful_1:shipment.created:de")
    expect((await prepareDraft(loaded(), inputs())).occurrence).toBeNull()
    // Skipped rows keep it too: the log says which shipment was not mailed.
    const skipped = await prepareDraft(loaded({ occurrence_id: "ful_2", skip_reason: "NO_NOTIFICATION" }), inputs())
    expect(skipped).toMatchObject({ status: "skipped", occurrence: "ful_2" })
  })

  it("prefers the merchant's stored template", async () => {
    const draft = await prepareDraft(loaded(), inputs({ templates: [STORED] }))
    expect(draft).toMatchObject({ template_id: "tpl_1", subject: "Stored 1042" })
  })

  it("logs a switched-off event as skipped, but a manual send goes out", async () => {
    const off = inputs({ settings: { default_locale: "en", enabled_events: { "order.placed": false } } })
    expect(await prepareDraft(loaded(), off)).toMatchObject({ status: "skipped", skip_reason: "EVENT_DISABLED" })
    expect(await prepareDraft(loaded(), off, { idempotency_key: "resend:m:n" })).toMatchObject({ status: "queued" })
  })

  it("fails without an account, and sends a template test to the account's own address", async () => {
    expect(await prepareDraft(loaded(), inputs({ accounts: [] }))).toMatchObject({ status: "failed", error_code: "NO_ACCOUNT" })
    const template = { subject: "Test", body_html: "<p>t</p>" }
    const test = await prepareDraft(loaded(), inputs(), { idempotency_key: "test:x:n", template, to_account_sender: true })
    expect(test).toMatchObject({ status: "queued", to: "shop@example.com", account_id: "acc_1" })
    const named = await prepareDraft(loaded(), inputs(), { idempotency_key: "test:x:n", template, to: "me@example.com", to_account_sender: true })
    expect(named.to).toBe("me@example.com")
  })

  it("reads settings, templates, accounts and the staff profile once per mail", async () => {
    const calls: string[] = []
    const reads: DraftReads = {
      getSettings: async () => (calls.push("settings"), { default_locale: "de" }),
      listMailerTemplates: async () => (calls.push("templates"), []),
      listMailerAccounts: async () => (calls.push("accounts"), [ACCOUNT]),
      listMailerStaffProfiles: async () => (calls.push("profiles"), [{ display_name: "Sabine Service" }]),
    }
    const draft = await buildDraft(reads, loaded({ staff_user_id: "user_1" }))
    expect(draft.status).toBe("queued")
    expect(calls.sort()).toEqual(["accounts", "profiles", "settings", "templates"])
  })

  it("builds the links a loader asks for from the settings it reads (settings, then plugin options)", async () => {
    const reads = (settings: Record<string, unknown>, pluginOptions: Record<string, unknown> = {}): DraftReads => ({
      getSettings: async () => ({ default_locale: "de", ...settings }),
      listMailerTemplates: async () => [],
      listMailerAccounts: async () => [ACCOUNT],
      listMailerStaffProfiles: async () => [],
      pluginOptions,
    })
    const reset = loaded({
      event_name: "auth.password_reset.customer",
      resource_type: "customer",
      context: { customer_name: "Erika", email: "erika@example.com", store: { name: "Shop" } },
      links: { store_url: true, one_time: { kind: "password_reset", base: "storefront", variable: "reset_url", token: "TOKEN", email: "erika@example.com" } },
    })
    const fromSettings = await buildDraft(reads({ storefront_url: "https://settings.test" }, { storefront_url: "https://option.test" }), reset)
    expect(fromSettings).toMatchObject({ status: "queued", one_time_link: "https://settings.test/reset-password?token=TOKEN&email=erika%40example.com" })
    expect(fromSettings.html).not.toContain("TOKEN")
    const fromOption = await buildDraft(reads({ storefront_url: null }, { storefront_url: "https://option.test" }), reset)
    expect(fromOption.one_time_link).toMatch(/^https:\/\/option\.test\/reset-password/)
    const none = await buildDraft(reads({}), reset)
    expect(none).toMatchObject({ status: "failed", error_code: "LINK_BASE_URL_MISSING", one_time_link: null })
  })
})
