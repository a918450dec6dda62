import { simpleParser, type ParsedMail } from "mailparser"
import type { AddressInfo } from "node:net"
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from "smtp-server"

export interface ReceivedMail {
  envelope: { from: string; to: string[] }
  auth?: { username?: string }
  raw: string
  parsed: ParsedMail
}

/** How the sink answers; tests script failures with it. */
export interface SinkBehaviour {
  /** Reply to AUTH with 535 when set. */
  rejectAuth?: boolean
  /** The only user and password AUTH accepts (535 for any other, e.g. a mistyped password). */
  credentials?: { username: string; password: string }
  /** Codes to answer DATA with, one per message, before accepting (e.g. [451, 451]). */
  dataReplies?: number[]
  /** Recipients answered with 550 at RCPT TO. */
  rejectRecipients?: string[]
}

/**
 * A real SMTP server in the test process (smtp-server), recording every mail
 * parsed with mailparser. Accepts any user/password unless told otherwise.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = []
  readonly authAttempts: { username: string; password: string }[] = []
  behaviour: SinkBehaviour = {}
  private server!: SMTPServer
  port = 0

  async start(options: Partial<SMTPServerOptions> = {}): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth: (auth, _session, callback) => {
        this.authAttempts.push({ username: auth.username ?? "", password: auth.password ?? "" })
        const { credentials } = this.behaviour
        const wrong = credentials && (auth.username !== credentials.username || auth.password !== credentials.password)
        if (this.behaviour.rejectAuth || wrong) {
          return callback(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 }))
        }
        callback(null, { user: auth.username })
      },
      onRcptTo: (address, _session, callback) => {
        if (this.behaviour.rejectRecipients?.includes(address.address)) {
          return callback(Object.assign(new Error("5.1.1 User unknown"), { responseCode: 550 }))
        }
        callback()
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
      ...options,
    })
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve))
    this.port = (this.server.server.address() as AddressInfo).port
    return this
  }

  private receive(stream: NodeJS.ReadableStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
    const chunks: Buffer[] = []
    stream.on("data", (chunk: Buffer) => chunks.push(chunk))
    stream.on("end", async () => {
      const scripted = this.behaviour.dataReplies?.shift()
      if (scripted) {
        return callback(Object.assign(new Error(`${scripted} scripted reply`), { responseCode: scripted }))
      }
      const raw = Buffer.concat(chunks).toString("utf8")
      this.mails.push({
        envelope: {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        },
        auth: session.user ? { username: String(session.user) } : undefined,
        raw,
        parsed: await simpleParser(raw),
      })
      callback()
    })
  }

  reset(): void {
    this.mails.length = 0
    this.authAttempts.length = 0
    this.behaviour = {}
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

/** Waits until `check` returns a value (polling; bounded so a broken test fails instead of hanging). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, limitMs = 20_000): Promise<T> {
  const deadline = Date.now() + limitMs
  for (;;) {
    const value = await check()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`Gave up waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
