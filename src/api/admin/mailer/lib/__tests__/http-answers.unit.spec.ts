import { REQUEST_ERRORS } from "../../../../../modules/mailer/core/error-codes-request"
import type { RequestErrorCode } from "../../../../../modules/mailer/core/errors"
import { pickLanguage } from "../accept-language"
import { HTTP_ANSWERS } from "../http-answers"

describe("HTTP answers of request errors", () => {
  it.each(Object.keys(REQUEST_ERRORS) as RequestErrorCode[])("%s has an HTTP status and a Medusa error type", (code) => {
    // 502 only where the answer comes from another server (the OAuth2 provider), not from the request
    const allowed = code === "OAUTH_PROVIDER_ERROR" ? [502] : [400, 404, 409, 413, 415]
    expect(allowed).toContain(HTTP_ANSWERS[code].status)
    expect(HTTP_ANSWERS[code].type).toMatch(/^[a-z_]+$/)
  })

  it("answers no code that the table does not know", () => {
    expect(Object.keys(HTTP_ANSWERS).sort()).toEqual(Object.keys(REQUEST_ERRORS).sort())
  })
})

describe("pickLanguage", () => {
  it.each([
    ["de-DE,de;q=0.9", "de"],
    ["de", "de"],
    ["DE-at", "de"],
    ["en-US,en;q=0.9,de;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,de;q=0.8,en;q=0.5", "de"],
    ["en;q=0.4, de;q=0.6", "de"],
    ["de;q=0", "en"],
    ["fr, it", "en"],
    ["*", "en"],
    ["", "en"],
    [null, "en"],
    [undefined, "en"],
  ])("%p → %s", (header, expected) => {
    expect(pickLanguage(header)).toBe(expected)
  })
})
