// The admin explains a failed OAuth2 sign-in from the code alone (the provider's return carries
// only `code=…`): its texts must say what the API's error table says for that code, in both
// languages, and exist for every OAUTH_* code the table has.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { MAILER_ERRORS, describeError } from "../../modules/mailer/core/errors"

const texts = (language: "de" | "en") =>
  JSON.parse(readFileSync(join(__dirname, "..", "i18n", language, "accounts.json"), "utf8")).oauth.errors as Record<string, { message: string; hint: string }>

describe("OAuth2 sign-in errors in the admin", () => {
  const codes = Object.keys(MAILER_ERRORS).filter((code) => code.startsWith("OAUTH_"))

  it("knows the codes of the contract", () => {
    expect(codes).toEqual(expect.arrayContaining(["OAUTH_NOT_CONFIGURED", "OAUTH_STATE_INVALID", "OAUTH_PROVIDER_ERROR", "OAUTH_IDENTITY_MISMATCH", "OAUTH_REAUTH_REQUIRED", "OAUTH_TOKEN_REFRESH_FAILED"]))
  })

  it.each(["de", "en"] as const)("has the error table's sentence and hint (as a check in the admin says it) for every OAUTH_* code in %s", (language) => {
    const admin = texts(language)
    const expected = Object.fromEntries(codes.map((code) => {
      const { message, hint } = describeError(code, language, {}, "verify")
      return [code, { message, hint }]
    }))
    const { unknown, ...known } = admin
    expect(known).toEqual(expected)
    expect(unknown.message).toContain("{{code}}")
  })
})
