import { checkRecipients, parseSingleAddress } from "../addresses"
import { MailerError } from "../errors"
import { insertOneTimeLink, ONE_TIME_LINK_PLACEHOLDER } from "../one-time-link"
import { buildMailOptions } from "../smtp/build-mail"
import { decideTestMode, routeForTestMode } from "../test-mode"

/** Shop data a visitor controls (registration e-mail, order e-mail), as the issue lists it. */
const HOSTILE = [
  ["comma list", "a@x.test, b@y.test"],
  ["semicolon list", "a@x.test; b@y.test"],
  ["display name", "Name <evil@attacker.test>"],
  ["CRLF + Bcc header", "victim@example.com\r\nBcc: evil@attacker.test"],
  ["bare LF", "victim@example.com\nevil@attacker.test"],
  ["trailing CRLF", "victim@example.com\r\n"],
  ["quoted local part", '"evil@attacker.test x"@shop.test'],
  ["group syntax", "undisclosed: evil@attacker.test;"],
  ["angle brackets only", "<victim@example.com>"],
  ["500 addresses", Array.from({ length: 500 }, (_, i) => `r${i}@x.test`).join(",")],
  ["full-width at sign", "victim＠example.com"],
  ["non-ASCII local part", "jürgen@example.com"],
] as const

describe("parseSingleAddress", () => {
  it.each(HOSTILE)("refuses %s as a whole", (_name, input) => {
    expect(parseSingleAddress(input)).toBeNull()
  })

  it("keeps one bare address, trimming spaces and lowercasing the domain", () => {
    expect(parseSingleAddress("  Erika.M@Kunde.TEST\t")).toBe("Erika.M@kunde.test")
  })

  it("stores internationalised and lookalike domains in their ASCII (punycode) form", () => {
    expect(parseSingleAddress("info@müller-shop.de")).toBe("info@xn--mller-shop-9db.de")
    // Cyrillic "а" in paypal: one recipient, visibly not paypal.com in the log
    expect(parseSingleAddress("victim@p\u0430ypal.com")).toBe("victim@xn--pypal-4ve.com")
  })

  it("refuses non-strings", () => {
    expect(parseSingleAddress(["a@x.test"])).toBeNull()
    expect(parseSingleAddress(null)).toBeNull()
  })
})

describe("checkRecipients", () => {
  it("stores the customer's one address as an array, with the account's copies", () => {
    expect(checkRecipients({ to: "erika@kunde.test", cc: ["buch@shop.test"], bcc: ["archiv@shop.test"] })).toEqual({
      ok: true,
      recipients: { to: ["erika@kunde.test"], cc: ["buch@shop.test"], bcc: ["archiv@shop.test"] },
    })
    expect(checkRecipients({ to: ["erika@kunde.test"] })).toEqual({ ok: true, recipients: { to: ["erika@kunde.test"], cc: [], bcc: [] } })
  })

  it.each(HOSTILE)("refuses %s in `to` with RECIPIENT_INVALID", (_name, input) => {
    expect(checkRecipients({ to: input })).toMatchObject({ ok: false, code: "RECIPIENT_INVALID", field: "to" })
  })

  it("refuses more than one `to` entry, even if each is valid", () => {
    expect(checkRecipients({ to: ["a@x.test", "b@y.test"] })).toMatchObject({ ok: false, code: "RECIPIENT_INVALID" })
  })

  it("names a missing recipient NO_RECIPIENT", () => {
    expect(checkRecipients({ to: "" })).toMatchObject({ ok: false, code: "NO_RECIPIENT" })
    expect(checkRecipients({ to: null })).toMatchObject({ ok: false, code: "NO_RECIPIENT" })
  })

  it("refuses an invalid copy address and keeps the logged value short", () => {
    expect(checkRecipients({ to: "a@x.test", bcc: ["x@y.test, evil@attacker.test"] })).toMatchObject({ ok: false, field: "bcc" })
    const long = checkRecipients({ to: HOSTILE[9][1] })
    expect(!long.ok && long.value.length).toBeLessThanOrEqual(321)
  })
})

describe("buildMailOptions refuses what a row should never hold", () => {
  const base = {
    from: { address: "shop@shop.test" },
    subject: "s",
    html: "<p>x</p>",
    text: "x",
    messageId: "<m@shop.test>",
  }

  it.each(HOSTILE)("%s in the envelope throws RECIPIENT_INVALID instead of reaching RCPT TO", (_name, input) => {
    const build = () => buildMailOptions({ ...base, envelope: { to: [input], cc: [], bcc: [] } })
    expect(build).toThrow(MailerError)
    expect(build).toThrow(expect.objectContaining({ code: "RECIPIENT_INVALID" }))
  })

  it("uses the ASCII form of an internationalised domain in the envelope", () => {
    const mail = buildMailOptions({ ...base, envelope: { to: ["info@müller-shop.de"], cc: [], bcc: [] } })
    expect(mail.envelope).toEqual({ from: "shop@shop.test", to: ["info@xn--mller-shop-9db.de"] })
  })
})

describe("decideTestMode", () => {
  it("records the account's test address (default: its sender) while test mode is on", () => {
    expect(decideTestMode({ test_mode: true, test_recipient: "test@shop.test", sender_email: "shop@shop.test" })).toEqual({ test_mode: true, test_recipient: "test@shop.test" })
    expect(decideTestMode({ test_mode: true, test_recipient: null, sender_email: "shop@shop.test" })).toEqual({ test_mode: true, test_recipient: "shop@shop.test" })
  })

  it("records live mail as live, and a missing account as live (it fails for the account)", () => {
    expect(decideTestMode({ test_mode: false, test_recipient: "test@shop.test" })).toEqual({ test_mode: false, test_recipient: null })
    expect(decideTestMode(null)).toEqual({ test_mode: false, test_recipient: null })
  })

  it("keeps test mode on without a usable test address, so routing fails closed", () => {
    const recorded = decideTestMode({ test_mode: true, test_recipient: "kaputt", sender_email: "a@b@c" })
    expect(recorded).toEqual({ test_mode: true, test_recipient: null })
    const routed = routeForTestMode({ recipients: { to: ["kunde@x.test"], cc: [], bcc: [] }, subject: "s", html: "", text: "", testMode: recorded.test_mode, testRecipient: recorded.test_recipient ?? "", lang: "de" })
    expect(routed.envelope.to).toEqual([])
  })
})

describe("insertOneTimeLink", () => {
  const link = "https://shop.test/reset-password?token=abc.def&email=erika%40kunde.test"

  it("puts the link in, escaped in HTML and as is in text", () => {
    const body = {
      html: `<a href="${ONE_TIME_LINK_PLACEHOLDER}">${ONE_TIME_LINK_PLACEHOLDER}</a>`,
      text: `Link: ${ONE_TIME_LINK_PLACEHOLDER}`,
    }
    const sent = insertOneTimeLink(body, link)
    expect(sent.html).toBe(`<a href="${link.replace("&", "&amp;")}">${link.replace("&", "&amp;")}</a>`)
    expect(sent.text).toBe(`Link: ${link}`)
    expect(sent.html + sent.text).not.toContain(ONE_TIME_LINK_PLACEHOLDER)
  })
})
