import { simpleParser, type ParsedMail } from "mailparser"
import type { AddressInfo, Socket } from "node:net"
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from "smtp-server"

export interface ReceivedMail {
  envelope: { from: string; to: string[] }
  auth?: { username?: string }
  raw: string
  parsed: ParsedMail
  /** The Message-ID header as sent (with angle brackets), or "" when missing. */
  messageId: string
  /** The sink took the whole message but dropped the connection instead of answering 250. */
  dropped?: boolean
}

/** How the sink answers; tests script failures with it (any field may change between mails). */
export interface SinkBehaviour {
  /** Reply to AUTH with 535 when set. */
  rejectAuth?: boolean
  /** The only user and password AUTH accepts (535 for any other, e.g. a mistyped password). */
  credentials?: { username: string; password: string }
  /** Codes to answer DATA with, one per message, before accepting (e.g. [451, 451, 451]). */
  dataReplies?: number[]
  /** Answers DATA with 451 with this probability (0..1), drawn from `random` (seed it for a repeatable run). */
  randomDataFailure?: { rate: number; code?: number; random?: () => number }
  /** Recipients answered with 550 at RCPT TO. */
  rejectRecipients?: string[]
  /** Answer every RCPT TO with this code (e.g. 550, 452). */
  rcptReply?: number
  /** Takes the next N messages completely, then drops the connection without a reply. */
  dropAfterData?: number
  /** Waits this long before the 220 greeting. */
  greetingDelayMs?: number
}

type SmtpError = Error & { responseCode: number }
const smtpError = (code: number, text: string): SmtpError => Object.assign(new Error(text), { responseCode: code })

/**
 * A real SMTP server in the test process (smtp-server), recording every mail parsed with
 * mailparser, and scriptable to fail like a real one: temporary errors on DATA (a count or a
 * random rate), refused recipients, refused logins, a dropped connection after DATA, a slow
 * greeting, and being down (`down()` refuses connections on the port until `up()`).
 * Accepts any user/password unless told otherwise.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = []
  readonly authAttempts: { username: string; password: string }[] = []
  /** Every DATA transaction the sink finished reading, whatever it answered. */
  transactions = 0
  /** Connections open now, and the most seen at once. */
  openSessions = 0
  maxOpenSessions = 0
  behaviour: SinkBehaviour = {}
  port = 0
  private server!: SMTPServer
  private options: Partial<SMTPServerOptions> = {}
  private readonly sockets = new Map<number, Socket>()

  async start(options: Partial<SMTPServerOptions> = {}, port = 0): Promise<this> {
    this.options = options
    this.server = this.createServer()
    this.server.server.on("connection", (socket: Socket) => this.track(socket))
    await new Promise<void>((resolve, reject) => {
      this.server.server.once("error", reject)
      this.server.listen(port, "127.0.0.1", () => resolve())
    })
    this.port = (this.server.server.address() as AddressInfo).port
    return this
  }

  /** The mail server goes away: open connections are cut, new ones refused, until `up()`. */
  async down(): Promise<void> {
    for (const socket of this.sockets.values()) socket.destroy()
    await this.stop()
  }

  /** Back on the same port. */
  async up(): Promise<void> {
    await this.start(this.options, this.port)
  }

  /** Message-IDs of accepted (or dropped-after-DATA) mails that arrived more than once. */
  duplicateMessageIds(): string[] {
    const seen = new Map<string, number>()
    for (const mail of this.mails) seen.set(mail.messageId, (seen.get(mail.messageId) ?? 0) + 1)
    return [...seen].filter(([id, n]) => id && n > 1).map(([id]) => id)
  }

  /** Mails whose Message-ID is `messageId` (angle brackets optional). */
  mailsWithMessageId(messageId: string): ReceivedMail[] {
    const wanted = messageId.startsWith("<") ? messageId : `<${messageId}>`
    return this.mails.filter((m) => m.messageId === wanted)
  }

  private createServer(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onConnect: (_session, callback) => {
        const delay = this.behaviour.greetingDelayMs
        delay ? setTimeout(() => callback(), delay) : callback()
      },
      onAuth: (auth, _session, callback) => {
        this.authAttempts.push({ username: auth.username ?? "", password: auth.password ?? "" })
        const { credentials } = this.behaviour
        const wrong = credentials && (auth.username !== credentials.username || auth.password !== credentials.password)
        if (this.behaviour.rejectAuth || wrong) {
          return callback(smtpError(535, "5.7.8 Authentication credentials invalid"))
        }
        callback(null, { user: auth.username })
      },
      onRcptTo: (address, _session, callback) => {
        if (this.behaviour.rcptReply) {
          return callback(smtpError(this.behaviour.rcptReply, `${this.behaviour.rcptReply} scripted RCPT reply`))
        }
        if (this.behaviour.rejectRecipients?.includes(address.address)) {
          return callback(smtpError(550, "5.1.1 User unknown"))
        }
        callback()
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
      ...this.options,
    })
  }

  private track(socket: Socket) {
    const key = socket.remotePort ?? 0
    this.sockets.set(key, socket)
    this.openSessions++
    this.maxOpenSessions = Math.max(this.maxOpenSessions, this.openSessions)
    socket.once("close", () => {
      this.sockets.delete(key)
      this.openSessions--
    })
  }

  private receive(stream: NodeJS.ReadableStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
    const chunks: Buffer[] = []
    stream.on("data", (chunk: Buffer) => chunks.push(chunk))
    stream.on("end", async () => {
      this.transactions++
      const refusal = this.scriptedDataReply()
      if (refusal) {
        return callback(smtpError(refusal, `${refusal} scripted reply`))
      }
      const raw = Buffer.concat(chunks).toString("utf8")
      const parsed = await simpleParser(raw)
      const dropping = (this.behaviour.dropAfterData ?? 0) > 0
      this.mails.push({
        envelope: {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        },
        auth: session.user ? { username: String(session.user) } : undefined,
        raw,
        parsed,
        messageId: parsed.messageId ?? "",
        ...(dropping ? { dropped: true } : {}),
      })
      if (dropping) {
        this.behaviour.dropAfterData! -= 1
        // No reply: the client cannot know the mail arrived, as when a connection breaks after ".".
        return this.sockets.get(session.remotePort)?.destroy()
      }
      callback()
    })
  }

  private scriptedDataReply(): number | undefined {
    const counted = this.behaviour.dataReplies?.shift()
    if (counted) return counted
    const random = this.behaviour.randomDataFailure
    if (random && (random.random ?? Math.random)() < random.rate) return random.code ?? 451
    return undefined
  }

  reset(): void {
    this.mails.length = 0
    this.authAttempts.length = 0
    this.transactions = 0
    this.maxOpenSessions = this.openSessions
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
