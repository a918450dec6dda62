import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createCustomerAccountWorkflow,
  createCustomersWorkflow,
  createInvitesWorkflow,
  generateResetPasswordTokenWorkflow,
  refreshInviteTokensWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminSession } from "../helpers/admin"
import { deliveredMail, settledMessage, settledMessages, sinkMailOf } from "../helpers/event-mail"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { seedShop } from "../helpers/shop"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(120_000)

const STOREFRONT = "https://shop.muster.test"
const ADMIN = "https://admin.muster.test/app"

/** Welcome, password reset (customer and admin user) and invitation mails. */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer, api }) => {
    const sink = new SmtpSink()

    beforeAll(async () => {
      await sink.start()
      await seedShop(getContainer())
    })
    afterAll(async () => {
      await sink.stop()
    })
    beforeEach(async () => {
      sink.reset()
      await mailerOf(getContainer()).createAccount(sinkAccount(sink))
    })

    /** A storefront registration: an emailpass identity, then the customer account. */
    async function register(container: MedusaContainer, customer: { email: string; first_name: string; last_name: string; metadata?: Record<string, unknown> }) {
      const identity = await container.resolve(Modules.AUTH).createAuthIdentities({
        provider_identities: [{ provider: "emailpass", entity_id: customer.email }],
      })
      const { result } = await createCustomerAccountWorkflow(container).run({ input: { authIdentityId: identity.id, customerData: customer } })
      return result.id
    }

    async function requestReset(container: MedusaContainer, email: string, actorType: "customer" | "user", metadata?: Record<string, unknown>) {
      const { projectConfig } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const { result } = await generateResetPasswordTokenWorkflow(container).run({
        input: { entityId: email, actorType, provider: "emailpass", secret: projectConfig.http.jwtSecret as string, metadata },
      })
      return result
    }

    it("welcomes registered customers in their language and not customers without an account", async () => {
      const container = getContainer()
      await mailerOf(container).updateSettings({ storefront_url: STOREFRONT })
      const erika = await register(container, { email: "erika@kunde.test", first_name: "Erika", last_name: "Mustermann" })
      const de = await deliveredMail(container, sink, { event_name: "customer.created", resource_id: erika })
      expect(de.message).toMatchObject({ locale: "de", to: ["erika@kunde.test"], resource_type: "customer" })
      expect(de.mail.parsed.subject).toBe("Willkommen bei Muster Shop")
      expect(de.html).toContain("Hallo Erika Mustermann,")
      expect(de.text).toContain(`${STOREFRONT}/account`)

      const john = await register(container, { email: "john@customer.test", first_name: "John", last_name: "Miller", metadata: { locale: "en-GB" } })
      const en = await deliveredMail(container, sink, { event_name: "customer.created", resource_id: john })
      expect(en.mail.parsed.subject).toBe("Welcome to Muster Shop")
      expect(en.html).toContain("sign in with your e-mail address <strong>john@customer.test</strong>")

      const { result: [walkIn] } = await createCustomersWorkflow(container).run({ input: { customersData: [{ email: "laden@kunde.test" }] } })
      const skipped = await settledMessage(container, { event_name: "customer.created", resource_id: walkIn.id })
      expect(skipped).toMatchObject({ status: "skipped", skip_reason: "NO_CUSTOMER_ACCOUNT" })
      expect(sink.mails).toHaveLength(2)
    })

    it("sends a customer the storefront's reset link for every request, the token only in the mail body", async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      await mailer.updateSettings({ enabled_events: { "customer.created": false } })
      const customerId = await register(container, { email: "erika@kunde.test", first_name: "Erika", last_name: "Mustermann" })

      // Without a storefront URL there is no link to send: a failed row that says what to set.
      await requestReset(container, "erika@kunde.test", "customer")
      const unlinked = await settledMessage(container, { event_name: "auth.password_reset.customer", resource_id: customerId })
      expect(unlinked).toMatchObject({ status: "failed", error_code: "LINK_BASE_URL_MISSING" })
      expect(unlinked.error_hint).toMatch(/storefront URL/)
      expect(sink.mails).toHaveLength(0)

      await mailer.updateSettings({ storefront_url: `${STOREFRONT}/` })
      const tokens = [await requestReset(container, "erika@kunde.test", "customer"), await requestReset(container, "erika@kunde.test", "customer")]
      const rows = (await settledMessages(container, { event_name: "auth.password_reset.customer", resource_id: customerId }, 3)).slice(1)
      expect(rows.map((r) => r.status)).toEqual(["sent", "sent"])
      expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(2)
      for (const [i, row] of rows.entries()) {
        const token = tokens[i]
        const mail = sinkMailOf(sink, row)
        expect(mail.parsed.subject).toBe("Ihr neues Passwort für Muster Shop")
        expect(mail.envelope.to).toEqual(["erika@kunde.test"])
        const link = `${STOREFRONT}/reset-password?token=${encodeURIComponent(token)}&email=erika%40kunde.test`
        expect(String(mail.parsed.text)).toContain(link)
        expect(String(mail.parsed.html)).toContain("nur 15 Minuten gültig")
        expect(String(mail.parsed.html)).toContain("Karl Kontakt") // nobody on the staff acted
        // The token reached the customer; the log keeps no trace of it once the mail is sent.
        expect(JSON.stringify(row)).not.toContain(token)
        expect(JSON.stringify(row)).not.toContain(token.split(".")[2]) // not even the signature part
        expect(row.html).toContain("Inhalt entfernt")
        expect(row.text).toContain("Content removed")
      }

      // Such a mail cannot be resent from the log: the customer requests a new link.
      const admin = await createAdminSession(container, { email: "chef@muster-shop.test" })
      const refused = await api.post(`/admin/mailer/messages/${rows[0].id}/resend`, {}, { headers: admin.headers, validateStatus: () => true })
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ code: "RESEND_NOT_POSSIBLE", hint: expect.stringContaining("new password") })
    })

    it("sends an admin user the admin's reset link, in the language the request names", async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      const anna = await createAdminSession(container, { email: "anna@muster-shop.test", first_name: "Anna", last_name: "Admin" })

      await requestReset(container, "anna@muster-shop.test", "user")
      const unlinked = await settledMessage(container, { event_name: "auth.password_reset.user", resource_id: anna.user_id })
      expect(unlinked).toMatchObject({ status: "failed", error_code: "LINK_BASE_URL_MISSING" })
      expect(unlinked.error_hint).toMatch(/admin URL/)

      await mailer.updateSettings({ admin_url: ADMIN })
      const token = await requestReset(container, "anna@muster-shop.test", "user", { locale: "en-US" })
      const rows = await settledMessages(container, { event_name: "auth.password_reset.user", resource_id: anna.user_id }, 2)
      const sent = rows.find((r) => r.status === "sent")!
      expect(sent).toMatchObject({ locale: "en", resource_type: "user", to: ["anna@muster-shop.test"] })
      const mail = sinkMailOf(sink, sent)
      expect(mail.parsed.subject).toBe("Reset your admin password for Muster Shop")
      expect(String(mail.parsed.html)).toContain("Hello Anna Admin,")
      expect(String(mail.parsed.text)).toContain(`${ADMIN}/reset-password?token=${encodeURIComponent(token)}&email=anna%40muster-shop.test`)
    })

    it("invites a new admin with the link to accept, in German and, by the invite's locale, in English, and again on a resend", async () => {
      const container = getContainer()
      await mailerOf(container).updateSettings({ admin_url: ADMIN })
      const { result: invites } = await createInvitesWorkflow(container).run({
        input: { invites: [{ email: "neu@muster-shop.test" }, { email: "new@muster-shop.test", metadata: { locale: "en" } }] },
      })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const tokens = async () => {
        const { data } = await query.graph({ entity: "invite", fields: ["id", "email", "token"], filters: { id: invites.map((i) => i.id) } })
        return (email: string) => data.find((i: { email: string }) => i.email === email).token as string
      }
      const tokenOf = await tokens()

      const de = await deliveredMail(container, sink, { event_name: "invite.created", resource_id: invites[0].id })
      expect(de.message).toMatchObject({ locale: "de", resource_type: "invite", to: ["neu@muster-shop.test"] })
      expect(de.mail.parsed.subject).toBe("Einladung in den Admin-Bereich von Muster Shop")
      expect(de.text).toContain(`${ADMIN}/invite?token=${encodeURIComponent(tokenOf("neu@muster-shop.test"))}`)
      expect(de.html).toContain("Einladung annehmen")

      const en = await deliveredMail(container, sink, { event_name: "invite.created", resource_id: invites[1].id })
      expect(en.mail.parsed.subject).toBe("Invitation to the Muster Shop admin")
      expect(en.text).toContain(`${ADMIN}/invite?token=${encodeURIComponent(tokenOf("new@muster-shop.test"))}`)
      expect(JSON.stringify(en.message)).not.toContain(tokenOf("new@muster-shop.test"))

      // "Resend invite" refreshes the token; the invitation goes out again with the new link.
      await refreshInviteTokensWorkflow(container).run({ input: { invite_ids: [invites[0].id] } })
      const [, resent] = await settledMessages(container, { event_name: "invite.created", resource_id: invites[0].id }, 2)
      const refreshed = (await tokens())("neu@muster-shop.test")
      expect(refreshed).not.toBe(tokenOf("neu@muster-shop.test"))
      expect(resent.status).toBe("sent")
      expect(String(sinkMailOf(sink, resent).parsed.text)).toContain(`${ADMIN}/invite?token=${encodeURIComponent(refreshed)}`)
      expect(JSON.stringify(resent)).not.toContain(refreshed)
    })
  },
})
