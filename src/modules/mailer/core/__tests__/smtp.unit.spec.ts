import { generateKeyPairSync } from "node:crypto"
import { MailerError } from "../errors"
import { buildMailOptions, buildMessageId } from "../smtp/build-mail"
import { isLocalHost, securityWarnings, toTransportOptions, type SmtpAccountSettings } from "../smtp/transport-options"

const base: SmtpAccountSettings = {
  host: "smtp.example.com",
  port: 587,
  security: "starttls",
  auth_required: true,
  username: "shop@example.com",
}
const secrets = { password: "hunter2" }
const dkimKey = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString()

describe("toTransportOptions", () => {
  it("ssl → implicit TLS", () => {
    const options = toTransportOptions({ ...base, port: 465, security: "ssl" }, secrets)
    expect(options).toMatchObject({ host: "smtp.example.com", port: 465, secure: true })
    expect(options.requireTLS).toBeUndefined()
    expect(options.ignoreTLS).toBeUndefined()
  })

  it("starttls → plain connect, STARTTLS required", () => {
    expect(toTransportOptions(base, secrets)).toMatchObject({ secure: false, requireTLS: true })
    expect(toTransportOptions(base, secrets).ignoreTLS).toBeUndefined()
  })

  it("none → no TLS at all (a login only to this machine)", () => {
    const options = toTransportOptions({ ...base, host: "127.0.0.1", security: "none" }, secrets)
    expect(options).toMatchObject({ secure: false, ignoreTLS: true })
    expect(options.requireTLS).toBeUndefined()
  })

  it("never sends a password without TLS to another machine, private ranges included", () => {
    for (const host of ["smtp.example.com", "10.0.0.5", "192.168.1.20", "mail.local"]) {
      let caught: unknown
      try {
        toTransportOptions({ ...base, host, security: "none" }, secrets)
      } catch (err) {
        caught = err
      }
      expect(caught).toBeInstanceOf(MailerError)
      expect((caught as MailerError).code).toBe("SMTP_PLAINTEXT_AUTH")
      expect((caught as MailerError).message).not.toContain(secrets.password)
    }
    for (const host of ["localhost", "127.0.0.1", "127.0.1.1", "[::1]", "::ffff:127.0.0.1"]) {
      expect(toTransportOptions({ ...base, host, security: "none" }, secrets).auth).toBeDefined()
    }
    // a relay without login may stay unencrypted
    expect(toTransportOptions({ ...base, host: "10.0.0.5", security: "none", auth_required: false }, secrets).ignoreTLS).toBe(true)
  })

  it("refuses link-local and cloud metadata hosts, keeps loopback and private ones", () => {
    for (const host of ["169.254.169.254", "[fe80::1]", "fe80::abcd", "fe80::1%eth0", "metadata.google.internal", "METADATA.GOOGLE.INTERNAL.", "fd00:ec2::254", "::ffff:169.254.169.254", "0.0.0.0"]) {
      expect(() => toTransportOptions({ ...base, host }, secrets)).toThrow(expect.objectContaining({ code: "SMTP_HOST_NOT_ALLOWED" }))
    }
    for (const host of ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.0.2", "fd12::1", "smtp.example.com"]) {
      expect(toTransportOptions({ ...base, host }, secrets).host).toBe(host)
    }
  })

  it("rejects an unknown security value", () => {
    expect(() => toTransportOptions({ ...base, security: "tls" as never }, secrets)).toThrow(MailerError)
  })

  it("adds auth only when required", () => {
    expect(toTransportOptions(base, secrets).auth).toEqual({ user: "shop@example.com", pass: "hunter2" })
    expect(toTransportOptions({ ...base, auth_required: false }, secrets).auth).toBeUndefined()
  })

  it("reports missing credentials as SMTP_AUTH_MISSING without echoing secrets", () => {
    for (const [account, secret] of [
      [{ ...base, username: "" }, secrets],
      [{ ...base, username: null }, secrets],
      [base, { password: null }],
      [base, {}],
    ] as const) {
      try {
        toTransportOptions(account, secret)
        throw new Error("should have thrown")
      } catch (err) {
        expect((err as MailerError).code).toBe("SMTP_AUTH_MISSING")
        expect((err as MailerError).message).not.toContain("hunter2")
      }
    }
  })

  it("pools by default with 2 connections and 100 messages, short timeouts, no file/url access, no logging", () => {
    const options = toTransportOptions(base, secrets)
    expect(options).toMatchObject({
      pool: true,
      maxConnections: 2,
      maxMessages: 100,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
      debug: false,
    })
    expect(options.rateLimit).toBeUndefined()
    expect(options.rateDelta).toBeUndefined()
  })

  it("honours overrides and pool: false", () => {
    const options = toTransportOptions(base, secrets, { pool: false, connectionTimeoutMs: 1_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 3_000, name: "shop.example" })
    expect(options.pool).toBeUndefined()
    expect(options.maxConnections).toBeUndefined()
    expect(options).toMatchObject({ connectionTimeout: 1_000, greetingTimeout: 2_000, socketTimeout: 3_000, name: "shop.example" })
  })

  it("maps the batch settings to rateLimit/rateDelta only when both are set", () => {
    expect(toTransportOptions({ ...base, rate_limit_messages: 10, rate_limit_pause_ms: 1_000 }, secrets)).toMatchObject({ rateLimit: 10, rateDelta: 1_000 })
    expect(toTransportOptions({ ...base, rate_limit_messages: 10 }, secrets).rateLimit).toBeUndefined()
    expect(toTransportOptions({ ...base, rate_limit_pause_ms: 1_000 }, secrets).rateLimit).toBeUndefined()
    expect(toTransportOptions({ ...base, rate_limit_messages: 0, rate_limit_pause_ms: 1_000 }, secrets).rateLimit).toBeUndefined()
    expect(toTransportOptions({ ...base, rate_limit_messages: 10, rate_limit_pause_ms: 1_000 }, secrets, { pool: false }).rateLimit).toBeUndefined()
  })

  it("signs with DKIM only when domain, selector and key are all present", () => {
    const account = { ...base, dkim_domain: "example.com", dkim_selector: "mail" }
    expect(toTransportOptions(account, { ...secrets, dkimPrivateKey: dkimKey }).dkim).toEqual({
      domainName: "example.com",
      keySelector: "mail",
      privateKey: dkimKey.trim(),
    })
    expect(toTransportOptions(account, secrets).dkim).toBeUndefined()
    expect(toTransportOptions({ ...account, dkim_selector: null }, { ...secrets, dkimPrivateKey: dkimKey }).dkim).toBeUndefined()
    expect(toTransportOptions({ ...account, dkim_domain: "" }, { ...secrets, dkimPrivateKey: dkimKey }).dkim).toBeUndefined()
  })

  it("refuses an unreadable DKIM key instead of sending unsigned mail", () => {
    const account = { ...base, dkim_domain: "example.com", dkim_selector: "mail" }
    expect(() => toTransportOptions(account, { ...secrets, dkimPrivateKey: "not a key" })).toThrow(
      expect.objectContaining({ code: "DKIM_SIGNING" })
    )
  })
})

