import { classifySmtpError, explainConnectionCheck } from "../classify-smtp-error"
import { describeError, MailerError, MAILER_ERRORS } from "../errors"
import { REDACTED, redactSecrets, secretForms } from "../redact"

const USER = "shop@muster-shop.test"
// characters that change under URL and JSON encoding, so every form is exercised
const PASSWORD = 'Kx9#unique "SMTP" secret/4711'
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64")

describe("redactSecrets", () => {
  const echoes = {
    plain: PASSWORD,
    "base64 (AUTH LOGIN)": b64(PASSWORD),
    "base64 without padding": b64(PASSWORD).replace(/=+$/, ""),
    "AUTH PLAIN token": b64(`\u0000${USER}\u0000${PASSWORD}`),
    "AUTH PLAIN token with authzid": b64(`${USER}\u0000${USER}\u0000${PASSWORD}`),
    "URL-encoded": encodeURIComponent(PASSWORD),
    "JSON-escaped": JSON.stringify(PASSWORD).slice(1, -1),
  }

  it.each(Object.entries(echoes))("removes the password echoed as %s", (_, echo) => {
    const text = `535 5.7.8 Authentication failed for ${echo} (try again)`
    const out = redactSecrets(text, { username: USER, password: PASSWORD })
    expect(out).not.toContain(echo)
    expect(out).toContain(REDACTED)
    expect(out).toContain("535 5.7.8 Authentication failed for")
  })

  it("leaves texts without secrets, and the user name, alone", () => {
    const text = `535 5.7.8 Authentication credentials invalid for ${USER}`
    expect(redactSecrets(text, { username: USER, password: PASSWORD })).toBe(text)
    expect(redactSecrets(text, {})).toBe(text)
  })

  it("removes the DKIM key's body", () => {
    const key = "-----BEGIN PRIVATE KEY-----\nMIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEA\nq1w2e3r4t5y6u7i8o9p0AbCdEfGhIjKlMnOpQrStUvWxYz\n-----END PRIVATE KEY-----\n"
    const out = redactSecrets(`cannot load MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEA`, { dkimPrivateKey: key })
    expect(out).toBe(`cannot load ${REDACTED}`)
  })

  it("lists longer forms first, so a token is replaced whole", () => {
    const forms = secretForms({ username: USER, password: PASSWORD })
    expect(forms.map((f) => f.length)).toEqual([...forms.map((f) => f.length)].sort((a, b) => b - a))
  })
})

describe("classifySmtpError with the account's secrets", () => {
  it("removes every echoed form from message and response and keeps no raw cause", () => {
    const token = b64(`\u0000${USER}\u0000${PASSWORD}`)
    const raw = Object.assign(new Error(`Invalid login: 535 5.7.8 bad credentials ${PASSWORD} ${token}`), {
      code: "EAUTH",
      response: `535 5.7.8 bad credentials ${PASSWORD} ${token}`,
      responseCode: 535,
      command: "AUTH PLAIN",
    })
    const error = classifySmtpError(raw, { secrets: { username: USER, password: PASSWORD } })
    expect(error.code).toBe("SMTP_AUTH")
    for (const text of [error.message, error.smtpResponse ?? "", JSON.stringify(error)]) {
      expect(text).not.toContain(PASSWORD)
      expect(text).not.toContain(token)
    }
    expect((error as { cause?: unknown }).cause).toBeUndefined()
  })

  it("redacts a MailerError that was built elsewhere", () => {
    const built = new MailerError("SMTP_AUTH", `server said ${PASSWORD}`, { smtpResponse: `535 ${b64(PASSWORD)}` })
    const error = classifySmtpError(built, { secrets: { password: PASSWORD } })
    expect(error.message).toBe(`server said ${REDACTED}`)
    expect(error.smtpResponse).not.toContain(b64(PASSWORD).replace(/=+$/, ""))
  })
})

describe("explainConnectionCheck", () => {
  const timeout = new MailerError("SMTP_TIMEOUT", "Greeting never received", { command: "CONN" })
  const handshake = new MailerError("SMTP_TLS", "Error initiating TLS - C0D8:error:0A00010B:SSL routines:ssl3_get_record:wrong version number")

  it("names SSL for a greeting timeout with STARTTLS or none", () => {
    expect(explainConnectionCheck(timeout, "starttls").code).toBe("SMTP_EXPECTS_SSL")
    expect(explainConnectionCheck(timeout, "none").code).toBe("SMTP_EXPECTS_SSL")
    expect(explainConnectionCheck(timeout, "ssl").code).toBe("SMTP_TIMEOUT")
  })

  it("names STARTTLS for a handshake answered in plain text", () => {
    expect(explainConnectionCheck(handshake, "ssl").code).toBe("SMTP_EXPECTS_STARTTLS")
    expect(explainConnectionCheck(handshake, "starttls").code).toBe("SMTP_TLS")
  })

  it("keeps a connection that never opened and a certificate problem as they are", () => {
    const connect = new MailerError("SMTP_TIMEOUT", "Connection timeout to smtp.example.com:465")
    expect(explainConnectionCheck(connect, "starttls").code).toBe("SMTP_TIMEOUT")
    const cert = new MailerError("SMTP_TLS", "self-signed certificate")
    expect(explainConnectionCheck(cert, "ssl").code).toBe("SMTP_TLS")
  })
})

describe("hints that fit the context", () => {
  const retried = /will be retried|retried automatically|erneut versendet/i

  it("a check (verify, test and save) never promises a retry", () => {
    for (const code of Object.keys(MAILER_ERRORS)) {
      for (const lang of ["en", "de"] as const) {
        for (const context of ["verify", "test"] as const) {
          expect(describeError(code, lang, {}, context).hint).not.toMatch(retried)
        }
      }
    }
  })

  it("a queued mail keeps the retry hint; a test says nothing was saved, a verify that the account is paused", () => {
    expect(describeError("SMTP_TIMEOUT", "en").hint).toMatch(/retried/)
    expect(describeError("SMTP_AUTH", "en", {}, "test").hint).toMatch(/Nothing was saved/)
    expect(describeError("SMTP_AUTH", "de", {}, "test").hint).toMatch(/nichts gespeichert/)
    expect(describeError("SMTP_AUTH", "en", {}, "verify").hint).toMatch(/paused/)
  })

  it("the security-mismatch codes offer the matching setting in both languages", () => {
    expect(describeError("SMTP_EXPECTS_SSL", "en", {}, "test").hint).toMatch(/SSL/)
    expect(describeError("SMTP_EXPECTS_SSL", "de", {}, "test").hint).toMatch(/SSL/)
    expect(describeError("SMTP_EXPECTS_STARTTLS", "en", {}, "test").hint).toMatch(/STARTTLS/)
    expect(describeError("SMTP_EXPECTS_STARTTLS", "de", {}, "test").hint).toMatch(/STARTTLS/)
  })
})
