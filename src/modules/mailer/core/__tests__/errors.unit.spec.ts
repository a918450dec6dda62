import {
  MAILER_ERRORS,
  MailerError,
  describeError,
  isMailerErrorCode,
  PAUSED_ACCOUNT_STATUSES,
  accountStatusForError,
  type MailerErrorCode,
} from "../errors"

const REQUIRED_CODES: MailerErrorCode[] = [
  "SMTP_CONNECTION", "SMTP_TIMEOUT", "SMTP_SOCKET", "SMTP_DNS", "SMTP_TLS", "SMTP_AUTH",
  "SMTP_AUTH_MISSING", "SMTP_TEMPORARY", "SMTP_SENDER_REJECTED", "SMTP_RECIPIENT_REJECTED",
  "SMTP_MESSAGE_REJECTED", "SMTP_PERMANENT", "NO_RECIPIENT", "NO_ACCOUNT", "ACCOUNT_PAUSED",
  "FILE_ACCESS", "ENCODING", "DKIM_SIGNING", "TEMPLATE_INVALID", "TEMPLATE_RENDER",
  "SECRET_KEY_MISSING", "SECRET_KEY_INVALID", "SECRET_DECRYPT_FAILED", "UNKNOWN",
]

describe("error table", () => {
  it("contains every required code", () => {
    expect(Object.keys(MAILER_ERRORS).sort()).toEqual(expect.arrayContaining(REQUIRED_CODES))
  })

  it.each(Object.keys(MAILER_ERRORS) as MailerErrorCode[])("%s has a kind and non-empty de/en message and hint", (code) => {
    const entry = MAILER_ERRORS[code]
    expect(["transient", "permanent", "configuration", "request"]).toContain(entry.kind)
    // Only a configuration error may pause an account: the others are retried or final.
    if (entry.pauses_account) expect(entry.kind).toBe("configuration")
    for (const text of [entry.message_en, entry.message_de, entry.hint_en, entry.hint_de]) {
      expect(text.trim().length).toBeGreaterThan(10)
    }
    // a German text that is a copy of the English one is a missing translation
    expect(entry.message_de).not.toBe(entry.message_en)
    expect(entry.hint_de).not.toBe(entry.hint_en)
  })

  it("uses the formal Sie, never du, in German", () => {
    for (const entry of Object.values(MAILER_ERRORS)) {
      expect(`${entry.message_de} ${entry.hint_de}`).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i)
    }
  })

  it.each([
    ["SMTP_CONNECTION", "transient"],
    ["SMTP_TIMEOUT", "transient"],
    ["SMTP_SOCKET", "transient"],
    ["SMTP_TEMPORARY", "transient"],
    ["UNKNOWN", "transient"],
    ["SMTP_DNS", "configuration"],
    ["SMTP_TLS", "configuration"],
    ["SMTP_AUTH", "configuration"],
    ["SMTP_AUTH_MISSING", "configuration"],
    ["NO_ACCOUNT", "configuration"],
    ["ACCOUNT_PAUSED", "configuration"],
    ["DKIM_SIGNING", "configuration"],
    ["SECRET_KEY_MISSING", "configuration"],
    ["SECRET_KEY_INVALID", "configuration"],
    ["SECRET_DECRYPT_FAILED", "configuration"],
    ["SMTP_SENDER_REJECTED", "permanent"],
    ["SMTP_RECIPIENT_REJECTED", "permanent"],
    ["SMTP_MESSAGE_REJECTED", "permanent"],
    ["SMTP_PERMANENT", "permanent"],
    ["NO_RECIPIENT", "permanent"],
    ["FILE_ACCESS", "permanent"],
    ["ENCODING", "permanent"],
    ["TEMPLATE_INVALID", "permanent"],
    ["TEMPLATE_RENDER", "permanent"],
  ] as const)("%s is %s", (code, kind) => {
    expect(MAILER_ERRORS[code].kind).toBe(kind)
  })
})

