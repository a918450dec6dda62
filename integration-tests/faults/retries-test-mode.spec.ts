/**
 * Issue 9, proof 9: test mode over 1,000 random mails through the draft → outbox → delivery
 * path (random recipient, cc, bcc and reply-to on each) and 20 orders placed through Medusa's
 * workflows: every RCPT TO at the sink is the test address, and no customer address is in an
 * address header (From, To, Cc, Bcc, Reply-To, Sender …) or the envelope. The subject names the
 * first intended recipient by design ("[TEST → kunde@… +2]", core/test-mode.ts); it reaches
 * only the shop's own test address.
 *
 *   npm run test:faults -- integration-tests/faults/retries-test-mode.spec.ts
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seeded } from "../../src/modules/mailer/core/__tests__/seeded-random"
import { sampleEmailContext } from "../../src/workflows/context/sample"
import type { ReceivedMail } from "../helpers/smtp-sink"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop } from "../helpers/shop"
import { SmtpSink } from "../helpers/smtp-sink"
import { drainUntil, inBatches, knexOf, report, statusCounts, useFastRetries } from "./support/outbox-drain"

jest.setTimeout(30 * 60_000)
const restoreEnv = useFastRetries()

const MAILS = 1_000
const ORDERS = 20
const TEST_RECIPIENT = "pruefung@muster-shop.test"
const SHOP_REPLY_TO = "service@muster-shop.test"

/** Every customer address of this test has "kunde" in its domain; the shop's are muster-shop.test. */
function randomAddresses(random: () => number) {
  const address = () => `k${Math.floor(random() * 1e9).toString(36)}@kunde${Math.floor(random() * 50)}.test`
  const some = (max: number) => Array.from({ length: Math.floor(random() * (max + 1)) }, address)
  return { to: address(), cc: some(2), bcc: some(2), reply_to: random() < 0.5 ? address() : null }
}

/** What a mail's address headers and envelope say, lowercased, for the customer-domain check. */
function addressFields(mail: ReceivedMail): string {
  const headers = [...mail.parsed.headers].filter(([name]) => name !== "subject")
  const rawHeaders = mail.raw.split(/\r?\n\r?\n/)[0].replace(/^Subject:.*(\r?\n[ \t].*)*/im, "")
  return JSON.stringify([headers, rawHeaders, mail.envelope]).toLowerCase()
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    const sink = new SmtpSink()

    beforeAll(async () => {
      await sink.start()
    })
    afterAll(async () => {
      await sink.stop()
      restoreEnv()
    })

    it(`9: ${MAILS} random mails and ${ORDERS} orders in test mode → every RCPT TO is the test address, no customer address in an address header`, async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      const knex = knexOf(container)
      const shop = await seedShop(container)
      // The account's copies (cc, bcc) are customer-like addresses too: they must not leak either.
      // Its reply address is the shop's own and stays; a reply-to from anywhere else is dropped in test mode.
      const account = await mailer.createAccount(
        sinkAccount(sink, { test_mode: true, test_recipient: TEST_RECIPIENT, cc_1: "einkauf@kunde-cc.test", bcc: "archiv@kunde-bcc.test", reply_to: SHOP_REPLY_TO })
      )
      const random = seeded(909)
      const started = Date.now()
      await inBatches(MAILS, 4, async (i) => {
        const addresses = randomAddresses(random)
        const loaded = { ...sampleEmailContext("order.placed")!, recipient: addresses.to, resource_id: `order_tm_${i}` }
        const draft = await mailer.prepareDraft(loaded, { idempotency_key: `test-mode:${i}`, account_id: account.id })
        expect(draft.status).toBe("queued")
        await mailer.enqueueMessage({
          ...draft,
          cc: [...(draft.cc ?? []), ...addresses.cc],
          bcc: [...(draft.bcc ?? []), ...addresses.bcc],
          reply_to: addresses.reply_to ?? draft.reply_to,
        })
      })
      await inBatches(ORDERS, 2, (i) => placeOrder(container, shop, { email: `bestellung-${i}@kunde-order.test`, first_name: "Kundin", last_name: `${i}` }, { quantities: [1, 0] }))
      const drained = await drainUntil(container, async () => (await statusCounts(knex)).sent === MAILS + ORDERS, "every test-mode mail is sent", { lanes: 2, limitMs: 20 * 60_000 })
      expect(await statusCounts(knex)).toEqual({ sent: MAILS + ORDERS })

      expect(sink.mails).toHaveLength(MAILS + ORDERS)
      const strayRcpt = sink.mails.filter((m) => m.envelope.to.length !== 1 || m.envelope.to[0] !== TEST_RECIPIENT)
      expect(strayRcpt).toEqual([])
      const leaking = sink.mails.filter((m) => addressFields(m).includes("kunde"))
      expect(leaking.map((m) => `${m.messageId}: ${m.raw.split(/\r?\n\r?\n/)[0]}`)).toEqual([])
      const replyTos = new Set(sink.mails.map((m) => m.parsed.replyTo?.value.map((v) => v.address).join() ?? ""))
      expect([...replyTos].sort()).toEqual(["", SHOP_REPLY_TO])
      const intended = await knex("mailer_message").select("to", "cc", "bcc", "envelope", "test_mode")
      expect(intended.every((r: any) => r.test_mode && r.envelope.to.join() === TEST_RECIPIENT && r.envelope.cc.length === 0 && r.envelope.bcc.length === 0)).toBe(true)
      const copies = intended.reduce((n: number, r: any) => n + r.cc.length + r.bcc.length, 0)
      report("test-mode", {
        mails: MAILS,
        orders: ORDERS,
        intended_to_cc_bcc: intended.length + copies,
        rcpt_to_at_sink: sink.mails.reduce((n, m) => n + m.envelope.to.length, 0),
        customer_reply_to_dropped: sink.mails.filter((m) => !m.parsed.replyTo).length,
        subjects_naming_intended: sink.mails.filter((m) => /\[TEST → [^\]]*kunde/.test(m.parsed.subject ?? "")).length,
        ms: Date.now() - started,
        drain_ms: drained.ms,
      })
    })
  },
})
