import nodemailer from "nodemailer"
import { SmtpSink } from "./support/smtp-sink"

// The fault tests trust the sink's scripts; these check that each one fails the way it says.
describe("scriptable SMTP sink", () => {
  let sink: SmtpSink
  beforeEach(async () => {
    sink = await new SmtpSink().start()
  })
  afterEach(async () => {
    await sink.stop().catch(() => undefined)
  })

  const send = (messageId = `<${Math.random().toString(36).slice(2)}@shop.test>`) =>
    nodemailer
      .createTransport({ host: "127.0.0.1", port: sink.port, secure: false, ignoreTLS: true, connectionTimeout: 2000, socketTimeout: 2000 })
      .sendMail({ from: "shop@shop.test", to: "kunde@example.com", subject: "s", text: "t", messageId })

  it("answers DATA with scripted codes, then accepts", async () => {
    sink.behaviour.dataReplies = [451, 451]
    await expect(send()).rejects.toMatchObject({ responseCode: 451 })
    await expect(send()).rejects.toMatchObject({ responseCode: 451 })
    await send()
    expect(sink.transactions).toBe(3)
    expect(sink.mails).toHaveLength(1)
  })

  it("refuses recipients at RCPT TO", async () => {
    sink.behaviour.rcptReply = 550
    await expect(send()).rejects.toMatchObject({ responseCode: 550 })
    expect(sink.mails).toHaveLength(0)
  })

  it("drops the connection after taking the message, and counts the resend as a duplicate", async () => {
    sink.behaviour.dropAfterData = 1
    await expect(send("<same@shop.test>")).rejects.toThrow()
    await send("<same@shop.test>")
    expect(sink.mails.map((m) => Boolean(m.dropped))).toEqual([true, false])
    expect(sink.duplicateMessageIds()).toEqual(["<same@shop.test>"])
  })

  it("refuses connections while down and takes mail again on the same port when up", async () => {
    const port = sink.port
    await sink.down()
    await expect(send()).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|ESOCKET|ECONNECTION/) })
    await sink.up()
    expect(sink.port).toBe(port)
    await send()
    expect(sink.mails).toHaveLength(1)
  })

  it("fails a seeded share of messages with 451", async () => {
    let n = 0
    sink.behaviour.randomDataFailure = { rate: 0.5, random: () => (n++ % 2 === 0 ? 0.1 : 0.9) }
    await expect(send()).rejects.toMatchObject({ responseCode: 451 })
    await send()
    expect(sink.mails).toHaveLength(1)
  })
})
