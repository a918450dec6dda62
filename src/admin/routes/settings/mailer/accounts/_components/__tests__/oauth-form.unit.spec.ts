import type { MailerAccount } from "../../../../../../lib/types"
import { accountFormSchema, toApiBody, toFormValues } from "../form-schema"
import { oauthFormValues } from "../oauth-form"
import { oauthErrorText } from "../oauth-return"

const base = {
  id: "macc_1", name: "Microsoft", sender_name: "Shop", sender_email: "shop@muster-shop.de", reply_to: null,
  host: "smtp.office365.com", port: 587, security: "starttls", auth_required: true, username: null,
  has_password: false, signature_html: null, greeting: null, contact_name: null, contact_phone: null,
  contact_mobile: null, contact_email: null, contact_fax: null, cc_1: null, cc_2: null, bcc: null,
  is_default: true, sales_channel_ids: [], test_mode: false, test_recipient: null, rate_limit_messages: null,
  rate_limit_pause_ms: null, daily_quota: null, dkim_domain: null, dkim_selector: null,
  has_dkim_private_key: false, status: "ok", verified_at: null, last_error: null, created_at: "", updated_at: "",
  warnings: [],
} as MailerAccount

const connected: MailerAccount = {
  ...base,
  auth_method: "oauth2",
  oauth: {
    provider: "microsoft", client_id: "app-1", tenant: "muster-shop.de", authorize_url: null, token_url: null,
    scopes: null, has_client_secret: true, connected: true, connected_identity: "shop@muster-shop.de",
    connected_at: "2026-12-03T12:00:00Z", access_token_expires_at: null,
  },
}

describe("OAuth2 fields of the account form → API body", () => {
  it("creates a Microsoft account with auth_method, client id, secret and tenant only", () => {
    const values = {
      ...toFormValues(), name: "M", sender_name: "S", sender_email: "a@b.de", host: "smtp.office365.com",
      auth_method: "oauth2" as const, oauth_client_id: " app-1 ", oauth_client_secret: "s3cret", oauth_tenant: "b.de",
      oauth_authorize_url: "https://ignored.example/auth",
    }
    const body = toApiBody(values, undefined, false)
    expect(body.auth_method).toBe("oauth2")
    expect(body.oauth).toEqual({ provider: "microsoft", client_id: "app-1", client_secret: "s3cret", tenant: "b.de", authorize_url: null, token_url: null, scopes: null })
    expect(body.password).toBeUndefined()
  })

  it("sends nothing of the sign-in for an untouched saved account (the stored secret is kept)", () => {
    const body = toApiBody(toFormValues(connected), connected, false)
    expect(body).toEqual({})
  })

  it("a typed secret or a removed one sends oauth; switching back to the password sends only the method", () => {
    const typed = toApiBody({ ...toFormValues(connected), oauth_client_secret: "new" }, connected, false)
    expect(typed.oauth).toMatchObject({ client_id: "app-1", client_secret: "new", tenant: "muster-shop.de" })
    const removed = toApiBody({ ...toFormValues(connected), clear_oauth_client_secret: true }, connected, false)
    expect(removed.oauth?.client_secret).toBeNull()
    const back = toApiBody({ ...toFormValues(connected), auth_method: "password" }, connected, false)
    expect(back).toEqual({ auth_method: "password" })
  })

  it("a generic provider sends its URLs and scopes (split on spaces and commas)", () => {
    const values = {
      ...toFormValues(connected), oauth_provider: "generic" as const, oauth_authorize_url: "http://127.0.0.1:4000/authorize",
      oauth_token_url: "https://id.example/token", oauth_scopes: "smtp offline_access, openid",
    }
    expect(toApiBody(values, connected, false).oauth).toEqual({
      provider: "generic", client_id: "app-1", tenant: null, authorize_url: "http://127.0.0.1:4000/authorize",
      token_url: "https://id.example/token", scopes: ["smtp", "offline_access", "openid"],
    })
  })

  it("checks what the provider needs: client id; URLs for generic, https except loopback; no user name", () => {
    const issues = (values: object) =>
      accountFormSchema.safeParse({ ...toFormValues(connected), ...values }).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`) ?? []
    expect(issues({})).toEqual([])
    expect(issues({ oauth_client_id: " " })).toEqual(["oauth_client_id:accounts.validation.required"])
    expect(issues({ oauth_provider: "generic" })).toEqual([
      "oauth_authorize_url:accounts.validation.required",
      "oauth_token_url:accounts.validation.required",
    ])
    expect(issues({ oauth_provider: "generic", oauth_authorize_url: "http://id.example/a", oauth_token_url: "https://id.example/t" })).toEqual([
      "oauth_authorize_url:accounts.validation.httpsUrl",
    ])
    // A password account still needs its user name.
    expect(issues({ auth_method: "password" })).toEqual(["username:accounts.validation.username"])
  })

  it("reads a password account (or one from a server before OAuth2) as password with Microsoft preselected", () => {
    expect(oauthFormValues(base)).toMatchObject({ auth_method: "password", oauth_provider: "microsoft", oauth_client_id: "" })
  })
})

describe("sign-in return codes", () => {
  const texts: Record<string, string> = {
    "accounts.oauth.errors.OAUTH_STATE_INVALID.message": "expired",
    "accounts.oauth.errors.OAUTH_STATE_INVALID.hint": "start again",
    "accounts.oauth.errors.unknown.message": "failed ({{code}})",
    "accounts.oauth.errors.unknown.hint": "check",
  }
  const t = (key: string, options?: Record<string, unknown>) =>
    (texts[key] ?? (options?.defaultValue as string) ?? key).replace("{{code}}", String(options?.code))

  it("has the sentence and hint of a known code, and a sentence naming an unknown one", () => {
    expect(oauthErrorText(t, "OAUTH_STATE_INVALID")).toEqual({ message: "expired", hint: "start again" })
    expect(oauthErrorText(t, "SOMETHING_NEW")).toEqual({ message: "failed (SOMETHING_NEW)", hint: "check" })
  })
})
