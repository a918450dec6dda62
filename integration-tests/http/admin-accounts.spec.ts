import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { generateKeyPairSync } from "node:crypto"
import { createServer, type AddressInfo } from "node:net"
import { describeError } from "../../src/modules/mailer/core/errors"
import { createAdminSession } from "../helpers/admin"
import { adminClient, OutputCapture, type AdminClient } from "../helpers/admin-api"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(120_000)

const PASSWORD = "Kx9#unique-SMTP-secret-4711"
const NEW_PASSWORD = "Zq7$another-SMTP-secret-0815"

/** A port nothing listens on: bind, read the number, close. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    const output = new OutputCapture()
    let admin: AdminClient
    let adminId: string
    const ciphertexts = new Set<string>()

    const body = (overrides: Record<string, unknown> = {}) => ({ ...sinkAccount(sink, { password: PASSWORD }), ...overrides })

    async function rememberCiphertexts() {
      const rows = await mailerOf(getContainer()).listMailerAccounts({}, { withDeleted: true })
      for (const row of rows) if (row.password) ciphertexts.add(row.password)
    }

    beforeAll(async () => {
      output.start()
      // Medusa's default level in production: requests are logged too.
      ;(getContainer().resolve("logger") as { setLogLevel: (l: string) => void }).setLogLevel("http")
      await sink.start()
      const session = await createAdminSession(getContainer())
      adminId = session.user_id
      admin = adminClient(api, session.headers)
    })
    afterAll(async () => {
      output.stop()
      await sink.stop()
    })
    beforeEach(() => sink.reset())
    afterEach(rememberCiphertexts)

    it("creates, reads, lists and updates an account; the password is write-only", async () => {
      const created = await admin.post("/admin/mailer/accounts", body({ host: "  127.0.0.1 ", sender_email: " shop@muster-shop.test " }))
      expect(created.status).toBe(200)
      const account = created.data.account
      expect(account).toMatchObject({ host: "127.0.0.1", sender_email: "shop@muster-shop.test", has_password: true, is_default: true, status: "unverified", warnings: [] })
      expect(account).not.toHaveProperty("password")
      expect(account).not.toHaveProperty("dkim_private_key")
      const stored = await mailerOf(getContainer()).retrieveMailerAccount(account.id)
      expect(stored.password).toMatch(/^v1:/)
      expect(stored.password).not.toContain(PASSWORD)

      const got = await admin.get(`/admin/mailer/accounts/${account.id}`)
      expect(got.status).toBe(200)
      expect(got.data.account).toMatchObject({ id: account.id, has_password: true })
      const list = await admin.get("/admin/mailer/accounts")
      expect(list.data).toMatchObject({ count: 1, offset: 0 })
      expect(list.data.accounts[0]).toMatchObject({ id: account.id, has_password: true })

      // An update without a password keeps it: the sink sees the old one at login.
      const renamed = await admin.post(`/admin/mailer/accounts/${account.id}`, { name: "Versand", password: "" })
      expect(renamed.status).toBe(200)
      expect(renamed.data.account).toMatchObject({ name: "Versand", has_password: true })
      expect((await admin.post(`/admin/mailer/accounts/${account.id}/verify`)).data.ok).toBe(true)
      expect(sink.authAttempts.at(-1)?.password).toBe(PASSWORD)

      // A new password replaces it …
      const changed = await admin.post(`/admin/mailer/accounts/${account.id}`, { password: NEW_PASSWORD })
      expect(changed.data.account.has_password).toBe(true)
      expect((await admin.post(`/admin/mailer/accounts/${account.id}/verify`)).data.ok).toBe(true)
      expect(sink.authAttempts.at(-1)?.password).toBe(NEW_PASSWORD)

      // … and an explicit null clears it.
      const cleared = await admin.post(`/admin/mailer/accounts/${account.id}`, { password: null, auth_required: false })
      expect(cleared.status).toBe(200)
      expect(cleared.data.account.has_password).toBe(false)
      expect((await mailerOf(getContainer()).retrieveMailerAccount(account.id)).password).toBeNull()
    })

    it("warns about suspicious port and security combinations, in the request's language", async () => {
      const cases: [Record<string, unknown>, string[]][] = [
        [{ host: "smtp.example.com", port: 465, security: "starttls" }, ["PORT_465_NEEDS_SSL"]],
        [{ host: "smtp.example.com", port: 587, security: "ssl" }, ["PORT_NEEDS_STARTTLS"]],
        [{ host: "smtp.example.com", port: 25, security: "none" }, ["UNENCRYPTED_PUBLIC_HOST"]],
        [{ host: "smtp.example.com", port: 587, security: "none" }, ["UNENCRYPTED_PUBLIC_HOST"]],
        [{ host: "smtp.example.com", port: 465, security: "ssl" }, []],
        [{ host: "127.0.0.1", port: 25, security: "none" }, []],
      ]
      for (const [settings, codes] of cases) {
        const res = await admin.post("/admin/mailer/accounts", body(settings))
        expect(res.status).toBe(200)
        expect(res.data.account.warnings.map((w: { code: string }) => w.code)).toEqual(codes)
      }
      const german = await admin.post("/admin/mailer/accounts", body({ host: "smtp.example.com", port: 465, security: "starttls" }), {
        "accept-language": "de-DE,de;q=0.9,en;q=0.5",
      })
      expect(german.data.account.warnings[0].message).toContain("Port 465 erwartet SSL")
    })

    it("keeps one default account: a new default unsets the old one", async () => {
      const first = (await admin.post("/admin/mailer/accounts", body({ is_default: false }))).data.account
      expect(first.is_default).toBe(true) // the first account becomes the default by itself
      const second = (await admin.post("/admin/mailer/accounts", body({ name: "Zweites", is_default: true }))).data.account
      expect(second.is_default).toBe(true)
      const third = (await admin.post("/admin/mailer/accounts", body({ name: "Drittes", is_default: false }))).data.account
      expect(third.is_default).toBe(false)
      await admin.post(`/admin/mailer/accounts/${third.id}`, { is_default: true })
      const list = (await admin.get("/admin/mailer/accounts")).data.accounts
      expect(list.filter((a: { is_default: boolean }) => a.is_default).map((a: { id: string }) => a.id)).toEqual([third.id])
    })

    it("deletes an account only when the sender address is typed to confirm", async () => {
      const account = (await admin.post("/admin/mailer/accounts", body())).data.account
      const missing = await admin.delete(`/admin/mailer/accounts/${account.id}`, {})
      expect(missing.status).toBe(400)
      expect(missing.data).toMatchObject({ type: "invalid_data", code: "INVALID_DATA" })
      expect(missing.data.errors).toEqual([expect.objectContaining({ field: "confirm", code: "CONFIRM_REQUIRED" })])
      const wrong = await admin.delete(`/admin/mailer/accounts/${account.id}`, { confirm: "shop@other.test" })
      expect(wrong.status).toBe(400)
      expect(wrong.data.code).toBe("CONFIRMATION_MISMATCH")
      expect(wrong.data.message).toContain("shop@muster-shop.test")
      expect((await admin.get(`/admin/mailer/accounts/${account.id}`)).status).toBe(200)

      const done = await admin.delete(`/admin/mailer/accounts/${account.id}`, { confirm: " SHOP@muster-shop.test " })
      expect(done.status).toBe(200)
      expect(done.data).toEqual({ id: account.id, object: "mailer_account", deleted: true })
      const gone = await admin.get(`/admin/mailer/accounts/${account.id}`)
      expect(gone.status).toBe(404)
      expect(gone.data).toMatchObject({ type: "not_found", code: "NOT_FOUND" })
      expect((await admin.delete(`/admin/mailer/accounts/${account.id}`, { confirm: "shop@muster-shop.test" })).status).toBe(404)
    })

    it("verifies the connection: ok against the sink, the connection hint for a wrong port", async () => {
      const good = (await admin.post("/admin/mailer/accounts", body())).data.account
      const ok = await admin.post(`/admin/mailer/accounts/${good.id}/verify`)
      expect(ok.status).toBe(200)
      expect(ok.data).toMatchObject({ ok: true, account: { id: good.id, status: "ok" } })
      expect(sink.authAttempts).toEqual([{ username: "shop@muster-shop.test", password: PASSWORD }])

      const bad = (await admin.post("/admin/mailer/accounts", body({ port: await closedPort() }))).data.account
      const failed = await admin.post(`/admin/mailer/accounts/${bad.id}/verify`)
      expect(failed.status).toBe(200)
      expect(failed.data).toMatchObject({
        ok: false,
        code: "SMTP_CONNECTION",
        message: describeError("SMTP_CONNECTION", "en").message,
        hint: describeError("SMTP_CONNECTION", "en", {}, "verify").hint,
        // A connection error is recorded, not a pause (issue 9): the account keeps its status.
        account: { id: bad.id, status: "unverified", last_error: expect.stringMatching(/^SMTP_CONNECTION: /) },
      })
      const german = await admin.post(`/admin/mailer/accounts/${bad.id}/verify`, {}, { "accept-language": "de" })
      expect(german.data).toMatchObject({ ok: false, code: "SMTP_CONNECTION", hint: describeError("SMTP_CONNECTION", "de", {}, "verify").hint })

      sink.behaviour.rejectAuth = true
      const denied = await admin.post(`/admin/mailer/accounts/${good.id}/verify`)
      expect(denied.data).toMatchObject({ ok: false, code: "SMTP_AUTH", hint: describeError("SMTP_AUTH", "en", {}, "verify").hint })
    })

    it("test and save: a rejected login stores nothing; a working mailbox is stored and gets a test mail", async () => {
      sink.behaviour.rejectAuth = true
      const rejected = await admin.post("/admin/mailer/accounts", body({ verify: true }))
      expect(rejected.status).toBe(400)
      expect(rejected.data).toMatchObject({ type: "invalid_data", code: "SMTP_AUTH", message: describeError("SMTP_AUTH", "en").message, hint: describeError("SMTP_AUTH", "en", {}, "test").hint })
      expect((await admin.get("/admin/mailer/accounts")).data.count).toBe(0)
      expect(sink.mails).toHaveLength(0)

      sink.behaviour.rejectAuth = false
      const saved = await admin.post("/admin/mailer/accounts", body({ verify: true, test_to: "inhaber@muster-shop.test" }))
      expect(saved.status).toBe(200)
      expect(saved.data.account).toMatchObject({ status: "ok", has_password: true })
      expect(saved.data.account.verified_at).toBeTruthy()
      expect(saved.data.test).toEqual({ ok: true, to: "inhaber@muster-shop.test" })
      expect(sink.mails).toHaveLength(1)
      expect(sink.mails[0].envelope.to).toEqual(["inhaber@muster-shop.test"])
      expect(sink.mails[0].parsed.subject).toBe("Test mail from Shop-Postfach")

      // Test and save on update: a failing test leaves the stored account as it was.
      sink.behaviour.rejectAuth = true
      const id = saved.data.account.id
      const failedUpdate = await admin.post(`/admin/mailer/accounts/${id}`, { name: "Neu", password: NEW_PASSWORD, verify: true }, { "accept-language": "de" })
      expect(failedUpdate.status).toBe(400)
      expect(failedUpdate.data).toMatchObject({ code: "SMTP_AUTH", hint: describeError("SMTP_AUTH", "de", {}, "test").hint })
      const after = (await admin.get(`/admin/mailer/accounts/${id}`)).data.account
      expect(after).toMatchObject({ name: "Shop-Postfach", status: "ok" })
      sink.behaviour.rejectAuth = false
      await admin.post(`/admin/mailer/accounts/${id}/verify`)
      expect(sink.authAttempts.at(-1)?.password).toBe(PASSWORD)

      // … and a passing one sends to the sender address and stores the change.
      sink.reset()
      const updated = await admin.post(`/admin/mailer/accounts/${id}`, { name: "Neu", verify: true })
      expect(updated.status).toBe(200)
      expect(updated.data.account).toMatchObject({ name: "Neu", status: "ok" })
      expect(sink.mails.map((m) => m.envelope.to)).toEqual([["shop@muster-shop.test"]])
    })

    it("sends an account's test mail through the outbox: logged, routed in test mode, errors with a hint", async () => {
      const account = (await admin.post("/admin/mailer/accounts", body())).data.account
      const sent = await admin.post(`/admin/mailer/accounts/${account.id}/test-email`, { to: "kontrolle@muster-shop.test" })
      expect(sent.status).toBe(200)
      expect(sent.data.message).toMatchObject({
        status: "sent",
        event_name: "mailer.test_email",
        resource_type: "account",
        resource_id: account.id,
        account_id: account.id,
        to: ["kontrolle@muster-shop.test"],
        triggered_by: adminId,
        error: null,
      })
      expect(sink.mails.map((m) => m.envelope.to)).toEqual([["kontrolle@muster-shop.test"]])
      const logged = await admin.get(`/admin/mailer/messages/${sent.data.message.id}`)
      expect(logged.data.message.subject).toBe("Test mail from Shop-Postfach")

      // In test mode the mail goes to the test address, like every other mail.
      await admin.post(`/admin/mailer/accounts/${account.id}`, { test_mode: true, test_recipient: "test@muster-shop.test" })
      sink.reset()
      const routed = await admin.post(`/admin/mailer/accounts/${account.id}/test-email`, { to: "kunde@example.com" })
      expect(routed.data.message).toMatchObject({ status: "sent", test_mode: true, to: ["kunde@example.com"] })
      expect(sink.mails.map((m) => m.envelope.to)).toEqual([["test@muster-shop.test"]])

      // Without `to` it goes to the sender address; a refused login shows the hint.
      // (A new password also closes the pooled, already logged-in connection.)
      await admin.post(`/admin/mailer/accounts/${account.id}`, { test_mode: false, password: NEW_PASSWORD })
      sink.reset()
      sink.behaviour.rejectAuth = true
      const failed = await admin.post(`/admin/mailer/accounts/${account.id}/test-email`, {}, { "accept-language": "de" })
      expect(failed.status).toBe(200)
      expect(failed.data.message).toMatchObject({ to: ["shop@muster-shop.test"], error_code: "SMTP_AUTH" })
      expect(failed.data.message.status).not.toBe("sent")
      expect(failed.data.message.error).toMatchObject({ code: "SMTP_AUTH", hint: describeError("SMTP_AUTH", "de").hint })
    })

    it("never shows the password or its ciphertext in any response, nor the password in the server log", async () => {
      // The DKIM key is write-only too; exercise the remaining read paths with it in place.
      const dkimKey = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString()
      const account = (await admin.post("/admin/mailer/accounts", body({ name: "Letztes", dkim_domain: "muster-shop.test", dkim_selector: "mail", dkim_private_key: dkimKey }))).data.account
      expect(account).toMatchObject({ has_password: true, has_dkim_private_key: true, dkim_selector: "mail" })
      const dkimCiphertext = (await mailerOf(getContainer()).retrieveMailerAccount(account.id)).dkim_private_key
      expect(dkimCiphertext).toMatch(/^v1:/)
      const signed = await admin.post(`/admin/mailer/accounts/${account.id}/test-email`, {})
      expect(signed.data.message.status).toBe("sent")
      expect(sink.mails[0].raw).toContain("DKIM-Signature")
      await admin.get(`/admin/mailer/messages/${signed.data.message.id}`)
      await admin.get("/admin/mailer/messages")
      await admin.get("/admin/mailer/accounts")
      await rememberCiphertexts()

      expect(admin.bodies.length).toBeGreaterThan(40)
      expect(ciphertexts.size).toBeGreaterThanOrEqual(3)
      const responses = admin.bodies.join("\n")
      const keyBody = dkimKey.split("\n")[1]
      for (const secret of [PASSWORD, NEW_PASSWORD, ...ciphertexts, dkimCiphertext, keyBody]) {
        expect(responses).not.toContain(secret)
      }
      // The capture works (the failed logins were logged as warnings) and holds no password.
      expect(output.text).toMatch(/test and save for account shop@muster-shop\.test failed: SMTP_AUTH/)
      expect(output.text).toMatch(/verification for account macc_\w+ failed: SMTP_CONNECTION/)
      expect(output.text).not.toContain(PASSWORD)
      expect(output.text).not.toContain(NEW_PASSWORD)
      expect(output.text).not.toContain(keyBody)
    })
  },
})
