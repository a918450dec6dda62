import { AddressError, isValidEmail, normalizeEmail, parseAddressList, splitAddressList } from "../addresses"

describe("isValidEmail", () => {
  it.each([
    "kunde@example.com",
    "Max.Mustermann@Shop.DE",
    "first.last+tag@sub.example.co.uk",
    "o'neill@example.ie",
    "info@müller-shop.de",
    "a_b-c@x-y.io",
  ])("accepts %s", (address) => {
    expect(isValidEmail(address)).toBe(true)
  })

  it.each([
    ["quoted local part with space", '"evil@attacker.com x"@shop.test'],
    ["quoted local part", '"john"@shop.test'],
    ["CRLF + Bcc header", "kunde@example.com\r\nBcc: evil@attacker.com"],
    ["LF", "kunde@example.com\nevil@attacker.com"],
    ["CR", "kunde@example.com\r"],
    ["angle brackets", "<kunde@example.com>"],
    ["display name", "Kunde <kunde@example.com>"],
    ["greater-than in envelope", "a>b@example.com"],
    ["inner space", "kun de@example.com"],
    ["tab", "kunde@exa\tmple.com"],
    ["two @", "a@b@example.com"],
    ["comma list", "a@x.de,b@y.de"],
    ["semicolon", "a@x.de;b@y.de"],
    ["backslash", "a\\b@example.com"],
    ["comment", "a(comment)@example.com"],
    ["no domain dot", "kunde@localhost"],
    ["IP literal", "kunde@[127.0.0.1]"],
    ["numeric TLD", "kunde@1.2.3.4"],
    ["leading dot", ".kunde@example.com"],
    ["double dot", "ku..nde@example.com"],
    ["trailing dot local", "kunde.@example.com"],
    ["hyphen label edge", "kunde@-example.com"],
    ["empty local", "@example.com"],
    ["empty", ""],
    ["NUL", "kunde\u0000@example.com"],
    ["too long local", `${"a".repeat(65)}@example.com`],
  ])("rejects %s", (_label, address) => {
    expect(isValidEmail(address)).toBe(false)
  })

  it("rejects non-strings", () => {
    expect(isValidEmail(undefined)).toBe(false)
    expect(isValidEmail(42)).toBe(false)
  })
})

describe("normalizeEmail", () => {
  it("trims and lowercases only the domain", () => {
    expect(normalizeEmail("  Max.Muster@Example.COM ")).toBe("Max.Muster@example.com")
    expect(normalizeEmail("no-at-sign")).toBe("no-at-sign")
  })
})

describe("splitAddressList", () => {
  it("splits on comma and semicolon, trims, drops empties, dedupes and normalizes", () => {
    expect(splitAddressList(" a@x.DE, b@y.de;;c@z.de ,  ; A@X.de")).toEqual({
      valid: ["a@x.de", "b@y.de", "c@z.de"],
      invalid: [],
    })
  })

  it("accepts arrays and nullish input", () => {
    expect(splitAddressList(["a@x.de", "b@y.de; c@z.de"]).valid).toEqual(["a@x.de", "b@y.de", "c@z.de"])
    expect(splitAddressList(null)).toEqual({ valid: [], invalid: [] })
    expect(splitAddressList(undefined)).toEqual({ valid: [], invalid: [] })
    expect(splitAddressList("")).toEqual({ valid: [], invalid: [] })
  })

  it("separates invalid entries, CR/LF inside an entry never starts a new address", () => {
    const { valid, invalid } = splitAddressList("ok@x.de, kunde@example.com\r\nBcc: evil@attacker.com, bad")
    expect(valid).toEqual(["ok@x.de"])
    expect(invalid).toEqual(["kunde@example.com\r\nBcc: evil@attacker.com", "bad"])
    expect(splitAddressList("a@x.de\r\n").invalid).toEqual(["a@x.de\r\n"])
  })

  it("rejects the quoted-local-part trick", () => {
    expect(splitAddressList('"evil@attacker.com x"@shop.test').valid).toEqual([])
  })
})

describe("parseAddressList", () => {
  it("returns the valid addresses", () => {
    expect(parseAddressList("a@x.de; b@y.de")).toEqual(["a@x.de", "b@y.de"])
  })

  it("throws AddressError naming the offending value", () => {
    try {
      parseAddressList(['ok@x.de', '"evil@attacker.com x"@shop.test'])
      throw new Error("should have thrown")
    } catch (err) {
      expect(err).toBeInstanceOf(AddressError)
      expect((err as AddressError).value).toBe('"evil@attacker.com x"@shop.test')
      expect((err as AddressError).values).toHaveLength(1)
      expect((err as AddressError).message).toContain("evil@attacker.com")
    }
  })

  it("keeps the error message on one line", () => {
    expect(() => parseAddressList("a@x.de\r\nBcc: e@x.de")).toThrow(/^[^\r\n]*$/)
  })
})
