import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminSession } from "../helpers/admin"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { sinkAccount } from "../helpers/mailer"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

/** Every route of the admin API, for the 401 check. `:id` is replaced with a real or made-up id. */
const ROUTES: [string, string][] = [
  ["get", "/admin/mailer/accounts"],
  ["post", "/admin/mailer/accounts"],
  ["get", "/admin/mailer/accounts/:account"],
  ["post", "/admin/mailer/accounts/:account"],
  ["delete", "/admin/mailer/accounts/:account"],
  ["post", "/admin/mailer/accounts/:account/verify"],
  ["post", "/admin/mailer/accounts/:account/test-email"],
  ["get", "/admin/mailer/presets"],
  ["get", "/admin/mailer/events"],
  ["get", "/admin/mailer/templates"],
  ["post", "/admin/mailer/templates"],
  ["get", "/admin/mailer/templates/:template"],
  ["post", "/admin/mailer/templates/:template"],
  ["delete", "/admin/mailer/templates/:template"],
  ["post", "/admin/mailer/templates/preview"],
  ["post", "/admin/mailer/templates/:template/test-email"],
  ["get", "/admin/mailer/messages"],
  ["get", "/admin/mailer/messages/:message"],
  ["post", "/admin/mailer/messages/:message/resend"],
  ["get", "/admin/mailer/settings"],
  ["post", "/admin/mailer/settings"],
  ["get", "/admin/mailer/staff-profiles/me"],
  ["post", "/admin/mailer/staff-profiles/me"],
  ["get", "/admin/mailer/staff-profiles/:user"],
  ["post", "/admin/mailer/staff-profiles/:user"],
]

interface BadCase {
  name: string
  method?: "post" | "delete" | "get"
  url: string
  body?: unknown
  status: number
  code: string
  /** The fields the `errors` list names, exactly (for INVALID_DATA and template problems). */
  fields?: string[]
}

