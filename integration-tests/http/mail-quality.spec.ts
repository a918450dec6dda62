import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { execFile } from "node:child_process"
import { EVENT_CATALOG } from "../../src/modules/mailer/core/events/catalog"
import { sampleEmailContext } from "../../src/modules/mailer/core/events/sample-context"
import { shippedSource } from "../../src/modules/mailer/core/templates/shipped"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { SmtpSink, waitFor, type ReceivedMail } from "../helpers/smtp-sink"

jest.setTimeout(900_000)

const LANGUAGES = ["de", "en"] as const
const SENDER_DOMAIN = "muster-shop.test"
const MAX_SPAM_SCORE = 1.0

/** Every shipped template: each template event of the catalog in German and English. */
const CASES = EVENT_CATALOG.flatMap((event) => LANGUAGES.map((lang) => ({ event: event.name, lang })))

/** SpamAssassin with local rules only (-L: no DNS, no network tests), its score and the rules that fired. */
function spamScore(raw: string): Promise<{ score: number; rules: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile("spamassassin", ["-L", "-t"], { maxBuffer: 10 * 1024 * 1024 }, (err, stdout) => {
      const status = /^X-Spam-Status: (?:Yes|No), score=(-?[\d.]+)[^\n]*(?:\n[ \t][^\n]*)*/m.exec(stdout)
      if (!status) return reject(err ?? new Error(`spamassassin wrote no X-Spam-Status:\n${stdout.slice(0, 2000)}`))
      const rules = /tests=([\s\S]*?)(?:autolearn|version)=/.exec(status[0])?.[1].replace(/\s+/g, "") ?? ""
      resolve({ score: Number(status[1]), rules })
    })
    child.stdin!.end(raw)
  })
}

/** The mail's problems a reader or a filter would notice; [] when it is clean. */
function qualityProblems(mail: ReceivedMail): string[] {
  const problems: string[] = []
  const subject = mail.parsed.subject ?? ""
  const html = String(mail.parsed.html || "")
  const text = mail.parsed.text ?? ""
  const contentType = mail.parsed.headers.get("content-type") as { value?: string } | undefined
  if (contentType?.value !== "multipart/alternative") problems.push(`content-type ${contentType?.value}`)
  if (!text.trim()) problems.push("no text part")
  if (!html.trim()) problems.push("no html part")
  if (!new RegExp(`^<[^@>]+@${SENDER_DOMAIN.replace(/\./g, "\\.")}>$`).test(mail.messageId)) problems.push(`Message-ID ${mail.messageId}`)
  if (!mail.parsed.date || Number.isNaN(mail.parsed.date.getTime())) problems.push("no Date header")
  if (!subject.trim()) problems.push("empty subject")
  if (/ {2}/.test(subject) || subject !== subject.trim()) problems.push(`doubled or outer spaces in subject "${subject}"`)
  for (const [part, body] of [["subject", subject], ["html", html], ["text", text]] as const) {
    if (/\{\{|\}\}/.test(body)) problems.push(`raw {{ in ${part}`)
    if (/<MITARBEITER/i.test(body) || /&lt;MITARBEITER/i.test(body)) problems.push(`raw <MITARBEITER placeholder in ${part}`)
    const bad = /\b(undefined|NaN|null)\b/.exec(body)
    if (bad) problems.push(`"${bad[1]}" in ${part}: …${body.slice(Math.max(0, bad.index - 40), bad.index + 20)}…`)
  }
  return problems
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    const sink = new SmtpSink()
    const sent = new Map<string, ReceivedMail>()

    beforeAll(async () => {
      await sink.start()
      const mailer = mailerOf(getContainer())
      await mailer.createAccount(sinkAccount(sink))
      // Each template's sample mail through the real path: draft, outbox row, SMTP delivery.
      for (const { event, lang } of CASES) {
        const loaded = sampleEmailContext(event, null)!
        const template = shippedSource(event, lang)!
        const draft = await mailer.prepareDraft(
          { ...loaded, locale_candidates: [lang] },
          // Its own recipient per mail: reset and invitation mails are capped per recipient and hour.
          { idempotency_key: `quality:${event}:${lang}`, to: `${event.replace(/\W/g, "-")}-${lang}@kunde.test`, template: { ...template, locale: lang } }
        )
        const { message } = await mailer.enqueueMessage(draft)
        const result = await mailer.deliverMessage(message.id)
        const [row] = await mailer.listMailerMessages({ id: message.id })
        if (result.status !== "sent") throw new Error(`${event}/${lang} was not sent: ${row?.status} ${row?.skip_reason ?? ""} ${row?.error_code} ${row?.error_message}`)
        const mail = await waitFor(() => sink.mailsWithMessageId(row.message_id)[0], `${event}/${lang} at the sink`)
        sent.set(`${event}/${lang}`, mail)
      }
    })
    afterAll(async () => {
      await sink.stop()
    })

    it("ships a German and an English template for every event (the list below is not empty)", () => {
      expect(CASES.length).toBeGreaterThanOrEqual(2 * 10)
      expect(sent.size).toBe(CASES.length)
    })

    it.each(CASES)("$event ($lang): multipart with a text part, Message-ID and Date, no placeholders or undefined", ({ event, lang }) => {
      expect(qualityProblems(sent.get(`${event}/${lang}`)!)).toEqual([])
    })

    it("the scoring sees spam: the GTUBE test string in a shipped mail scores far above 1.0", async () => {
      const [, mail] = [...sent][0]
      const gtube = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"
      // The shipped mail's own headers over a plain-text body holding the test string.
      const headers = mail.raw.split(/\r?\n\r?\n/)[0].replace(/^Content-(Type|Transfer-Encoding):.*(\r?\n[ \t].*)*\r?\n?/gim, "")
      const spiked = `${headers.trimEnd()}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${gtube}\r\n`
      const { score, rules } = await spamScore(spiked)
      expect(rules).toContain("GTUBE")
      expect(score).toBeGreaterThan(100)
    })

    it("SpamAssassin (local rules) scores every shipped mail at most 1.0", async () => {
      const scores: string[] = []
      const tooHigh: string[] = []
      const queue = [...sent]
      // Two at a time: one spamassassin run is ~1 s of CPU (Perl start-up and rule compilation).
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [name, mail] = next
          const { score, rules } = await spamScore(mail.raw)
          scores.push(`${name}: ${score} ${rules}`)
          if (score > MAX_SPAM_SCORE) tooHigh.push(`${name}: ${score} (${rules})`)
        }
      }
      await Promise.all([worker(), worker()])
      console.info(`SpamAssassin scores:\n${scores.sort().join("\n")}`)
      // Printed on failure: which rules fired for each mail.
      expect({ tooHigh, count: scores.length }).toEqual({ tooHigh: [], count: CASES.length })
    })
  },
})
