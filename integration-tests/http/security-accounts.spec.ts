import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { generateKeyPairSync, randomBytes } from "node:crypto"
import type { AddressInfo } from "node:net"
import { SMTPServer, type SMTPServerAuthentication } from "smtp-server"
import { describeError } from "../../src/modules/mailer/core/errors"
import { createSecretBox } from "../../src/modules/mailer/core/secret-box"
import { createAdminSession } from "../helpers/admin"
import { adminClient, OutputCapture, type AdminClient } from "../helpers/admin-api"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(120_000)

const USER = "shop@muster-shop.test"
const PASSWORD = "Kx9#unique-SMTP-secret-4711"
const NEW_PASSWORD = "Zq7$another-SMTP-secret-0815"
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64")

/** Every form in which a server may echo the password (see core/redact.ts). */
function passwordForms(password: string): string[] {
  return [password, b64(password).replace(/=+$/, ""), b64(`\u0000${USER}\u0000${password}`).replace(/=+$/, "")]
}

/** A server that rejects every login and echoes what it got, the way careless servers do. */
function echoingAuth(auth: SMTPServerAuthentication, _session: unknown, callback: (err?: Error | null) => void) {
  const password = auth.password ?? ""
  const echoed = `5.7.8 Authentication failed for ${auth.username} with ${password} ${b64(password)} ${b64(`\u0000${auth.username}\u0000${password}`)}`
  callback(Object.assign(new Error(echoed), { responseCode: 535 }))
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    const echo = new SmtpSink()
    const attacker = new SmtpSink()
    const output = new OutputCapture()
    let admin: AdminClient

    const body = (overrides: Record<string, unknown> = {}) => ({ ...sinkAccount(sink, { password: PASSWORD }), ...overrides })
    const create = async (overrides: Record<string, unknown> = {}) => {
      const res = await admin.post("/admin/mailer/accounts", body(overrides))
      expect(res.status).toBe(200)
      return res.data.account as { id: string }
    }

    beforeAll(async () => {
      output.start()
      ;(getContainer().resolve("logger") as { setLogLevel: (l: string) => void }).setLogLevel("debug")
      await sink.start()
      await echo.start({
        onAuth: (auth, session, callback) => {
          echo.authAttempts.push({ username: auth.username ?? "", password: auth.password ?? "" })
          echoingAuth(auth, session, callback)
        },
      })
      await attacker.start()
      admin = adminClient(api, (await createAdminSession(getContainer())).headers)
    })
    afterAll(async () => {
      output.stop()
      await Promise.all([sink.stop(), echo.stop(), attacker.stop()])
    })
    beforeEach(() => [sink, echo, attacker].forEach((s) => s.reset()))

    it("keeps a password a server echoes out of every response, row and log line", async () => {
      const mailer = mailerOf(getContainer())
      const account = await create({ port: echo.port })

      const verified = await admin.post(`/admin/mailer/accounts/${account.id}/verify`)
      expect(verified.data).toMatchObject({ ok: false, code: "SMTP_AUTH" })
      expect(verified.data.detail).toContain("Authentication failed for shop@muster-shop.test with [redacted]")

      const tested = await admin.post(`/admin/mailer/accounts/${account.id}`, { name: "Neu", verify: true })
      expect(tested.status).toBe(400)
      expect(tested.data.code).toBe("SMTP_AUTH")

      const created = await admin.post("/admin/mailer/accounts", body({ port: echo.port, verify: true }))
      expect(created.status).toBe(400)

      // A queued mail: the delivery attempt stores the server's reply on the message and the account.
      await mailer.updateMailerAccounts({ id: account.id, status: "ok" })
      const sent = await admin.post(`/admin/mailer/accounts/${account.id}/test-email`, {})
      expect(sent.data.message.error_code).toBe("SMTP_AUTH")
      const row = await mailer.retrieveMailerMessage(sent.data.message.id)
      const stored = await mailer.retrieveMailerAccount(account.id)
      expect(row.error_message).toContain("[redacted]")
      expect(stored.last_error).toContain("SMTP_AUTH")

      expect(echo.authAttempts.length).toBeGreaterThanOrEqual(4)
      expect(echo.authAttempts.every((a) => a.password === PASSWORD)).toBe(true)
      expect(output.text).toMatch(/verification for account macc_\w+ failed: SMTP_AUTH/)
      const everything = [admin.bodies.join("\n"), JSON.stringify(row), String(stored.last_error), output.text].join("\n")
      for (const form of passwordForms(PASSWORD)) expect(everything).not.toContain(form)
    })

    it("asks for the password again before host, port, security or user name change", async () => {
      const account = await create()
      const stolen = await admin.post(`/admin/mailer/accounts/${account.id}`, { port: attacker.port, verify: true })
      expect(stolen.status).toBe(400)
      expect(stolen.data).toMatchObject({ type: "invalid_data", code: "PASSWORD_REQUIRED" })
      expect(stolen.data.message).toContain("port")
      expect(stolen.data.errors).toEqual([expect.objectContaining({ field: "password", code: "PASSWORD_REQUIRED" })])
      for (const change of [{ host: "localhost" }, { security: "starttls" }, { username: "other@muster-shop.test" }]) {
        const res = await admin.post(`/admin/mailer/accounts/${account.id}`, change, { "accept-language": "de" })
        expect(res.status).toBe(400)
        expect(res.data.code).toBe("PASSWORD_REQUIRED")
        expect(res.data.message).toContain("Passwort")
      }
      expect(attacker.authAttempts).toEqual([])
      const stored = await mailerOf(getContainer()).retrieveMailerAccount(account.id)
      expect(stored.port).toBe(sink.port)

      // A form that sends the unchanged settings passes; a change with the password too.
      const same = await admin.post(`/admin/mailer/accounts/${account.id}`, { host: "127.0.0.1", port: sink.port, security: "none", username: USER, name: "Gleich" })
      expect(same.status).toBe(200)
      const moved = await admin.post(`/admin/mailer/accounts/${account.id}`, { port: attacker.port, password: NEW_PASSWORD, verify: true })
      expect(moved.status).toBe(200)
      expect(attacker.authAttempts).toEqual([{ username: USER, password: NEW_PASSWORD }])

      // Two steps do not get around it: move while the login is off, then turn the login back on.
      const off = await admin.post(`/admin/mailer/accounts/${account.id}`, { auth_required: false, port: sink.port })
      expect(off.status).toBe(200)
      const on = await admin.post(`/admin/mailer/accounts/${account.id}`, { auth_required: true, verify: true })
      expect(on.status).toBe(400)
      expect(on.data.code).toBe("PASSWORD_REQUIRED")
      expect(sink.authAttempts).toEqual([])
    })

    it("never sends a login in plain text to another machine", async () => {
      // 10.255.255.1 is never connected to: the refusal comes before any socket.
      const account = await create({ host: "10.255.255.1", port: 25, security: "none" })
      const verified = await admin.post(`/admin/mailer/accounts/${account.id}/verify`)
      expect(verified.data).toMatchObject({ ok: false, code: "SMTP_PLAINTEXT_AUTH", account: { status: "tls_failed" } })
      expect(verified.data.hint).toBe(describeError("SMTP_PLAINTEXT_AUTH", "en", {}, "verify").hint)
      const tested = await admin.post("/admin/mailer/accounts", body({ host: "10.255.255.1", port: 25, security: "none", verify: true }))
      expect(tested.status).toBe(400)
      expect(tested.data.code).toBe("SMTP_PLAINTEXT_AUTH")
    })

    it("refuses link-local and metadata hosts, on save and on connect", async () => {
      for (const host of ["169.254.169.254", "metadata.google.internal", "[fe80::1]"]) {
        const res = await admin.post("/admin/mailer/accounts", body({ host, security: "ssl" }))
        expect(res.status).toBe(400)
        expect(res.data.errors).toEqual([expect.objectContaining({ field: "host", code: "HOST_NOT_ALLOWED" })])
      }
      for (const host of ["127.0.0.1", "10.0.0.25", "192.168.1.10"]) {
        expect((await admin.post("/admin/mailer/accounts", body({ host, security: "starttls" }))).status).toBe(200)
      }
      // A row stored before the rule (or written around the API) is refused when connecting.
      const legacy = await mailerOf(getContainer()).createAccount({ ...body({ host: "169.254.169.254", port: 80, security: "ssl" }) })
      const verified = await admin.post(`/admin/mailer/accounts/${legacy.id}/verify`)
      expect(verified.data).toMatchObject({ ok: false, code: "SMTP_HOST_NOT_ALLOWED", account: { status: "connection_failed" } })
    })

    it("repairs an account whose secret was sealed with another key: test and save and verify take the new password", async () => {
      const mailer = mailerOf(getContainer())
      const account = await create()
      const foreign = createSecretBox(randomBytes(32))
      const corrupt = () => mailer.updateMailerAccounts({ id: account.id, password: foreign.seal(PASSWORD, account.id) })

      await corrupt()
      const broken = await admin.post(`/admin/mailer/accounts/${account.id}/verify`)
      expect(broken.data).toMatchObject({ ok: false, code: "SECRET_DECRYPT_FAILED", account: { status: "auth_failed" } })

      const saved = await admin.post(`/admin/mailer/accounts/${account.id}`, { password: NEW_PASSWORD, verify: true })
      expect(saved.status).toBe(200)
      expect(saved.data.account.status).toBe("ok")
      expect(sink.authAttempts.at(-1)).toEqual({ username: USER, password: NEW_PASSWORD })

      await corrupt()
      const repaired = await admin.post(`/admin/mailer/accounts/${account.id}/verify`, { password: NEW_PASSWORD })
      expect(repaired.data).toMatchObject({ ok: true, account: { status: "ok" } })
      // … and is stored: the next verification without a password uses it.
      expect((await admin.post(`/admin/mailer/accounts/${account.id}/verify`)).data.ok).toBe(true)
      expect(sink.authAttempts.map((a) => a.password)).toEqual([NEW_PASSWORD, NEW_PASSWORD, NEW_PASSWORD])

      // With an unreadable DKIM key as well, the detail names it; sending both repairs the account.
      const dkimKey = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString()
      await mailer.updateMailerAccounts({ id: account.id, dkim_domain: "muster-shop.test", dkim_selector: "mail", dkim_private_key: foreign.seal(dkimKey, account.id) })
      await corrupt()
      const half = await admin.post(`/admin/mailer/accounts/${account.id}`, { password: NEW_PASSWORD, verify: true })
      expect(half.status).toBe(400)
      expect(half.data).toMatchObject({ code: "SECRET_DECRYPT_FAILED", detail: "the stored DKIM private key cannot be decrypted" })
      const both = await admin.post(`/admin/mailer/accounts/${account.id}`, { password: NEW_PASSWORD, dkim_private_key: dkimKey, verify: true })
      expect(both.status).toBe(200)
      expect(sink.mails.at(-1)?.raw).toContain("DKIM-Signature")
    })

    it("names the security setting when STARTTLS meets an SSL port and SSL a STARTTLS port; a test never promises a retry", async () => {
      // smtp-server with `secure: true` speaks TLS from the first byte (its bundled self-signed certificate).
      const implicitTls = new SMTPServer({ secure: true, authOptional: true, logger: false })
      // the client gives up before the handshake; the server reports the closed socket
      implicitTls.on("error", () => undefined)
      await new Promise<void>((resolve) => implicitTls.listen(0, "127.0.0.1", resolve))
      try {
        const port = (implicitTls.server.address() as AddressInfo).port
        const res = await admin.post("/admin/mailer/accounts", body({ port, security: "starttls", verify: true }), { "accept-language": "de" })
        expect(res.status).toBe(400)
        expect(res.data).toMatchObject({ code: "SMTP_EXPECTS_SSL", hint: describeError("SMTP_EXPECTS_SSL", "de", {}, "test").hint })
        expect(res.data.hint).toContain("SSL")
      } finally {
        await new Promise<void>((resolve) => implicitTls.close(() => resolve()))
      }

      const plain = await admin.post("/admin/mailer/accounts", body({ security: "ssl", verify: true }))
      expect(plain.status).toBe(400)
      expect(plain.data).toMatchObject({ code: "SMTP_EXPECTS_STARTTLS", hint: describeError("SMTP_EXPECTS_STARTTLS", "en", {}, "test").hint })

      // A plain timeout in a test: the hint names the ports and says nothing is retried.
      const timeoutHint = describeError("SMTP_TIMEOUT", "en", {}, "test").hint
      expect(timeoutHint).not.toMatch(/will be retried/)
      expect(timeoutHint).toMatch(/465 needs SSL/)
    })
  },
})
