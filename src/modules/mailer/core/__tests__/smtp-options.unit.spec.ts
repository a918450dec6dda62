import { createServer, type AddressInfo } from "node:net"
import nodemailer from "nodemailer"
import { simpleParser } from "mailparser"
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from "smtp-server"
import { classifySmtpError } from "../classify-smtp-error"
import { buildMailOptions, buildMessageId } from "../smtp/build-mail"
import { toTransportOptions, type SmtpAccountSettings } from "../smtp/transport-options"

/**
 * Real sockets: an in-process smtp-server on 127.0.0.1 that demands AUTH and does not offer
 * STARTTLS. Shows that our options authenticate against it in "none" mode, and that "starttls"
 * refuses to continue without TLS before any credentials are sent.
 */
const USER = "shop@example.com"
const PASSWORD = "s3cret-pa55"

interface ReceivedMail {
  raw: Buffer
  rcptTo: string[]
  mailFrom: string | false
}

describe("toTransportOptions against a real SMTP server", () => {
  const received: ReceivedMail[] = []
  const authAttempts: SMTPServerAuthentication[] = []
  let server: SMTPServer
  let port: number
  const transports: { close(): void }[] = []

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        authAttempts.push(auth)
        if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: auth.username })
        return callback(new Error("Invalid username or password"))
      },
      onData(stream, session: SMTPServerSession, callback) {
        const chunks: Buffer[] = []
        stream.on("data", (chunk: Buffer) => chunks.push(chunk))
        stream.on("end", () => {
          received.push({
            raw: Buffer.concat(chunks),
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            mailFrom: session.envelope.mailFrom && session.envelope.mailFrom.address,
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(0, "127.0.0.1", () => resolve())
    })
    port = (server.server.address() as AddressInfo).port
  })

  afterAll(async () => {
    for (const transport of transports) transport.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  beforeEach(() => {
    received.length = 0
    authAttempts.length = 0
  })

  function account(security: SmtpAccountSettings["security"]): SmtpAccountSettings {
    return { host: "127.0.0.1", port, security, auth_required: true, username: USER }
  }

  function transportFor(security: SmtpAccountSettings["security"], pool = true) {
    const options = toTransportOptions(account(security), { password: PASSWORD }, { pool, connectionTimeoutMs: 3_000, greetingTimeoutMs: 3_000, socketTimeoutMs: 5_000 })
    const transport = nodemailer.createTransport(options)
    transports.push(transport)
    return transport
  }

  it("security none + auth: logs in and the sink receives the mail (Bcc only in the envelope)", async () => {
    const transport = transportFor("none")
    const mail = buildMailOptions({
      from: { name: "Mein Shop", address: USER },
      envelope: { to: ["kunde@example.com"], cc: ["copy@example.com"], bcc: ["hidden@example.com"] },
      subject: "Ihre Bestellung\r\nBcc: evil@attacker.com",
      html: "<p>Hallo Kunde</p>",
      text: "Hallo Kunde",
      messageId: buildMessageId("mailmsg_01TEST", USER),
    })
    const info = await transport.sendMail(mail)
    expect(info.accepted).toEqual(["kunde@example.com", "copy@example.com", "hidden@example.com"])

    expect(authAttempts).toHaveLength(1)
    expect(authAttempts[0].username).toBe(USER)
    expect(received).toHaveLength(1)
    expect(received[0].mailFrom).toBe(USER)
    expect(received[0].rcptTo).toEqual(["kunde@example.com", "copy@example.com", "hidden@example.com"])

    const parsed = await simpleParser(received[0].raw)
    expect(parsed.subject).toBe("Ihre Bestellung Bcc: evil@attacker.com")
    expect(parsed.messageId).toBe("<mailmsg_01TEST@example.com>")
    expect(parsed.text?.trim()).toBe("Hallo Kunde")
    expect(parsed.html).toContain("<p>Hallo Kunde</p>")
    expect(parsed.headers.has("bcc")).toBe(false)
    expect(received[0].raw.toString("utf8")).not.toContain("hidden@example.com")
    expect(received[0].raw.toString("utf8")).not.toMatch(/^Bcc:/im)
  })

  it("security starttls against a server without STARTTLS fails as SMTP_TLS and never sends AUTH", async () => {
    const transport = transportFor("starttls", false)
    let caught: unknown
    try {
      await transport.sendMail({ from: USER, to: "kunde@example.com", subject: "x", text: "x" })
    } catch (err) {
      caught = err
    }
    expect(caught).toBeDefined()
    const classified = classifySmtpError(caught, { redact: [PASSWORD] })
    expect(classified.code).toBe("SMTP_TLS")
    expect(classified.kind).toBe("configuration")
    expect(classified.message).not.toContain(PASSWORD)
    expect(authAttempts).toHaveLength(0)
    expect(received).toHaveLength(0)
  })

  it("a wrong password classifies as SMTP_AUTH", async () => {
    const options = toTransportOptions(account("none"), { password: "wrong" }, { pool: false })
    const transport = nodemailer.createTransport(options)
    transports.push(transport)
    const error = await transport.verify().then(
      () => undefined,
      (err: unknown) => err
    )
    expect(classifySmtpError(error).code).toBe("SMTP_AUTH")
    expect(classifySmtpError(error).responseCode).toBe(535)
    expect(authAttempts).toHaveLength(1)
  })

  async function sendError(options: Parameters<typeof nodemailer.createTransport>[0]): Promise<unknown> {
    const transport = nodemailer.createTransport(options as never)
    transports.push(transport)
    return transport.sendMail({ from: USER, to: "kunde@example.com", subject: "x", text: "x" }).then(
      () => undefined,
      (err: unknown) => err
    )
  }

  it("ssl against the plain-text server classifies as SMTP_TLS", async () => {
    const options = toTransportOptions(account("ssl"), { password: PASSWORD }, { pool: false, connectionTimeoutMs: 3_000, greetingTimeoutMs: 3_000 })
    expect(classifySmtpError(await sendError(options)).code).toBe("SMTP_TLS")
    expect(authAttempts).toHaveLength(0)
  })

  it("no credentials for a server that demands them classifies as SMTP_AUTH_MISSING", async () => {
    const options = toTransportOptions({ ...account("none"), auth_required: false }, {}, { pool: false })
    const classified = classifySmtpError(await sendError(options))
    expect(classified.code).toBe("SMTP_AUTH_MISSING")
    expect(classified.responseCode).toBe(530)
    expect(classified.command).toBe("MAIL FROM")
  })

  it("a closed port classifies as transient SMTP_CONNECTION", async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()))
    const closedPort = (probe.address() as AddressInfo).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const options = toTransportOptions({ ...account("none"), port: closedPort }, { password: PASSWORD }, { pool: false })
    const classified = classifySmtpError(await sendError(options))
    expect(classified.code).toBe("SMTP_CONNECTION")
    expect(classified.kind).toBe("transient")
  })
})
