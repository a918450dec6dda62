import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { describeError } from "../../src/modules/mailer/core/errors"
import { createAdminSession } from "../helpers/admin"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { mailerOf, messagesFor, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop } from "../helpers/shop"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

jest.setTimeout(150_000)

const ERIKA = { email: "erika@kunde.test", first_name: "Erika", last_name: "Mustermann" }
const MAX = { email: "Max.Power@Beispiel.test", first_name: "Max", last_name: "Power" }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let admin: AdminClient
    let adminId: string
    const orders = { erika: "", max: "" }
    const mails = { erika: "", max: "", test: "" }

    async function deliveredMailOf(orderId: string) {
      const container = getContainer()
      const rows = await waitFor(async () => {
        const found = await messagesFor(container, orderId)
        return found.length && found.every((r) => r.status === "sent") ? found : null
      }, "the order confirmation to be sent")
      return rows[0].id as string
    }

    beforeAll(async () => {
      await sink.start()
      const container = getContainer()
      const session = await createAdminSession(container)
      adminId = session.user_id
      admin = adminClient(api, session.headers)
      const account = (await admin.post("/admin/mailer/accounts", sinkAccount(sink))).data.account
      const shop = await seedShop(container)
      orders.erika = await placeOrder(container, shop, ERIKA, { locale: "de-DE" })
      mails.erika = await deliveredMailOf(orders.erika)
      orders.max = await placeOrder(container, shop, MAX, { locale: "en-GB", quantities: [1, 0] })
      mails.max = await deliveredMailOf(orders.max)
      mails.test = (await admin.post(`/admin/mailer/accounts/${account.id}/test-email`, { to: "kontrolle@muster-shop.test" })).data.message.id
    })
    afterAll(async () => {
      await sink.stop()
    })
    beforeEach(() => sink.reset())

    const ids = (res: { data: { messages: { id: string }[] } }) => res.data.messages.map((m) => m.id)

    it("lists the log newest first, with filters and pagination, without the mail bodies", async () => {
      const all = await admin.get("/admin/mailer/messages")
      expect(all.status).toBe(200)
      expect(all.data).toMatchObject({ count: 3, offset: 0, limit: 20 })
      expect(ids(all)).toEqual([mails.test, mails.max, mails.erika])
      expect(all.data.messages[0]).not.toHaveProperty("html")
      expect(all.data.messages[0]).not.toHaveProperty("text")
      expect(all.data.messages[1]).toMatchObject({ status: "sent", event_name: "order.placed", to: ["Max.Power@beispiel.test"], triggered_by: "system", error: null })

      const page = await admin.get("/admin/mailer/messages?limit=1&offset=1")
      expect(page.data).toMatchObject({ count: 3, offset: 1, limit: 1 })
      expect(ids(page)).toEqual([mails.max])

      expect(ids(await admin.get("/admin/mailer/messages?event_name=order.placed"))).toEqual([mails.max, mails.erika])
      expect(ids(await admin.get(`/admin/mailer/messages?resource_id=${orders.erika}`))).toEqual([mails.erika])
      expect(ids(await admin.get("/admin/mailer/messages?status=failed"))).toEqual([])
      expect(ids(await admin.get("/admin/mailer/messages?status=failed,sent"))).toHaveLength(3)
      // Free text: recipient or subject, case-insensitive; % and _ are literal.
      expect(ids(await admin.get("/admin/mailer/messages?q=max.power"))).toEqual([mails.max])
      expect(ids(await admin.get(`/admin/mailer/messages?q=${encodeURIComponent("Bestellbestätigung")}`))).toEqual([mails.erika])
      expect(ids(await admin.get("/admin/mailer/messages?q=test%20mail"))).toEqual([mails.test])
      expect(ids(await admin.get("/admin/mailer/messages?q=%25"))).toEqual([])
      // Date range.
      const created = new Date((await mailerOf(getContainer()).retrieveMailerMessage(mails.max)).created_at)
      const after = await admin.get(`/admin/mailer/messages?created_after=${created.toISOString()}`)
      expect(ids(after)).toEqual([mails.test, mails.max])
      const before = await admin.get(`/admin/mailer/messages?created_before=${new Date(created.getTime() - 1).toISOString()}`)
      expect(ids(before)).toEqual([mails.erika])
      expect(ids(await admin.get("/admin/mailer/messages?created_after=2999-01-01"))).toEqual([])
    })

    it("shows one message with its HTML and text", async () => {
      const res = await admin.get(`/admin/mailer/messages/${mails.erika}`)
      expect(res.status).toBe(200)
      expect(res.data.message).toMatchObject({ id: mails.erika, resource_id: orders.erika, to: [ERIKA.email], locale: "de" })
      expect(res.data.message.html).toContain("Espressotasse")
      expect(res.data.message.text).toContain("Espressotasse")
      expect(res.data.message).not.toHaveProperty("lease_until")
    })

    it("resends an order mail: a second message and a second mail, signed by the admin", async () => {
      const res = await admin.post(`/admin/mailer/messages/${mails.erika}/resend`, {})
      expect(res.status).toBe(200)
      const resent = res.data.message
      expect(resent).toMatchObject({ status: "sent", resent_from_id: mails.erika, triggered_by: adminId, staff_user_id: adminId, to: [ERIKA.email], resource_id: orders.erika })
      expect(resent.id).not.toBe(mails.erika)
      const original = await mailerOf(getContainer()).retrieveMailerMessage(mails.erika)
      expect(resent.idempotency_key).not.toBe(original.idempotency_key)
      expect(sink.mails).toHaveLength(1)
      expect(sink.mails[0].envelope.to).toEqual([ERIKA.email])
      // The original greeting names the account's contact; the resend names the admin who sent it.
      expect(original.html).toContain("Karl Kontakt")
      const html = String(sink.mails[0].parsed.html)
      expect(html).toContain("Anna Admin")
      expect(html).not.toContain("Karl Kontakt")
      expect(html).toContain("Espressotasse")
      expect(await messagesFor(getContainer(), orders.erika)).toHaveLength(2)

      // To another address, and again: every resend is its own message.
      const redirected = await admin.post(`/admin/mailer/messages/${mails.erika}/resend`, { to: "erika.privat@kunde.test" })
      expect(redirected.data.message).toMatchObject({ status: "sent", to: ["erika.privat@kunde.test"], resent_from_id: mails.erika })
      expect(sink.mails.map((m) => m.envelope.to)).toEqual([[ERIKA.email], ["erika.privat@kunde.test"]])
    })

    it("resends a mail that has no order as it was logged", async () => {
      const res = await admin.post(`/admin/mailer/messages/${mails.test}/resend`, {})
      expect(res.status).toBe(200)
      const original = (await admin.get(`/admin/mailer/messages/${mails.test}`)).data.message
      const resent = (await admin.get(`/admin/mailer/messages/${res.data.message.id}`)).data.message
      expect(resent).toMatchObject({ status: "sent", event_name: "mailer.test_email", resent_from_id: mails.test, subject: original.subject, html: original.html, to: ["kontrolle@muster-shop.test"] })
      expect(sink.mails).toHaveLength(1)
    })

    it("shows a failed resend with its hint in the request's language", async () => {
      const accountId = (await mailerOf(getContainer()).retrieveMailerMessage(mails.erika)).account_id
      await admin.post(`/admin/mailer/accounts/${accountId}`, { password: "geändert" }) // closes the pooled login
      sink.behaviour.rejectRecipients = ["weg@kunde.test"]
      const res = await admin.post(`/admin/mailer/messages/${mails.erika}/resend`, { to: "weg@kunde.test" }, { "accept-language": "de" })
      expect(res.status).toBe(200)
      expect(res.data.message).toMatchObject({
        status: "failed",
        error_code: "SMTP_RECIPIENT_REJECTED",
        error: { code: "SMTP_RECIPIENT_REJECTED", message: describeError("SMTP_RECIPIENT_REJECTED", "de").message, hint: describeError("SMTP_RECIPIENT_REJECTED", "de").hint },
      })
      const failed = await admin.get("/admin/mailer/messages?status=failed")
      expect(ids(failed)).toEqual([res.data.message.id])
    })

    it("keeps staff profiles for the signature variables, for the admin and by user id", async () => {
      const empty = await admin.get("/admin/mailer/staff-profiles/me")
      expect(empty.status).toBe(200)
      expect(empty.data.staff_profile).toEqual({ id: null, user_id: adminId, display_name: null, email: null, phone: null, mobile: null, fax: null, signature_html: null })

      const saved = await admin.post("/admin/mailer/staff-profiles/me", { phone: " +49 221 555 0199 ", display_name: "Anna A. Admin" })
      expect(saved.status).toBe(200)
      expect(saved.data.staff_profile).toMatchObject({ id: expect.stringMatching(/^mstf_/), user_id: adminId, phone: "+49 221 555 0199", display_name: "Anna A. Admin" })
      const byId = await admin.post(`/admin/mailer/staff-profiles/${adminId}`, { mobile: "+49 170 1234567", display_name: null })
      expect(byId.data.staff_profile).toMatchObject({ id: saved.data.staff_profile.id, phone: "+49 221 555 0199", mobile: "+49 170 1234567", display_name: null })
      expect((await admin.get(`/admin/mailer/staff-profiles/${adminId}`)).data.staff_profile).toEqual(byId.data.staff_profile)

      // The resend's signature now carries the admin's phone number (<MITARBEITER_TELEFON>).
      await admin.post(`/admin/mailer/messages/${mails.erika}/resend`, {})
      expect(String(sink.mails[0].parsed.html)).toContain("+49 221 555 0199")
    })
  },
})