describe("securityWarnings", () => {
  const codes = (host: string, port: number, security: "ssl" | "starttls" | "none") =>
    securityWarnings({ host, port, security }).map((w) => w.code)

  it("warns about port/security mismatches", () => {
    expect(codes("smtp.example.com", 465, "starttls")).toEqual(["PORT_465_NEEDS_SSL"])
    expect(codes("smtp.example.com", 587, "ssl")).toEqual(["PORT_NEEDS_STARTTLS"])
    expect(codes("smtp.example.com", 25, "ssl")).toEqual(["PORT_NEEDS_STARTTLS"])
  })

  it("warns about plain text to a public host, not to a local one", () => {
    expect(codes("smtp.example.com", 587, "none")).toEqual(["UNENCRYPTED_PUBLIC_HOST"])
    expect(codes("email-smtp.eu-central-1.amazonaws.com", 25, "none")).toEqual(["UNENCRYPTED_PUBLIC_HOST"])
    for (const host of ["localhost", "127.0.0.1", "127.8.9.1", "::1", "[::1]", "mailpit.local", "10.1.2.3", "172.16.0.5", "172.31.255.1", "192.168.1.10", "fd12:3456::1", "app.localhost"]) {
      expect(codes(host, 25, "none")).toEqual([])
    }
    for (const host of ["172.32.0.1", "8.8.8.8", "2001:db8::1", "local.example.com"]) {
      expect(codes(host, 25, "none")).toEqual(["UNENCRYPTED_PUBLIC_HOST"])
    }
  })

  it("is quiet for the usual pairings and gives both languages", () => {
    expect(codes("smtp.example.com", 465, "ssl")).toEqual([])
    expect(codes("smtp.example.com", 587, "starttls")).toEqual([])
    const [warning] = securityWarnings({ host: "smtp.example.com", port: 465, security: "none" })
    expect(warning.message_de).toMatch(/SSL/)
    expect(warning.message_en).toMatch(/SSL/)
    expect(isLocalHost("LOCALHOST.")).toBe(true)
  })
})

