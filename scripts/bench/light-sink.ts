import { SMTPServer } from "smtp-server"

/**
 * The bench's SMTP server, in this process: accepts every login and mail and
 * only counts (per Message-ID, to find duplicates). The tests' SmtpSink parses
 * every mail with mailparser, which would cost more CPU than the sender under
 * test; for throughput the receiving side must be as cheap as possible, and the
 * same for the plugin and its baselines.
 */
export class LightSink {
  received = 0
  sessions = 0
  readonly byMessageId = new Map<string, number>()
  private server?: SMTPServer

  async start(): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // No reverse DNS lookup per connection (smtp-server's default): it would make the
      // server, not the sender, the bottleneck of every new connection.
      disableReverseLookup: true,
      size: 32 * 1024 * 1024,
      onAuth: (_auth, _session, cb) => cb(null, { user: "bench" }),
      onConnect: (_session, cb) => {
        this.sessions++
        cb()
      },
      onData: (stream, _session, cb) => {
        let head = ""
        stream.on("data", (chunk: Buffer) => {
          if (head.length < 8192) head += chunk.toString("latin1")
        })
        stream.on("end", () => {
          this.received++
          const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `(none ${this.received})`
          this.byMessageId.set(id, (this.byMessageId.get(id) ?? 0) + 1)
          cb()
        })
      },
    })
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve))
    return (this.server.server.address() as { port: number }).port
  }

  /** Message-IDs that arrived more than once. */
  duplicates(): number {
    let n = 0
    for (const count of this.byMessageId.values()) if (count > 1) n += count - 1
    return n
  }

  async waitForCount(count: number, limitMs = 600_000): Promise<void> {
    const deadline = Date.now() + limitMs
    while (this.received < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.received} of ${count} mails arrived within ${limitMs} ms`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