const TEMPLATE = { event_name: "order.placed", locale: "de", subject: "Bestellung {{order.display_id}}", body_html: "<p>Hallo {{customer_name}}</p>" }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let admin: AdminClient
    let anonymous: AdminClient
    const ids = { account: "", template: "", message: "", user: "" }

    beforeAll(async () => {
      await sink.start()
      const session = await createAdminSession(getContainer())
      admin = adminClient(api, session.headers)
      anonymous = adminClient(api, null)
      ids.user = session.user_id
      ids.account = (await admin.post("/admin/mailer/accounts", sinkAccount(sink))).data.account.id
      ids.template = (await admin.post("/admin/mailer/templates", TEMPLATE)).data.template.id
      ids.message = (await admin.post(`/admin/mailer/accounts/${ids.account}/test-email`, {})).data.message.id
      expect(ids).toEqual({ account: expect.any(String), template: expect.any(String), message: expect.any(String), user: expect.any(String) })
    })
    afterAll(async () => {
      await sink.stop()
    })

    const path = (url: string) =>
      url
        .replace(":account", ids.account)
        .replace(":template", ids.template)
        .replace(":message", ids.message)
        .replace(":user", ids.user)

    it("answers every route without a token with 401", async () => {
      for (const [method, url] of ROUTES) {
        const res = await anonymous.raw({ method, url: path(url), data: method === "get" ? undefined : {} })
        expect({ route: `${method} ${url}`, status: res.status }).toEqual({ route: `${method} ${url}`, status: 401 })
      }
      // The routes exist: with a token none of them is a 401 or a 404.
      for (const [method, url] of ROUTES.filter(([m]) => m === "get")) {
        expect({ url, status: (await admin.get(path(url))).status }).toEqual({ url, status: 200 })
      }
    })

    it("answers broken, oversized and non-JSON bodies with a code and a message", async () => {
      const broken = await admin.raw({ method: "post", url: "/admin/mailer/accounts", data: '{"name": "x",', headers: { "content-type": "application/json" } })
      expect(broken.status).toBe(400)
      expect(broken.data).toMatchObject({ type: "invalid_data", code: "INVALID_JSON", message: expect.any(String) })

      const huge = JSON.stringify({ ...TEMPLATE, body_html: "x".repeat(3 * 1024 * 1024) })
      const tooLarge = await admin.raw({ method: "post", url: "/admin/mailer/templates", data: huge, headers: { "content-type": "application/json" } })
      expect(tooLarge.status).toBe(413)
      expect(tooLarge.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("2 MB") })

      const form = await admin.raw({ method: "post", url: "/admin/mailer/settings", data: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } })
      expect(form.status).toBe(415)
      expect(form.data).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: expect.any(String) })

      const german = await admin.raw({ method: "post", url: "/admin/mailer/accounts", data: "[", headers: { "content-type": "application/json", "accept-language": "de" } })
      expect(german.data.message).toBe("Der Inhalt der Anfrage ist kein gültiges JSON.")
    })

    // built before the sink listens: a fixed port (validation never connects)
    const account = (overrides: Record<string, unknown>) => ({ ...sinkAccount(sink), port: 2525, ...overrides })
    const MB = "x".repeat(1024 * 1024)
    const cases: BadCase[] = [
      // accounts
      { name: "account: empty body", url: "/admin/mailer/accounts", body: {}, status: 400, code: "INVALID_DATA", fields: ["name", "sender_name", "sender_email", "host", "port"] },
      { name: "account: body is a list", url: "/admin/mailer/accounts", body: [1, 2], status: 400, code: "INVALID_DATA", fields: ["body"] },
      { name: "account: wrong types", url: "/admin/mailer/accounts", body: account({ port: "587", name: 5, auth_required: "yes" }), status: 400, code: "INVALID_DATA", fields: ["port", "name", "auth_required"] },
      { name: "account: bad e-mails", url: "/admin/mailer/accounts", body: account({ sender_email: "shop(at)example.com", reply_to: "a b@c.de", cc_1: "x@" }), status: 400, code: "INVALID_DATA", fields: ["sender_email", "reply_to", "cc_1"] },
      { name: "account: port 0", url: "/admin/mailer/accounts", body: account({ port: 0 }), status: 400, code: "INVALID_DATA", fields: ["port"] },
      { name: "account: port 70000", url: "/admin/mailer/accounts", body: account({ port: 70000 }), status: 400, code: "INVALID_DATA", fields: ["port"] },
      { name: "account: port 587.5", url: "/admin/mailer/accounts", body: account({ port: 587.5 }), status: 400, code: "INVALID_DATA", fields: ["port"] },
      { name: "account: security tls1", url: "/admin/mailer/accounts", body: account({ security: "tls1" }), status: 400, code: "INVALID_DATA", fields: ["security"] },
      { name: "account: host with spaces", url: "/admin/mailer/accounts", body: account({ host: "smtp. gmail.com" }), status: 400, code: "INVALID_DATA", fields: ["host"] },
      { name: "account: host with scheme", url: "/admin/mailer/accounts", body: account({ host: "smtp://mail.example.com" }), status: 400, code: "INVALID_DATA", fields: ["host"] },
      { name: "account: unknown field", url: "/admin/mailer/accounts", body: account({ passwort: "x" }), status: 400, code: "INVALID_DATA", fields: ["passwort"] },
      { name: "account: auth without user", url: "/admin/mailer/accounts", body: account({ username: null }), status: 400, code: "INVALID_DATA", fields: ["username"] },
      { name: "account: bad DKIM key", url: "/admin/mailer/accounts", body: account({ dkim_private_key: "not a key" }), status: 400, code: "INVALID_DATA", fields: ["dkim_private_key"] },
      { name: "account: negative rate limit", url: "/admin/mailer/accounts", body: account({ rate_limit_messages: -1 }), status: 400, code: "INVALID_DATA", fields: ["rate_limit_messages"] },
      { name: "account: unknown sales channel", url: "/admin/mailer/accounts", body: account({ sales_channel_ids: ["sc_nope"] }), status: 404, code: "NOT_FOUND" },
      { name: "account: verify not a boolean", url: "/admin/mailer/accounts", body: account({ verify: "true" }), status: 400, code: "INVALID_DATA", fields: ["verify"] },
      { name: "account update: unknown id", url: "/admin/mailer/accounts/macc_nope", body: { name: "x" }, status: 404, code: "NOT_FOUND" },
      { name: "account update: port 0", url: "/admin/mailer/accounts/:account", body: { port: 0 }, status: 400, code: "INVALID_DATA", fields: ["port"] },
      { name: "account update: null name", url: "/admin/mailer/accounts/:account", body: { name: null }, status: 400, code: "INVALID_DATA", fields: ["name"] },
      { name: "account update: clearing the user name", url: "/admin/mailer/accounts/:account", body: { username: "" }, status: 400, code: "INVALID_DATA", fields: ["username"] },
      { name: "account update: bad test_to", url: "/admin/mailer/accounts/:account", body: { verify: true, test_to: "nobody" }, status: 400, code: "INVALID_DATA", fields: ["test_to"] },
      { name: "account delete: unknown id", method: "delete", url: "/admin/mailer/accounts/macc_nope", body: { confirm: "x@y.de" }, status: 404, code: "NOT_FOUND" },
      { name: "account delete: confirm not text", method: "delete", url: "/admin/mailer/accounts/:account", body: { confirm: 42 }, status: 400, code: "INVALID_DATA", fields: ["confirm"] },
      { name: "verify: unknown id", url: "/admin/mailer/accounts/macc_nope/verify", body: {}, status: 404, code: "NOT_FOUND" },
      { name: "verify: unexpected field", url: "/admin/mailer/accounts/:account/verify", body: { port: 1 }, status: 400, code: "INVALID_DATA", fields: ["port"] },
      { name: "account test mail: bad address", url: "/admin/mailer/accounts/:account/test-email", body: { to: "a@b@c" }, status: 400, code: "INVALID_DATA", fields: ["to"] },
      { name: "account test mail: unknown id", url: "/admin/mailer/accounts/macc_nope/test-email", body: {}, status: 404, code: "NOT_FOUND" },
      // templates
      { name: "template: empty body", url: "/admin/mailer/templates", body: {}, status: 400, code: "INVALID_DATA", fields: ["event_name", "locale", "subject", "body_html"] },
      { name: "template: unknown event", url: "/admin/mailer/templates", body: { ...TEMPLATE, event_name: "order.exploded" }, status: 400, code: "UNKNOWN_EVENT", fields: ["event_name"] },
      { name: "template: triple stash", url: "/admin/mailer/templates", body: { ...TEMPLATE, locale: "en", body_html: "<p>{{{x}}}</p>" }, status: 400, code: "TEMPLATE_INVALID", fields: ["body_html"] },
      { name: "template: unknown helper", url: "/admin/mailer/templates", body: { ...TEMPLATE, locale: "en", body_html: "<p>{{shout customer_name}}</p>" }, status: 400, code: "TEMPLATE_INVALID", fields: ["body_html"] },
      { name: "template: syntax error", url: "/admin/mailer/templates", body: { ...TEMPLATE, locale: "en", body_html: "<p>{{#if x}}open</p>" }, status: 400, code: "TEMPLATE_INVALID", fields: ["body_html"] },
      { name: "template: 1 MB body", url: "/admin/mailer/templates", body: { ...TEMPLATE, locale: "en", body_html: MB }, status: 400, code: "TEMPLATE_TOO_COMPLEX", fields: ["body_html"] },
      { name: "template: two-line subject", url: "/admin/mailer/templates", body: { ...TEMPLATE, locale: "en", subject: "a\nBcc: x@y.de" }, status: 400, code: "TEMPLATE_INVALID", fields: ["subject"] },
      { name: "template: bad locale", url: "/admin/mailer/templates", body: { ...TEMPLATE, locale: "deutsch!" }, status: 400, code: "INVALID_DATA", fields: ["locale"] },
      { name: "template: wrong types", url: "/admin/mailer/templates", body: { ...TEMPLATE, subject: 1, is_active: "ja" }, status: 400, code: "INVALID_DATA", fields: ["subject", "is_active"] },
      { name: "template: unknown account", url: "/admin/mailer/templates", body: { ...TEMPLATE, locale: "en", account_id: "macc_nope" }, status: 404, code: "NOT_FOUND" },
      { name: "template: duplicate", url: "/admin/mailer/templates", body: { ...TEMPLATE, locale: "DE" }, status: 409, code: "TEMPLATE_EXISTS" },
      { name: "template update: unknown id", url: "/admin/mailer/templates/mtpl_nope", body: { subject: "x" }, status: 404, code: "NOT_FOUND" },
      { name: "template update: unknown helper", url: "/admin/mailer/templates/:template", body: { body_html: "{{#shout customer_name}}x{{/shout}}" }, status: 400, code: "TEMPLATE_INVALID", fields: ["body_html"] },
      { name: "template update: unknown event", url: "/admin/mailer/templates/:template", body: { event_name: "nope" }, status: 400, code: "UNKNOWN_EVENT" },
      { name: "template update: shipped default", url: "/admin/mailer/templates/default:order.placed:en", body: { subject: "x" }, status: 400, code: "DEFAULT_TEMPLATE_READ_ONLY" },
      { name: "template delete: unknown id", method: "delete", url: "/admin/mailer/templates/mtpl_nope", status: 404, code: "NOT_FOUND" },
      { name: "template get: unknown default", method: "get", url: "/admin/mailer/templates/default:order.placed:xx", status: 404, code: "NOT_FOUND" },
      { name: "preview: unknown event", url: "/admin/mailer/templates/preview", body: { ...TEMPLATE, event_name: "nope" }, status: 400, code: "UNKNOWN_EVENT" },
      { name: "preview: decorator", url: "/admin/mailer/templates/preview", body: { ...TEMPLATE, body_html: "{{*inline}}" }, status: 400, code: "TEMPLATE_INVALID", fields: ["body_html"] },
      { name: "preview: unknown order", url: "/admin/mailer/templates/preview", body: { ...TEMPLATE, order_id: "order_nope" }, status: 404, code: "NOT_FOUND" },
      { name: "preview: order id not text", url: "/admin/mailer/templates/preview", body: { ...TEMPLATE, order_id: 7 }, status: 400, code: "INVALID_DATA", fields: ["order_id"] },
      { name: "template test mail: bad address", url: "/admin/mailer/templates/:template/test-email", body: { to: "nobody" }, status: 400, code: "INVALID_DATA", fields: ["to"] },
      { name: "template test mail: unknown template", url: "/admin/mailer/templates/mtpl_nope/test-email", body: {}, status: 404, code: "NOT_FOUND" },
      { name: "template test mail: unknown order", url: "/admin/mailer/templates/:template/test-email", body: { order_id: "order_nope" }, status: 404, code: "NOT_FOUND" },
      // messages
      { name: "resend: unknown id", url: "/admin/mailer/messages/mmsg_nope/resend", body: {}, status: 404, code: "NOT_FOUND" },
      { name: "resend: bad address", url: "/admin/mailer/messages/:message/resend", body: { to: "x" }, status: 400, code: "INVALID_DATA", fields: ["to"] },
      { name: "message: unknown id", method: "get", url: "/admin/mailer/messages/mmsg_nope", status: 404, code: "NOT_FOUND" },
      { name: "messages: limit 0", method: "get", url: "/admin/mailer/messages?limit=0", status: 400, code: "INVALID_DATA", fields: ["limit"] },
      { name: "messages: limit 1000", method: "get", url: "/admin/mailer/messages?limit=1000", status: 400, code: "INVALID_DATA", fields: ["limit"] },
      { name: "messages: bad status", method: "get", url: "/admin/mailer/messages?status=sent,lost", status: 400, code: "INVALID_DATA", fields: ["status.1"] },
      { name: "messages: bad date", method: "get", url: "/admin/mailer/messages?created_after=yesterday", status: 400, code: "INVALID_DATA", fields: ["created_after"] },
      { name: "messages: unknown filter", method: "get", url: "/admin/mailer/messages?password=1", status: 400, code: "INVALID_DATA", fields: ["password"] },
      // settings
      { name: "settings: bad values", url: "/admin/mailer/settings", body: { default_locale: "x", log_retention_days: 0, storefront_url: "ftp://shop.example.com" }, status: 400, code: "INVALID_DATA", fields: ["default_locale", "log_retention_days", "storefront_url"] },
      { name: "settings: retention 5000 days", url: "/admin/mailer/settings", body: { log_retention_days: 5000 }, status: 400, code: "INVALID_DATA", fields: ["log_retention_days"] },
      { name: "settings: enabled flag not boolean", url: "/admin/mailer/settings", body: { enabled_events: { "order.placed": "yes" } }, status: 400, code: "INVALID_DATA", fields: ["enabled_events.order.placed"] },
      { name: "settings: unknown event", url: "/admin/mailer/settings", body: { enabled_events: { "order.exploded": true } }, status: 400, code: "UNKNOWN_EVENT", fields: ["enabled_events.order.exploded"] },
      { name: "settings: layout without body", url: "/admin/mailer/settings", body: { layout_html: "<html></html>" }, status: 400, code: "TEMPLATE_INVALID", fields: ["layout_html"] },
      { name: "settings: layout with unknown helper", url: "/admin/mailer/settings", body: { layout_html: "{{shout x}}{{{body}}}" }, status: 400, code: "TEMPLATE_INVALID", fields: ["layout_html"] },
      // staff profiles
      { name: "staff profile: unknown user", url: "/admin/mailer/staff-profiles/user_nope", body: { phone: "1" }, status: 404, code: "NOT_FOUND" },
      { name: "staff profile: bad e-mail", url: "/admin/mailer/staff-profiles/me", body: { email: "anna" }, status: 400, code: "INVALID_DATA", fields: ["email"] },
      { name: "staff profile: wrong types", url: "/admin/mailer/staff-profiles/:user", body: { phone: 123, display_name: ["x"] }, status: 400, code: "INVALID_DATA", fields: ["phone", "display_name"] },
    ]

    it("rejects bad input on every route with a 4xx, a code and a message, never a 5xx", async () => {
      const results = []
      for (const c of cases) {
        const res = await admin.raw({ method: c.method ?? "post", url: path(c.url), data: c.body })
        const errors: unknown[] = res.data?.errors ?? []
        const wellFormed =
          typeof res.data?.message === "string" &&
          res.data.message.length > 0 &&
          typeof res.data.type === "string" &&
          errors.every((e: any) => typeof e.field === "string" && typeof e.message === "string" && e.message.length > 0)
        const fields = errors.map((e: any) => e.field)
        results.push({ name: c.name, status: res.status, code: res.data?.code, wellFormed, fields: c.fields ? fields.sort() : undefined })
      }
      expect(results).toEqual(
        cases.map((c) => ({ name: c.name, status: c.status, code: c.code, wellFormed: true, fields: c.fields ? [...c.fields].sort() : undefined }))
      )
    })

    it("writes one sentence per field, in German when asked", async () => {
      const res = await admin.post("/admin/mailer/accounts", { ...sinkAccount(sink), port: 70000, sender_email: "kaputt", security: "tls1" }, { "accept-language": "de-DE" })
      expect(res.status).toBe(400)
      expect(res.data.errors).toEqual([
        { field: "sender_email", code: "INVALID_EMAIL", message: "„sender_email“ ist keine gültige E-Mail-Adresse." },
        { field: "port", code: "TOO_BIG", message: "„port“ darf höchstens 65535 sein." },
        { field: "security", code: "INVALID_VALUE", message: '„security“ muss einer dieser Werte sein: "ssl", "starttls", "none".' },
      ])
      expect(res.data.message).toContain("„port“ darf höchstens 65535 sein.")

      const english = await admin.post("/admin/mailer/templates", { ...TEMPLATE, locale: "en", body_html: "<p>\n{{{x}}}</p>" })
      expect(english.data).toMatchObject({ code: "TEMPLATE_INVALID", hint: expect.any(String) })
      expect(english.data.errors[0]).toMatchObject({ field: "body_html", line: 2, message: expect.any(String) })
    })
  },
})