describe("MailerError", () => {
  it("takes kind and default message from the table and keeps SMTP details", () => {
    const cause = new Error("raw")
    const err = new MailerError("SMTP_RECIPIENT_REJECTED", undefined, {
      responseCode: 550,
      command: "RCPT TO",
      smtpResponse: "550 5.1.1 unknown",
      cause,
    })
    expect(err).toBeInstanceOf(Error)
    expect(err.name).toBe("MailerError")
    expect(err.code).toBe("SMTP_RECIPIENT_REJECTED")
    expect(err.kind).toBe("permanent")
    expect(err.transient).toBe(false)
    expect(err.message).toBe(MAILER_ERRORS.SMTP_RECIPIENT_REJECTED.message_en)
    expect(err.responseCode).toBe(550)
    expect(err.command).toBe("RCPT TO")
    expect(err.smtpResponse).toBe("550 5.1.1 unknown")
    expect((err as { cause?: unknown }).cause).toBe(cause)
    // the raw cause stays out of serialised logs
    expect(JSON.stringify(err)).not.toContain("raw")
  })

  it("uses a given message and marks transient codes", () => {
    const err = new MailerError("SMTP_TEMPORARY", "451 try later")
    expect(err.message).toBe("451 try later")
    expect(err.transient).toBe(true)
    expect(err.responseCode).toBeUndefined()
  })
})

describe("describeError", () => {
  it("returns German and English texts", () => {
    expect(describeError("SMTP_AUTH", "de")).toEqual({
      code: "SMTP_AUTH",
      kind: "configuration",
      message: MAILER_ERRORS.SMTP_AUTH.message_de,
      hint: MAILER_ERRORS.SMTP_AUTH.hint_de,
    })
    expect(describeError("SMTP_AUTH", "en").hint).toBe(MAILER_ERRORS.SMTP_AUTH.hint_en)
  })

  it("reads unknown codes, also prototype keys, as UNKNOWN", () => {
    for (const code of ["NOPE", "", "toString", "__proto__", "constructor"]) {
      const described = describeError(code, "en")
      expect(described.code).toBe("UNKNOWN")
      expect(described.message).toBe(MAILER_ERRORS.UNKNOWN.message_en)
    }
    expect(isMailerErrorCode("hasOwnProperty")).toBe(false)
    expect(isMailerErrorCode("SMTP_TLS")).toBe(true)
  })
})

describe("paused accounts", () => {
  it("reads the account status from the table entry, null for errors that do not pause", () => {
    expect(accountStatusForError("SMTP_AUTH")).toBe("auth_failed")
    expect(accountStatusForError("SMTP_TLS")).toBe("tls_failed")
    expect(accountStatusForError("SMTP_HOST_NOT_ALLOWED")).toBe("connection_failed")
    expect(accountStatusForError("SMTP_TIMEOUT")).toBeNull()
    expect(accountStatusForError("NOT_A_CODE")).toBeNull()
    expect([...PAUSED_ACCOUNT_STATUSES].sort()).toEqual(["auth_failed", "connection_failed", "reauth_required", "tls_failed"])
  })
})

describe("error parameters", () => {
  it("fills {name} and falls back to {name|default}", () => {
    expect(describeError("NOT_FOUND", "en", { entity: "template", id: "mtpl_1" }).message).toBe('No template with the id "mtpl_1" exists.')
    expect(describeError("NOT_FOUND", "en", { id: "x" }).message).toBe('No record with the id "x" exists.')
    expect(describeError("NOT_FOUND", "de", { entity_de: "Vorlage", entity_de_suffix: "e", id: "x" }).message).toBe(
      "Es gibt keine Vorlage mit der ID „x“."
    )
    expect(describeError("TEMPLATE_EXISTS", "de", { event_name: "order.placed", locale: "de" }).message).toContain("alle Vertriebskanäle")
  })
})
