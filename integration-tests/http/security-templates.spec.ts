import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminSession } from "../helpers/admin"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { settledMessage } from "../helpers/event-mail"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop, type Shop } from "../helpers/shop"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(150_000)

/**
 * Security issue 8 over HTTP: template input is refused with 400
 * TEMPLATE_TOO_COMPLEX / TEMPLATE_INVALID at preview and save (never a 500),
 * and a template that got into the database around that check ends as a
 * `failed` log row with the code, not as a lost event.
 */

const nest = (open: string, close: string, depth: number, inner = "x") => open.repeat(depth) + inner + close.repeat(depth)

const TOO_COMPLEX: Array<[string, string]> = [
  ["{{#each @root}} nested 7 deep", nest("{{#each @root}}", "{{/each}}", 7, "{{@key}}")],
  ["50,000 {{x}}", "{{x}}".repeat(50_000)],
  ["{{#if}} nested 10,000 deep", nest("{{#if a}}", "{{/if}}", 10_000)],
  ["subexpressions nested 5,000 deep", `{{eq ${nest("(eq ", ")", 5_000, "1")} 1}}`],
]

const INVALID: string[] = [
  '{{"constructor"}}',
  "{{__proto__.polluted}}",
  '{{lookup this "constructor"}}',
  "{{> footer}}",
  '{{#* inline "p"}}x{{/inline}}',
  "{{{{raw}}}}{{x}}{{{{/raw}}}}",
  "{{{customer_name}}}",
]

/** Nested loops the static check accepts, but which run far over the meter's iteration budget. */
const LOOPS_OVER_BUDGET = nest("{{#each @root}}", "{{/each}}", 3, ".").repeat(40)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let admin: AdminClient
    let shop: Shop

    beforeAll(async () => {
      await sink.start()
      const container = getContainer()
      admin = adminClient(api, (await createAdminSession(container)).headers)
      shop = await seedShop(container)
      expect((await admin.post("/admin/mailer/accounts", sinkAccount(sink))).status).toBe(200)
    })
    afterAll(async () => {
      await sink.stop()
    })

    const template = (body_html: string) => ({ event_name: "order.placed", locale: "de", subject: "Bestellung", body_html })

    it.each(TOO_COMPLEX)("answers 400 TEMPLATE_TOO_COMPLEX for %s at preview, save and in the layout", async (_name, body) => {
      const preview = await admin.post("/admin/mailer/templates/preview", template(body), { "accept-language": "de" })
      expect(preview.status).toBe(400)
      expect(preview.data).toMatchObject({ code: "TEMPLATE_TOO_COMPLEX", message: "Die Vorlage ist zu aufwendig, um sie sicher zu erstellen." })
      expect(preview.data.errors).toEqual([expect.objectContaining({ field: "body_html" })])
      const saved = await admin.post("/admin/mailer/templates", template(body))
      expect(saved.status).toBe(400)
      expect(saved.data).toMatchObject({ code: "TEMPLATE_TOO_COMPLEX", hint: expect.stringContaining("{{#each}}") })
      const layout = await admin.post("/admin/mailer/settings", { layout_html: `{{{body}}}${body}` })
      expect(layout.status).toBe(400)
      expect(layout.data.code).toBe("TEMPLATE_TOO_COMPLEX")
    })

    it.each(INVALID)("answers 400 TEMPLATE_INVALID for %s at preview and save, in body and subject", async (source) => {
      for (const body of [template(source), { ...template("<p>x</p>"), subject: source }]) {
        const preview = await admin.post("/admin/mailer/templates/preview", body)
        expect([preview.status, preview.data.code]).toEqual([400, "TEMPLATE_INVALID"])
        const saved = await admin.post("/admin/mailer/templates", body)
        expect([saved.status, saved.data.code]).toEqual([400, "TEMPLATE_INVALID"])
      }
    })

    it("answers a preview whose loops run over the meter's budget with 400 TEMPLATE_TOO_COMPLEX", async () => {
      const preview = await admin.post("/admin/mailer/templates/preview", template(LOOPS_OVER_BUDGET))
      expect(preview.status).toBe(400)
      expect(preview.data).toMatchObject({ code: "TEMPLATE_TOO_COMPLEX", errors: [expect.objectContaining({ message: expect.stringMatching(/loops run more than/) })] })
    })

    it("saves and previews {<MITARBEITER>} as the staff variable instead of breaking every mail", async () => {
      const body = template("<p>Es grüßt {<MITARBEITER>}</p>")
      const preview = await admin.post("/admin/mailer/templates/preview", body)
      expect(preview.status).toBe(200)
      expect(preview.data.html).toContain("<p>Es grüßt ")
      expect(preview.data.html).not.toContain("MITARBEITER")
      const layout = await admin.post("/admin/mailer/settings", { layout_html: "<main>{{{body}}}<footer>{<MITARBEITER>}</footer></main>" })
      expect(layout.status).toBe(200)
      expect((await admin.post("/admin/mailer/settings", { layout_html: "" })).status).toBe(200)
    })

    it("finds shipped defaults by their own names only", async () => {
      for (const id of ["default:constructor:name", "default:order.placed:constructor", "default:__proto__:toString", "default:toString:length"]) {
        const res = await admin.get(`/admin/mailer/templates/${encodeURIComponent(id)}`)
        expect([id, res.status]).toEqual([id, 404])
      }
      expect((await admin.get("/admin/mailer/templates/default:order.placed:de")).status).toBe(200)
    })

    it("logs a stored over-budget template as a failed mail with the code, and keeps answering meanwhile", async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      // As an attacker with database access or an older plugin version would: past the API's check.
      const [stored] = await mailer.createMailerTemplates([
        { event_name: "order.placed", locale: "de", sales_channel_id: null, subject: "Bestellung", body_html: TOO_COMPLEX[0]![1] },
      ])
      const customer = { email: "mara@kunde.test", first_name: "Mara", last_name: "Roth" }
      const firstOrder = placeOrder(container, shop, customer, { locale: "de-DE" })
      // The server keeps serving other requests while the event is handled.
      const [orderId, other] = await Promise.all([firstOrder, admin.get("/admin/mailer/templates?event_name=order.placed")])
      expect(other.status).toBe(200)
      const failed = await settledMessage(container, { event_name: "order.placed", resource_id: orderId })
      expect(failed).toMatchObject({ status: "failed", error_code: "TEMPLATE_TOO_COMPLEX", template_id: stored.id })
      expect(failed.error_message).toMatch(/nested more than 3 levels/)

      // Accepted by every static limit, stopped by the meter while rendering.
      await mailer.updateMailerTemplates({ id: stored.id, body_html: LOOPS_OVER_BUDGET })
      const secondOrder = await placeOrder(container, shop, customer, { locale: "de-DE" })
      const stopped = await settledMessage(container, { event_name: "order.placed", resource_id: secondOrder })
      expect(stopped).toMatchObject({ status: "failed", error_code: "TEMPLATE_TOO_COMPLEX" })
      expect(stopped.error_message).toMatch(/loops run more than/)
      expect(sink.mails).toEqual([])
      await mailer.deleteMailerTemplates([stored.id])
    })
  },
})
