import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

jest.setTimeout(120_000)

// medusa-config.ts configures the Notification Module with src/providers/mailer-notification on "email".
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    const sink = new SmtpSink()

    beforeAll(async () => {
      await sink.start()
      await mailerOf(getContainer()).createAccount(sinkAccount(sink))
    })
    afterAll(async () => {
      await sink.stop()
    })
    beforeEach(() => sink.reset())

    const notifications = (c: MedusaContainer) => c.resolve<INotificationModuleService>(Modules.NOTIFICATION)
    const logRows = (c: MedusaContainer, key: string) => mailerOf(c).listMailerMessages({ idempotency_key: key })

    it("renders a notification with the merchant's stored template, sends it through the outbox and logs it", async () => {
      const container = getContainer()
      await mailerOf(container).createMailerTemplates({
        event_name: "customer.created",
        locale: "de",
        subject: "Willkommen {{customer.first_name}} bei {{store.name}}",
        body_html: "<p>Hallo {{customer.first_name}}, Ihr Code lautet {{code}}.</p>",
        body_text: "Hallo {{customer.first_name}}, Ihr Code lautet {{code}}.",
      })
      const data = { locale: "de-DE", customer: { first_name: "Erika" }, store: { name: "Muster Shop" }, code: "WELCOME-7" }

      const [created] = await notifications(container).createNotifications([
        { to: "erika@kunde.test", channel: "email", template: "customer.created", data, idempotency_key: "welcome-erika" },
      ])
      expect(created.status).toBe("success")
      expect(created.provider_id).toBe("mailer")

      const mail = await waitFor(() => sink.mails[0], "the notification at the sink")
      expect(mail.envelope.to).toEqual(["erika@kunde.test"])
      expect(mail.parsed.subject).toBe("Willkommen Erika bei Muster Shop")
      expect(String(mail.parsed.html)).toContain("Ihr Code lautet WELCOME-7.")
      expect(mail.parsed.text).toContain("Ihr Code lautet WELCOME-7.")

      const [row] = await logRows(container, "notification:key:welcome-erika")
      expect(row).toMatchObject({ status: "sent", event_name: "customer.created", locale: "de", to: ["erika@kunde.test"] })
      expect(row.template_id).toMatch(/^mtpl_/)
      expect(created.external_id).toBe(row.id)

      // The same idempotency key again: the Notification Module and the outbox both refuse a second mail.
      await notifications(container).createNotifications([
        { to: "erika@kunde.test", channel: "email", template: "customer.created", data, idempotency_key: "welcome-erika" },
      ])
      expect(await logRows(container, "notification:key:welcome-erika")).toHaveLength(1)
      expect(sink.mails).toHaveLength(1)
    })

    it("an unknown template fails the notification with the reason and leaves a failed row in the mail log", async () => {
      const container = getContainer()
      const attempt = notifications(container).createNotifications([
        { to: "erika@kunde.test", channel: "email", template: "newsletter.weekly", data: {}, idempotency_key: "news-1" },
      ])
      await expect(attempt).rejects.toThrow(/Notification template "newsletter\.weekly" is not a mail event of medusa-plugin-mailer/)

      const [stored] = await notifications(container).listNotifications({ idempotency_key: "news-1" })
      expect(stored.status).toBe("failure")

      const [row] = await logRows(container, "notification:key:news-1")
      expect(row).toMatchObject({ status: "failed", error_code: "UNKNOWN_EVENT", event_name: "newsletter.weekly" })
      expect(row.error_message).toContain("newsletter.weekly")
      expect(row.error_hint).toContain("GET /admin/mailer/events")
      expect(sink.mails).toHaveLength(0)
    })

    it("applies the account's test mode: the mail goes to the test address, the log keeps the real recipient", async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      const [account] = await mailer.listMailerAccounts({})
      await mailer.updateAccount(account.id, { test_mode: true, test_recipient: "pruefer@muster-shop.test" } as any)
      try {
        await notifications(container).createNotifications([
          {
            to: "kunde@kunde.test",
            channel: "email",
            template: "customer.created",
            data: { locale: "de", customer: { first_name: "Max" }, store: { name: "Muster Shop" }, code: "X" },
            idempotency_key: "welcome-max",
          },
        ])
        const mail = await waitFor(() => sink.mails[0], "the test-mode mail at the sink")
        expect(mail.envelope.to).toEqual(["pruefer@muster-shop.test"])
        const [row] = await logRows(container, "notification:key:welcome-max")
        expect(row).toMatchObject({ status: "sent", test_mode: true, to: ["kunde@kunde.test"] })
      } finally {
        await mailer.updateAccount(account.id, { test_mode: false } as any)
      }
    })
  },
})
