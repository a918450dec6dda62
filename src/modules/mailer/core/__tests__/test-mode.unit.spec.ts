import { routeForTestMode, type Recipients } from "../test-mode"
import { seeded } from "./seeded-random"

const TEST_RECIPIENT = "shop@my-shop.de"

function randomRecipients(random: () => number, serial: number): Recipients {
  const pick = (kind: string, max: number) =>
    Array.from({ length: Math.floor(random() * (max + 1)) }, (_, i) => `${kind}${serial}-${i}-${Math.floor(random() * 1e6)}@kunde${i}.example`)
  // at least one recipient somewhere, like a real order
  const to = pick("to", 3)
  return { to: to.length ? to : [`to${serial}@kunde.example`], cc: pick("cc", 2), bcc: pick("bcc", 2) }
}

function route(recipients: Recipients, overrides: Partial<Parameters<typeof routeForTestMode>[0]> = {}) {
  return routeForTestMode({
    recipients,
    subject: "Ihre Bestellung #1001",
    html: '<html><head><title>x</title></head><body style="margin:0"><p>Hallo</p></body></html>',
    text: "Hallo",
    testMode: true,
    testRecipient: TEST_RECIPIENT,
    lang: "de",
    ...overrides,
  })
}

describe("routeForTestMode", () => {
  const recipients: Recipients = { to: ["kunde@example.com", "zweit@example.com"], cc: ["cc@example.com"], bcc: ["bcc@example.com"] }

  it("leaves the mail unchanged when test mode is off", () => {
    const routed = route(recipients, { testMode: false })
    expect(routed.rerouted).toBe(false)
    expect(routed.envelope).toEqual(recipients)
    expect(routed.envelope).not.toBe(recipients)
    expect(routed.subject).toBe("Ihre Bestellung #1001")
    expect(routed.text).toBe("Hallo")
    expect(routed.original).toEqual(recipients)
  })

  it("sends only to the test recipient and keeps the original list", () => {
    const routed = route(recipients)
    expect(routed.rerouted).toBe(true)
    expect(routed.envelope).toEqual({ to: [TEST_RECIPIENT], cc: [], bcc: [] })
    expect(routed.original).toEqual(recipients)
  })

  it("prefixes the subject with the first To recipient and the number of others", () => {
    expect(route(recipients).subject).toBe("[TEST → kunde@example.com +3] Ihre Bestellung #1001")
    expect(route({ to: ["kunde@example.com"], cc: [], bcc: [] }).subject).toBe("[TEST → kunde@example.com] Ihre Bestellung #1001")
    expect(route({ to: [], cc: ["cc@example.com"], bcc: [] }).subject).toBe("[TEST +1] Ihre Bestellung #1001")
  })

  it("puts an escaped banner right after <body…>", () => {
    const routed = route({ to: ["a&b@example.com"], cc: [], bcc: ["x'y@example.com"] })
    const bodyTag = '<body style="margin:0">'
    const afterBody = routed.html.slice(routed.html.indexOf(bodyTag) + bodyTag.length)
    expect(afterBody.startsWith("<div data-mailer-test-banner")).toBe(true)
    expect(afterBody).toContain("a&amp;b@example.com")
    expect(afterBody).toContain("x&#39;y@example.com")
    expect(afterBody).toContain("Testmodus")
    expect(afterBody).toContain("(keine)")
    expect(routed.html.startsWith("<html><head><title>x</title></head>")).toBe(true)
    expect(afterBody.endsWith("<p>Hallo</p></body></html>")).toBe(true)
  })

  it("puts the banner at the start of an HTML fragment and speaks English when asked", () => {
    const routed = route(recipients, { html: "<p>Hi</p>", lang: "en" })
    expect(routed.html.startsWith("<div data-mailer-test-banner")).toBe(true)
    expect(routed.html.endsWith("<p>Hi</p>")).toBe(true)
    expect(routed.html).toContain("Test mode")
  })

  it("lists the original recipients at the top of the text part", () => {
    const lines = route(recipients).text.split("\n")
    expect(lines[0]).toMatch(/^\*\*\* Testmodus/)
    expect(lines).toContain("To: kunde@example.com, zweit@example.com")
    expect(lines).toContain("CC: cc@example.com")
    expect(lines).toContain("BCC: bcc@example.com")
    expect(lines[lines.length - 1]).toBe("Hallo")
  })

  it("fails closed with an empty envelope when the test recipient is unusable", () => {
    for (const testRecipient of ["", "   ", "not an address", "a@b.de\r\nBcc: x@y.de"]) {
      const routed = route(recipients, { testRecipient })
      expect(routed.envelope).toEqual({ to: [], cc: [], bcc: [] })
      expect(routed.rerouted).toBe(true)
    }
  })

  it("for 1000 random recipient sets only the test recipient is in the envelope", () => {
    const random = seeded(20240901)
    for (let i = 0; i < 1000; i++) {
      const original = randomRecipients(random, i)
      const routed = route(original, { lang: random() < 0.5 ? "de" : "en" })
      const envelopeAddresses = [...routed.envelope.to, ...routed.envelope.cc, ...routed.envelope.bcc]
      expect(envelopeAddresses).toEqual([TEST_RECIPIENT])
      const allOriginal = [...original.to, ...original.cc, ...original.bcc]
      // the first To address is named in the subject on purpose; it must never reach the envelope
      expect(envelopeAddresses).not.toContain(original.to[0])
      for (const address of allOriginal) {
        expect(envelopeAddresses).not.toContain(address)
        if (address !== original.to[0]) expect(routed.subject).not.toContain(address)
        // every original address is shown in the banner
        expect(routed.text).toContain(address)
      }
      expect(routed.original).toEqual(original)
    }
  })
})
