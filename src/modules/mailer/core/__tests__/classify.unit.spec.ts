import { classifySmtpError } from "../classify-smtp-error"
import { MailerError } from "../errors"

/** An error shaped like nodemailer's _formatError output. */
function smtpError(fields: { message?: string; code?: string; originalCode?: string; response?: string; responseCode?: number; command?: string }) {
  const err = new Error(fields.message ?? "smtp failure") as Error & Record<string, unknown>
  Object.assign(err, fields)
  return err
}

describe("classifySmtpError", () => {
  it.each([
    ["421 at connect", { code: "ECONNECTION", response: "421 4.7.0 Try again later", responseCode: 421, command: "CONN" }, "SMTP_TEMPORARY", "transient"],
    ["450 at RCPT", { code: "EENVELOPE", response: "450 4.2.1 Mailbox busy", responseCode: 450, command: "RCPT TO" }, "SMTP_TEMPORARY", "transient"],
    ["451 at DATA", { code: "EMESSAGE", response: "451 4.3.0 Local error", responseCode: 451, command: "DATA" }, "SMTP_TEMPORARY", "transient"],
    ["452 at MAIL FROM", { code: "EENVELOPE", response: "452 4.3.1 Insufficient storage", responseCode: 452, command: "MAIL FROM" }, "SMTP_TEMPORARY", "transient"],
    ["454 during AUTH", { code: "EAUTH", response: "454 4.7.0 Temporary authentication failure", responseCode: 454, command: "AUTH PLAIN" }, "SMTP_TEMPORARY", "transient"],
    ["535 at AUTH", { code: "EAUTH", response: "535 5.7.8 Username and Password not accepted", responseCode: 535, command: "AUTH PLAIN" }, "SMTP_AUTH", "configuration"],
    ["534 at AUTH (Gmail web login required)", { code: "EAUTH", response: "534 5.7.9 Application-specific password required", responseCode: 534, command: "AUTH LOGIN" }, "SMTP_AUTH", "configuration"],
    ["EAUTH without a reply", { code: "EAUTH", message: 'Missing credentials for "PLAIN"', command: "API" }, "SMTP_AUTH", "configuration"],
    ["530 at MAIL FROM (never logged in)", { code: "EENVELOPE", response: "530 5.7.0 Authentication required", responseCode: 530, command: "MAIL FROM" }, "SMTP_AUTH_MISSING", "configuration"],
    ["530 must issue STARTTLS", { code: "EENVELOPE", response: "530 5.7.0 Must issue a STARTTLS command first", responseCode: 530, command: "MAIL FROM" }, "SMTP_TLS", "configuration"],
    ["ENOAUTH", { code: "ENOAUTH", message: "Authentication info was not provided" }, "SMTP_AUTH_MISSING", "configuration"],
    ["550 at RCPT", { code: "EENVELOPE", response: "550 5.1.1 <x@example.com>: Recipient address rejected", responseCode: 550, command: "RCPT TO" }, "SMTP_RECIPIENT_REJECTED", "permanent"],
    ["550 at MAIL FROM", { code: "EENVELOPE", response: "550 5.7.1 Sender address rejected: not owned by user", responseCode: 550, command: "MAIL FROM" }, "SMTP_SENDER_REJECTED", "permanent"],
    ["553 at MAIL FROM", { code: "EENVELOPE", response: "553 5.7.1 Sender not allowed", responseCode: 553, command: "MAIL FROM" }, "SMTP_SENDER_REJECTED", "permanent"],
    ["552 size at MAIL FROM", { code: "EMESSAGE", response: "552 5.3.4 Message size exceeds fixed limit", responseCode: 552, command: "MAIL FROM" }, "SMTP_MESSAGE_REJECTED", "permanent"],
    ["554 at DATA", { code: "EMESSAGE", response: "554 5.7.1 Message rejected as spam", responseCode: 554, command: "DATA" }, "SMTP_MESSAGE_REJECTED", "permanent"],
    ["EENVELOPE 5xx without command", { code: "EENVELOPE", response: "550 rejected", responseCode: 550 }, "SMTP_RECIPIENT_REJECTED", "permanent"],
    ["554 greeting", { code: "EPROTOCOL", response: "554 No SMTP service here", responseCode: 554, command: "CONN" }, "SMTP_PERMANENT", "permanent"],
    ["ECONNECTION", { code: "ECONNECTION", message: "Connection closed unexpectedly", command: "CONN" }, "SMTP_CONNECTION", "transient"],
    ["ECONNECTION wrapping ECONNREFUSED", { code: "ECONNECTION", originalCode: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:2525", command: "CONN" }, "SMTP_CONNECTION", "transient"],
    ["ETIMEDOUT", { code: "ETIMEDOUT", message: "Greeting never received", command: "CONN" }, "SMTP_TIMEOUT", "transient"],
    ["ESOCKET", { code: "ESOCKET", message: "read ECONNRESET", originalCode: "ECONNRESET", command: "CONN" }, "SMTP_SOCKET", "transient"],
    ["raw ECONNREFUSED", { code: "ECONNREFUSED", message: "connect ECONNREFUSED 10.0.0.1:587" }, "SMTP_CONNECTION", "transient"],
    ["raw ENOTFOUND", { code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND smtp.gmial.com" }, "SMTP_DNS", "configuration"],
    ["EDNS wrapping ENOTFOUND", { code: "EDNS", originalCode: "ENOTFOUND", message: "getaddrinfo ENOTFOUND smtp.gmial.com", command: "CONN" }, "SMTP_DNS", "configuration"],
    ["EDNS wrapping EAI_AGAIN", { code: "EDNS", originalCode: "EAI_AGAIN", message: "getaddrinfo EAI_AGAIN smtp.gmail.com", command: "CONN" }, "SMTP_CONNECTION", "transient"],
    ["raw ECONNRESET", { code: "ECONNRESET", message: "read ECONNRESET" }, "SMTP_SOCKET", "transient"],
    ["raw EPIPE", { code: "EPIPE", message: "write EPIPE" }, "SMTP_SOCKET", "transient"],
    ["ETLS", { code: "ETLS", message: "Error initiating TLS - self signed certificate", command: "STARTTLS" }, "SMTP_TLS", "configuration"],
    ["ETLS with a 5xx reply to STARTTLS", { code: "ETLS", response: "502 5.5.2 Error: command not recognized", responseCode: 502, command: "STARTTLS" }, "SMTP_TLS", "configuration"],
    ["SSL on a plain-text port", { code: "ESOCKET", message: "C0D7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number", command: "CONN" }, "SMTP_TLS", "configuration"],
    ["certificate error code", { code: "ESOCKET", originalCode: "CERT_HAS_EXPIRED", message: "certificate has expired", command: "CONN" }, "SMTP_TLS", "configuration"],
    ["EFILEACCESS", { code: "EFILEACCESS", message: "File access rejected for /etc/passwd" }, "FILE_ACCESS", "permanent"],
    ["EURLACCESS", { code: "EURLACCESS", message: "Url access rejected for http://169.254.169.254" }, "FILE_ACCESS", "permanent"],
    ["No recipients defined", { code: "EENVELOPE", message: "No recipients defined", command: "API" }, "NO_RECIPIENT", "permanent"],
    ["Invalid sender", { code: "EENVELOPE", message: 'Invalid sender "a\\nb@x.de"', command: "API" }, "SMTP_SENDER_REJECTED", "permanent"],
    ["Invalid recipient containing 'from'", { code: "EENVELOPE", message: 'Invalid recipient "from<x@y.de"', command: "API" }, "SMTP_RECIPIENT_REJECTED", "permanent"],
    ["DKIM config", { code: "ECONFIG", message: 'Unsupported DKIM hash algorithm "md4"' }, "DKIM_SIGNING", "configuration"],
    ["unknown encoding", { code: "ERR_UNKNOWN_ENCODING", message: "Unknown encoding: foo" }, "ENCODING", "permanent"],
    ["something else", { message: "boom" }, "UNKNOWN", "transient"],
  ])("%s → %s", (_label, fields, code, kind) => {
    const result = classifySmtpError(smtpError(fields))
    expect(result).toBeInstanceOf(MailerError)
    expect(result.code).toBe(code)
    expect(result.kind).toBe(kind)
  })

  it("keeps responseCode, command and the server response", () => {
    const result = classifySmtpError(
      smtpError({ code: "EENVELOPE", message: "Recipient command failed", response: "550 5.1.1 No such user", responseCode: 550, command: "RCPT TO" })
    )
    expect(result.responseCode).toBe(550)
    expect(result.command).toBe("RCPT TO")
    expect(result.smtpResponse).toBe("550 5.1.1 No such user")
    expect(result.message).toContain("Recipient command failed")
  })

  it("reads the reply code from the response when responseCode is missing", () => {
    const result = classifySmtpError(smtpError({ code: "EMESSAGE", response: "451 4.7.1 greylisted", command: "DATA" }))
    expect(result.code).toBe("SMTP_TEMPORARY")
    expect(result.responseCode).toBe(451)
  })

  it("returns a MailerError unchanged", () => {
    const original = new MailerError("NO_ACCOUNT")
    expect(classifySmtpError(original)).toBe(original)
  })

  it("handles non-Error throwables", () => {
    expect(classifySmtpError("just a string").code).toBe("UNKNOWN")
    expect(classifySmtpError(undefined).code).toBe("UNKNOWN")
    expect(classifySmtpError({ code: "ETIMEDOUT" }).code).toBe("SMTP_TIMEOUT")
  })

  it("never copies credentials into message or response", () => {
    const password = "S3cret-Pa55!"
    const b64 = Buffer.from(`\u0000shop@example.com\u0000${password}`).toString("base64")
    const result = classifySmtpError(
      smtpError({
        code: "EAUTH",
        message: `Invalid login: 535 cannot decode ${b64} (${password})`,
        response: `535 5.7.8 cannot decode ${b64}`,
        responseCode: 535,
        command: "AUTH PLAIN",
      }),
      { redact: [password] }
    )
    expect(result.code).toBe("SMTP_AUTH")
    for (const text of [result.message, result.smtpResponse ?? ""]) {
      expect(text).not.toContain(password)
      expect(text).not.toContain(b64)
      expect(text).not.toContain(Buffer.from(password).toString("base64"))
    }
    expect(result.message).toContain("[redacted]")
  })

  it("keeps the message on one line", () => {
    const result = classifySmtpError(smtpError({ code: "EMESSAGE", message: "Message failed:\r\n554 spam", responseCode: 554, command: "DATA" }))
    expect(result.message).not.toMatch(/[\r\n]/)
  })
})

describe("AUTH replies stay readable", () => {
  it("keeps plain words of a 535 reply and drops encoded credentials", () => {
    const err = Object.assign(new Error("Invalid login: 535 5.7.8 Authentication credentials invalid AHVzZXIAc2VjcmV0"), {
      code: "EAUTH",
      responseCode: 535,
      command: "AUTH PLAIN",
    })
    const classified = classifySmtpError(err)
    expect(classified.message).toContain("Authentication credentials invalid")
    expect(classified.message).not.toContain("AHVzZXIAc2VjcmV0")
  })
})
