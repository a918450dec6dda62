import { SMTP_PRESETS } from "../smtp/presets"

const findPreset = (id: string) => SMTP_PRESETS.find((preset) => preset.id === id)
import { securityWarnings } from "../smtp/transport-options"

describe("SMTP_PRESETS", () => {
  it("has unique ids and the expected providers", () => {
    const ids = SMTP_PRESETS.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining([
      "gmail", "microsoft365", "ionos", "strato", "gmx", "webde", "t-online", "amazon-ses", "mailgun", "postmark", "brevo", "sendgrid", "custom",
    ]))
  })

  it.each(SMTP_PRESETS.map((p) => [p.id, p] as const))("%s is well-formed", (_id, preset) => {
    expect(preset.id).toMatch(/^[a-z0-9-]+$/)
    expect(preset.name.trim()).not.toBe("")
    expect(Number.isInteger(preset.port)).toBe(true)
    expect(preset.port).toBeGreaterThanOrEqual(1)
    expect(preset.port).toBeLessThanOrEqual(65535)
    expect(["ssl", "starttls", "none"]).toContain(preset.security)
    expect(preset.notes_en.trim().length).toBeGreaterThan(10)
    expect(preset.notes_de.trim().length).toBeGreaterThan(10)
    if (preset.id !== "custom") {
      expect(preset.host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/)
      // a preset must never trigger our own port/security warnings
      expect(securityWarnings(preset)).toEqual([])
    }
    if (preset.docs) expect(preset.docs).toMatch(/^https:\/\//)
  })

  it("pins the well-known provider settings", () => {
    expect(findPreset("gmail")).toMatchObject({ host: "smtp.gmail.com", port: 465, security: "ssl" })
    expect(findPreset("microsoft365")).toMatchObject({ host: "smtp.office365.com", port: 587, security: "starttls" })
    expect(findPreset("sendgrid")?.notes_en).toContain("apikey")
    expect(findPreset("nope")).toBeUndefined()
  })

  it("offers OAuth2 first for Microsoft 365 and Gmail, with a reason in both languages", () => {
    for (const id of ["microsoft365", "gmail"]) {
      const preset = findPreset(id)!
      expect(preset.auth_methods).toEqual(["oauth2", "password"])
      expect(preset.auth_note_en).toMatch(/recommended/)
      expect(preset.auth_note_de).toMatch(/empfohlen/)
    }
    expect(findPreset("microsoft365")?.auth_note_en).toMatch(/December 2026/)
    expect(findPreset("ionos")?.auth_methods).toBeUndefined()
  })
})
