import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminSession } from "../helpers/admin"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(300_000)

/** The admin sees each account's sends today against its daily quota; the waiting mail says why. */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let admin: AdminClient

    beforeAll(async () => {
      await sink.start()
      admin = adminClient(api, (await createAdminSession(getContainer())).headers)
    })
    afterAll(() => sink.stop())

    it("shows sent_today against daily_quota on the list and the account, and the quota reason on the waiting mail", async () => {
      const created = await admin.post("/admin/mailer/accounts", sinkAccount(sink, { daily_quota: 3 }))
      expect(created.status).toBe(200)
      const id = created.data.account.id
      expect(created.data.account).toMatchObject({ daily_quota: 3, sent_today: 0 })
      const other = await admin.post("/admin/mailer/accounts", sinkAccount(sink, { name: "Zweites", is_default: false, sender_email: "info@muster-shop.test" }))

      const mailer = mailerOf(getContainer())
      const rowIds: string[] = []
      for (let n = 1; n <= 4; n++) {
        const { message } = await mailer.enqueueMessage({
          idempotency_key: `quota-api:${n}`,
          status: "queued",
          event_name: "order.placed",
          account_id: id,
          locale: "de",
          to: `kunde${n}@example.com`,
          subject: `Bestellung ${n}`,
          html: "<p>Danke</p>",
          text: "Danke",
        })
        rowIds.push(message.id)
      }
      for (const rowId of rowIds) await mailer.deliverMessage(rowId)
      expect(sink.mails).toHaveLength(3)

      const list = await admin.get("/admin/mailer/accounts")
      const byId = Object.fromEntries(list.data.accounts.map((a: { id: string }) => [a.id, a]))
      expect(byId[id]).toMatchObject({ daily_quota: 3, sent_today: 3 })
      expect(byId[other.data.account.id]).toMatchObject({ daily_quota: null, sent_today: 0 })
      const one = await admin.get(`/admin/mailer/accounts/${id}`)
      expect(one.data.account).toMatchObject({ sent_today: 3 })

      const waiting = await admin.get(`/admin/mailer/messages/${rowIds[3]}`, { "accept-language": "de" })
      expect(waiting.data.message).toMatchObject({ status: "queued", attempts: 0 })
      expect(waiting.data.message.error).toMatchObject({ code: "DAILY_QUOTA_REACHED" })
      expect(waiting.data.message.error.message).toContain("Tageslimit erreicht")
      expect(waiting.data.message.error.detail).toContain("at most 3 mails a day")
    })
  },
})
