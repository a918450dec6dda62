import { defaultsFor, loginSchema, oauthProviderOf, toAccountInput, toOAuthAccountInput } from "../routes/settings/mailer/setup/_components/login-schema"

const preset = { id: "ionos", name: "IONOS", host: "smtp.ionos.de", port: 465, security: "ssl" as const, notes: "" }
const filled = { ...defaultsFor(preset, "IONOS"), sender_name: "Muster Shop", sender_email: "shop@muster-shop.test", password: "geheim" }

describe("first-run setup: sender and login form", () => {
  it("starts from the preset's server settings with login required", () => {
    expect(defaultsFor(preset, "IONOS")).toMatchObject({ name: "IONOS", host: "smtp.ionos.de", port: 465, security: "ssl", auth_required: true })
  })

  it("asks the API to test before saving and uses the sender address when the user name is empty", () => {
    expect(toAccountInput(filled)).toMatchObject({ verify: true, username: "shop@muster-shop.test", password: "geheim" })
    expect(toAccountInput({ ...filled, username: "apikey" }).username).toBe("apikey")
  })

  it("sends neither user name nor password for a server without login", () => {
    expect(toAccountInput({ ...filled, auth_required: false, username: "x" })).toMatchObject({ username: null, password: null })
  })

  it("requires a password only when the server needs a login, and refuses a URL as host", () => {
    const problems = (values: object) => loginSchema.safeParse(values).error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`) ?? []
    expect(problems({ ...filled, password: "" })).toEqual(["password:required"])
    expect(problems({ ...filled, password: "", auth_required: false })).toEqual([])
    expect(problems({ ...filled, host: "smtp://smtp.ionos.de" })).toEqual(["host:host"])
    expect(problems({ ...filled, port: 70000 })).toEqual(["port:port"])
    expect(problems({ ...filled, sender_email: "kein-at" })).toEqual(["sender_email:email"])
  })

  it("Microsoft 365 with OAuth2 (its recommended way): client id and secret instead of a password, stored without a test", () => {
    const microsoft = { id: "microsoft365", name: "Microsoft 365", host: "smtp.office365.com", port: 587, security: "starttls" as const, notes: "", auth_methods: ["oauth2" as const, "password" as const] }
    const values = { ...defaultsFor(microsoft, "Microsoft 365"), sender_name: "Shop", sender_email: "shop@muster-shop.test" }
    expect(values.auth_method).toBe("oauth2")
    expect(oauthProviderOf(microsoft)).toBe("microsoft")
    const problems = (v: object) => loginSchema.safeParse(v).error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`) ?? []
    expect(problems(values)).toEqual(["oauth_client_id:required", "oauth_client_secret:required"])
    const filledIn = { ...values, oauth_client_id: "app-1", oauth_client_secret: "s3cret", oauth_tenant: "muster-shop.test" }
    expect(problems(filledIn)).toEqual([])
    const input = toOAuthAccountInput(filledIn, "microsoft")
    expect(input).toMatchObject({ auth_method: "oauth2", auth_required: true, username: null, host: "smtp.office365.com", oauth: { provider: "microsoft", client_id: "app-1", client_secret: "s3cret", tenant: "muster-shop.test" } })
    expect(input.verify).toBeUndefined()
    expect("password" in input).toBe(false)
  })

  it("offers no OAuth2 for presets without it, and a password preset stays a password account", () => {
    expect(oauthProviderOf(preset)).toBeNull()
    expect(defaultsFor(preset, "IONOS").auth_method).toBe("password")
    expect(toAccountInput(filled)).not.toHaveProperty("oauth_client_id")
  })
})
