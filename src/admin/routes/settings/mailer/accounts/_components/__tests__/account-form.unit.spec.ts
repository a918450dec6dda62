import type { MailerAccount } from "../../../../../../lib/types"
import { connectionHints, hintsFromWarnings, isLocalHost } from "../connection-hints"
import { accountFormSchema, isFormField, toApiBody, toFormValues } from "../form-schema"
import { fillPlaceholders, insertAtCursor, signaturePreviewDocument } from "../signature-preview"

const saved: MailerAccount = {
  id: "macc_1", name: "Shop-Postfach", sender_name: "Muster Shop", sender_email: "shop@muster-shop.de",
  reply_to: null, host: "smtp.ionos.de", port: 465, security: "ssl", auth_required: true,
  username: "shop@muster-shop.de", has_password: true, signature_html: "<p>Ihr Team</p>", greeting: null,
  contact_name: "Erika", contact_phone: null, contact_mobile: null, contact_email: null, contact_fax: null,
  cc_1: null, cc_2: null, bcc: null, is_default: true, sales_channel_ids: ["sc_b", "sc_a"], test_mode: true,
  test_recipient: null, rate_limit_messages: null, rate_limit_pause_ms: 1000, daily_quota: null,
  dkim_domain: null, dkim_selector: null, has_dkim_private_key: true, status: "ok", verified_at: null,
  last_error: null, created_at: "", updated_at: "", warnings: [],
}

describe("connection hints (same rules as the API's warnings)", () => {
  it("asks for SSL on port 465 and for STARTTLS on 587/25", () => {
    expect(connectionHints({ host: "smtp.x.de", port: 465, security: "starttls" })).toEqual([
      { code: "PORT_465_NEEDS_SSL", suggestion: "ssl" },
    ])
    expect(connectionHints({ host: "smtp.x.de", port: 587, security: "ssl" })).toEqual([
      { code: "PORT_NEEDS_STARTTLS", suggestion: "starttls" },
    ])
    expect(connectionHints({ host: "smtp.x.de", port: 25, security: "ssl" })[0].code).toBe("PORT_NEEDS_STARTTLS")
    expect(connectionHints({ host: "smtp.x.de", port: 465, security: "ssl" })).toEqual([])
    expect(connectionHints({ host: "smtp.x.de", port: 587, security: "starttls" })).toEqual([])
  })

  it("warns about plain text to public hosts only", () => {
    expect(connectionHints({ host: "smtp.x.de", port: 2525, security: "none" })).toEqual([
      { code: "UNENCRYPTED_PUBLIC_HOST", suggestion: "starttls" },
    ])
    for (const host of ["localhost", "127.0.0.1", "192.168.1.5", "10.0.0.2", "172.20.1.1", "relay.local", "[::1]"]) {
      expect([host, isLocalHost(host)]).toEqual([host, true])
      expect(connectionHints({ host, port: 25, security: "none" })).toEqual([])
    }
    expect(isLocalHost("172.32.0.1")).toBe(false)
  })

  it("offers a fix for the server's warnings", () => {
    expect(hintsFromWarnings([{ code: "PORT_465_NEEDS_SSL", message: "Port 465 …" }], 465)).toEqual([
      { code: "PORT_465_NEEDS_SSL", message: "Port 465 …", suggestion: "ssl" },
    ])
  })
})

describe("form values → API body", () => {
  it("creates with every field: empty text is null, digits are numbers, an empty password is left out", () => {
    const values = { ...toFormValues(), name: "Shop", sender_name: "Shop", sender_email: "a@b.de", host: "smtp.b.de", port: "587", username: "a@b.de", daily_quota: "500" }
    const body = toApiBody(values, undefined, false)
    expect(body).toMatchObject({ name: "Shop", port: 587, security: "starttls", reply_to: null, daily_quota: 500, rate_limit_messages: null, test_mode: true })
    expect(body).not.toHaveProperty("password")
    expect(body).not.toHaveProperty("verify")
    expect(toApiBody({ ...values, password: "geheim" }, undefined, false).password).toBe("geheim")
  })

  it("sends only what changed on an existing account, so an untouched connection stays untouched", () => {
    const values = toFormValues(saved)
    expect(toApiBody(values, saved, false)).toEqual({})
    expect(toApiBody({ ...values, sales_channel_ids: ["sc_a", "sc_b"] }, saved, false)).toEqual({})
    expect(toApiBody({ ...values, sender_name: "Neu" }, saved, false)).toEqual({ sender_name: "Neu" })
    expect(toApiBody({ ...values, port: "587", security: "starttls" }, saved, false)).toEqual({ port: 587, security: "starttls" })
  })

  it("removes secrets only when asked (null) and adds test-and-save fields", () => {
    const values = toFormValues(saved)
    expect(toApiBody({ ...values, clear_password: true, clear_dkim_private_key: true }, saved, false)).toEqual({
      password: null,
      dkim_private_key: null,
    })
    expect(toApiBody({ ...values, test_to: " me@b.de " }, saved, true)).toEqual({ verify: true, test_to: "me@b.de" })
    expect(toApiBody(values, saved, true)).toEqual({ verify: true })
  })

  it("knows which API field names are form fields", () => {
    expect(isFormField("password")).toBe(true)
    expect(isFormField("verify")).toBe(false)
  })
})

describe("form validation", () => {
  const valid = { ...toFormValues(), name: "Shop", sender_name: "Shop", sender_email: "a@b.de", host: "smtp.b.de", username: "u" }
  const problems = (values: object) =>
    (accountFormSchema.safeParse(values).error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`)

  it("accepts a complete account", () => {
    expect(problems(valid)).toEqual([])
  })

  it("needs a user name only while login is required", () => {
    expect(problems({ ...valid, username: "" })).toEqual(["username:accounts.validation.username"])
    expect(problems({ ...valid, username: "", auth_required: false })).toEqual([])
  })

  it("rejects bad addresses, ports, hosts and limits with translatable keys", () => {
    expect(problems({ ...valid, sender_email: "shop", port: "70000", host: "smtp://x.de", cc_1: "x", daily_quota: "0" })).toEqual([
      "sender_email:accounts.validation.email",
      "host:accounts.validation.host",
      "port:accounts.validation.port",
      "cc_1:accounts.validation.email",
      "daily_quota:accounts.validation.number",
    ])
  })
})

describe("signature placeholders", () => {
  const contact = { contact_name: "Erika <M>", contact_phone: "030 1", contact_mobile: "", contact_email: "e@m.de", contact_fax: "" }

  it("fills <MITARBEITER…> and {MITARBEITER…} with escaped contact values, unknown values empty", () => {
    expect(fillPlaceholders("<b><MITARBEITER></b> {MITARBEITER_TELEFON} <MITARBEITER_MOBIL>.", contact)).toBe(
      "<b>Erika &lt;M&gt;</b> 030 1 ."
    )
  })

  it("shows the greeting as text above the signature HTML", () => {
    const doc = signaturePreviewDocument("Grüße\n<MITARBEITER> <script>", "<p><MITARBEITER_EMAIL></p>", contact)
    expect(doc).toContain("Grüße\nErika &lt;M&gt; &lt;script&gt;")
    expect(doc).toContain("<p>e@m.de</p>")
  })

  it("inserts at the cursor, replacing a selection", () => {
    expect(insertAtCursor("Hallo Welt", "<MITARBEITER>", 6, 10)).toEqual({ value: "Hallo <MITARBEITER>", cursor: 19 })
    expect(insertAtCursor("Hallo", "X", null, null)).toEqual({ value: "HalloX", cursor: 6 })
  })
})
