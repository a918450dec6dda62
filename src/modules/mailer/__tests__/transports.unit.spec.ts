import { MailerError } from "../core/errors"
import { ACCOUNT_TRANSPORTS, createSender } from "../delivery/transports"

/** The factory picks the sender by the account's transport column; SMTP still needs its server. */
const smtp = { transport: "smtp", host: "smtp.example.com", port: 587, security: "starttls" as const, auth_required: false }
const opts = { pool: false }

function failureOf(run: () => unknown): MailerError {
  try {
    run()
  } catch (err) {
    return err as MailerError
  }
  throw new Error("expected the factory to refuse")
}

describe("createSender", () => {
  it("makes an SMTP sender for the model's transports, and for rows written before the column", () => {
    expect(ACCOUNT_TRANSPORTS).toEqual(["smtp"])
    for (const account of [smtp, { ...smtp, transport: null }]) {
      const sender = createSender(account, {}, opts)
      expect(typeof sender.send).toBe("function")
      sender.close()
    }
  })

  it("refuses a transport nobody installed, including names of Object.prototype", () => {
    for (const transport of ["http-api", "constructor", "__proto__"]) {
      const err = failureOf(() => createSender({ ...smtp, transport }, {}, opts))
      expect(err).toBeInstanceOf(MailerError)
      expect(err.code).toBe("UNKNOWN")
      expect(err.message).toContain(transport)
    }
  })

  it("refuses an SMTP account without host or port (nullable columns) with a classified error", () => {
    for (const account of [{ ...smtp, host: null }, { ...smtp, port: null }, { ...smtp, host: "" }]) {
      const err = failureOf(() => createSender(account, {}, opts))
      expect(err).toBeInstanceOf(MailerError)
      expect(err.code).toBe("SMTP_CONNECTION")
      expect(err.message).toMatch(/host and a port/)
    }
  })
})
