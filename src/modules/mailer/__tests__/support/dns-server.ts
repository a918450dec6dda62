import dns2 from "dns2"

const { Packet } = dns2

/** How the test DNS server answers one name: TXT records (each a list of strings), or a scripted failure. */
export type DnsAnswer = { txt: string[][] } | "nxdomain" | "servfail" | "silent"

/**
 * A real DNS server (dns2, UDP on 127.0.0.1, a free port) in the test process, answering TXT
 * queries from a zone the test sets. Names not in the zone get NXDOMAIN; "silent" names get no
 * answer at all (the client times out), "servfail" answers SERVFAIL. Records every question.
 */
export class TestDnsServer {
  zone = new Map<string, DnsAnswer>()
  readonly questions: string[] = []
  port = 0
  private server?: ReturnType<typeof dns2.createServer>

  async start(): Promise<this> {
    this.server = dns2.createServer({
      udp: true,
      handle: (request, send) => {
        const question = request.questions[0]
        const name = String(question?.name ?? "").toLowerCase().replace(/\.$/, "")
        this.questions.push(name)
        const answer = this.zone.get(name) ?? "nxdomain"
        if (answer === "silent") return
        const response = Packet.createResponseFromRequest(request)
        if (answer === "nxdomain") response.header.rcode = 3
        else if (answer === "servfail") response.header.rcode = 2
        else if (question.type === Packet.TYPE.TXT) {
          for (const strings of answer.txt) {
            response.answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data: strings } as never)
          }
        }
        send(response)
      },
    })
    const addresses = (await this.server.listen({ udp: { port: 0, address: "127.0.0.1" } } as never)) as unknown as {
      udp: { port: number }
    }
    this.port = addresses.udp.port
    return this
  }

  /** For Resolver.setServers and the plugin option dns_servers. */
  get address(): string {
    return `127.0.0.1:${this.port}`
  }

  async stop(): Promise<void> {
    await this.server?.close()
  }
}