describe("buildMailOptions", () => {
  const input = {
    from: { name: "Mein Shop", address: "shop@example.com" },
    replyTo: "service@example.com",
    envelope: { to: ["kunde@example.com"], cc: ["copy@example.com"], bcc: ["hidden@example.com"] },
    subject: "Ihre Bestellung",
    html: "<p>Hallo</p>",
    text: "Hallo",
    messageId: "<msg_1@example.com>",
  }

  it("sets a complete explicit envelope and visible To/Cc without Bcc", () => {
    const mail = buildMailOptions(input)
    expect(mail.envelope).toEqual({ from: "shop@example.com", to: ["kunde@example.com", "copy@example.com", "hidden@example.com"] })
    expect(mail.to).toEqual(["kunde@example.com"])
    expect(mail.cc).toEqual(["copy@example.com"])
    expect(mail.bcc).toBeUndefined()
    expect(JSON.stringify({ ...mail, envelope: undefined })).not.toContain("hidden@example.com")
    expect(mail).toMatchObject({
      from: { name: "Mein Shop", address: "shop@example.com" },
      replyTo: "service@example.com",
      subject: "Ihre Bestellung",
      html: "<p>Hallo</p>",
      text: "Hallo",
      messageId: "<msg_1@example.com>",
      disableFileAccess: true,
      disableUrlAccess: true,
    })
  })

  it("strips CR/LF from subject and sender name", () => {
    const mail = buildMailOptions({
      ...input,
      from: { name: "Shop\r\nBcc: evil@attacker.com", address: "shop@example.com" },
      subject: "Hallo\r\nBcc: evil@attacker.com",
    })
    expect(mail.subject).toBe("Hallo Bcc: evil@attacker.com")
    expect(mail.from).toEqual({ name: "Shop Bcc: evil@attacker.com", address: "shop@example.com" })
    expect(mail.envelope).toEqual(expect.objectContaining({ to: expect.not.arrayContaining(["evil@attacker.com"]) }))
  })

  it("dedupes recipients, omits empty lists and uses a bare address without a name", () => {
    const mail = buildMailOptions({ ...input, from: { address: "shop@example.com" }, replyTo: null, envelope: { to: [], cc: [], bcc: ["a@x.de", "A@x.de"] } })
    expect(mail.from).toBe("shop@example.com")
    expect(mail.to).toBeUndefined()
    expect(mail.cc).toBeUndefined()
    expect(mail.replyTo).toBeUndefined()
    expect(mail.envelope).toEqual({ from: "shop@example.com", to: ["a@x.de"] })
  })

  it("refuses a mail without recipients", () => {
    expect(() => buildMailOptions({ ...input, envelope: { to: [], cc: [], bcc: [] } })).toThrow(expect.objectContaining({ code: "NO_RECIPIENT" }))
  })

  it("keeps safe custom headers single-line and drops reserved or malformed ones", () => {
    const mail = buildMailOptions({
      ...input,
      headers: { "X-Mailer-Id": "msg_1\r\nBcc: evil@attacker.com", Bcc: "evil@attacker.com", "Bad Name": "x", "Auto-Submitted": "auto-generated" },
    })
    expect(mail.headers).toEqual({ "X-Mailer-Id": "msg_1 Bcc: evil@attacker.com", "Auto-Submitted": "auto-generated" })
  })
})

describe("buildMessageId", () => {
  it("is <rowId@sender-domain>, stable for the same row", () => {
    expect(buildMessageId("mailmsg_01HZ", "Shop@Example.COM")).toBe("<mailmsg_01HZ@example.com>")
    expect(buildMessageId("mailmsg_01HZ", "shop@example.com")).toBe(buildMessageId("mailmsg_01HZ", "shop@example.com"))
  })

  it("sanitises both parts", () => {
    expect(buildMessageId("id<>\r\n 1", "a@ex ample.com>")).toBe("<id1@example.com>")
    expect(buildMessageId("id", "no-domain")).toBe("<id@mailer.invalid>")
    expect(() => buildMessageId("<>", "a@b.de")).toThrow(TypeError)
  })
})
