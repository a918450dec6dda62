import { createHash } from "node:crypto"
import { accountStatusForError, MAILER_ERRORS } from "../errors"
import {
  buildAuthorizeUrl,
  checkEndpointUrl,
  codeChallengeS256,
  hashState,
  identityFromIdToken,
  parseTokenResponse,
  randomUrlSafe,
  resolveEndpoints,
  sameMailbox,
  tokenError,
} from "../oauth"
import { redactSecrets } from "../redact"

const idToken = (claims: Record<string, unknown>) =>
  ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".")

describe("OAuth2 providers", () => {
  it("builds Microsoft's endpoints from the tenant, default organizations, with SMTP.Send and offline access", () => {
    const ms = resolveEndpoints({ provider: "microsoft", tenant: "contoso.onmicrosoft.com" })
    expect(ms.authorizeUrl).toBe("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize")
    expect(ms.tokenUrl).toBe("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
    expect(ms.scopes).toEqual(expect.arrayContaining(["https://outlook.office.com/SMTP.Send", "offline_access", "openid", "email"]))
    expect(resolveEndpoints({ provider: "microsoft" }).tokenUrl).toContain("/organizations/")
  })

  it("refuses a tenant that would change the URL path", () => {
    expect(() => resolveEndpoints({ provider: "microsoft", tenant: "../evil" })).toThrow(/tenant/)
    expect(() => resolveEndpoints({ provider: "microsoft", tenant: "a/b" })).toThrow(/tenant/)
  })

  it("asks Google for offline access and consent (else no refresh token)", () => {
    const google = resolveEndpoints({ provider: "google" })
    expect(google.scopes).toContain("https://mail.google.com/")
    expect(google.extraParams).toMatchObject({ access_type: "offline", prompt: "consent" })
  })

  it("takes a generic provider's https URLs and scopes, http only on loopback", () => {
    const generic = resolveEndpoints({
      provider: "generic",
      authorize_url: "https://id.example.com/authorize",
      token_url: "https://id.example.com/token",
      scopes: "smtp offline_access",
    })
    expect(generic.scopes).toEqual(["smtp", "offline_access"])
    expect(checkEndpointUrl("http://127.0.0.1:4000/token")).toBe("ok")
    expect(checkEndpointUrl("http://localhost:4000/token")).toBe("ok")
    expect(checkEndpointUrl("http://id.example.com/token")).toBe("not_https")
    expect(checkEndpointUrl("https://169.254.169.254/token")).toBe("forbidden")
    expect(checkEndpointUrl("ftp://id.example.com/token")).toBe("invalid")
    expect(checkEndpointUrl("https://user:pw@id.example.com/token")).toBe("invalid")
    expect(() => resolveEndpoints({ provider: "generic", authorize_url: "https://a.example/x", token_url: "http://a.example/t" })).toThrow(
      /token_url/
    )
  })

  it("builds the authorization URL with PKCE S256, state and login hint", () => {
    const url = new URL(
      buildAuthorizeUrl(resolveEndpoints({ provider: "google" }), {
        clientId: "client-1",
        redirectUri: "https://shop.example/admin/mailer/oauth/callback",
        state: "st",
        codeChallenge: "ch",
        loginHint: "shop@example.com",
      })
    )
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "client-1",
      redirect_uri: "https://shop.example/admin/mailer/oauth/callback",
      state: "st",
      code_challenge: "ch",
      code_challenge_method: "S256",
      login_hint: "shop@example.com",
    })
  })
})

describe("PKCE and state", () => {
  it("computes the S256 challenge of RFC 7636 appendix B", () => {
    expect(codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
  })

  it("makes random URL-safe values and stores the state only as a hash", () => {
    const a = randomUrlSafe()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(randomUrlSafe()).not.toBe(a)
    expect(hashState(a)).toBe(createHash("sha256").update(a).digest("hex"))
  })
})

describe("token responses", () => {
  const now = 1_000_000

  it("reads tokens and turns expires_in into an absolute expiry", () => {
    const set = parseTokenResponse(200, { access_token: "at", refresh_token: "rt", expires_in: 3600, token_type: "Bearer", id_token: "x.y.z" }, now, "authorization_code")
    expect(set).toEqual({ accessToken: "at", refreshToken: "rt", expiresAt: now + 3_600_000, idToken: "x.y.z" })
    expect(parseTokenResponse(200, { access_token: "at" }, now, "refresh_token").refreshToken).toBeUndefined()
  })

  it.each([
    [400, { error: "invalid_grant", error_description: "AADSTS70008: refresh token expired" }, "OAUTH_REAUTH_REQUIRED"],
    [401, { error: "invalid_client" }, "OAUTH_CLIENT_REJECTED"],
    [400, { error: "unauthorized_client" }, "OAUTH_CLIENT_REJECTED"],
    [503, {}, "OAUTH_TOKEN_REFRESH_FAILED"],
    [429, { error: "slow_down" }, "OAUTH_TOKEN_REFRESH_FAILED"],
  ])("a refresh answered %s %j is %s", (status, body, code) => {
    expect(() => parseTokenResponse(status, body, now, "refresh_token")).toThrow(expect.objectContaining({ code }))
  })

  it("pauses the account with reauth_required on invalid_grant, retries a token endpoint outage", () => {
    expect(accountStatusForError("OAUTH_REAUTH_REQUIRED")).toBe("reauth_required")
    expect(MAILER_ERRORS.OAUTH_TOKEN_REFRESH_FAILED.kind).toBe("transient")
    expect(MAILER_ERRORS.OAUTH_REAUTH_REQUIRED.hint_en).toMatch(/Sign in again with Microsoft/)
    expect(MAILER_ERRORS.OAUTH_REAUTH_REQUIRED.hint_de).toMatch(/Melden Sie sich erneut bei Microsoft/)
  })

  it("reports a refused code exchange as the provider's error, with one bounded line of detail", () => {
    const err = tokenError(400, { error: "invalid_grant", error_description: "bad code\r\nX-Injected: 1" }, "authorization_code")
    expect(err.code).toBe("OAUTH_PROVIDER_ERROR")
    expect(err.message).toBe("invalid_grant: bad code X-Injected: 1")
  })
})

describe("identity", () => {
  it("reads email, then preferred_username, from the id_token payload", () => {
    expect(identityFromIdToken(idToken({ email: "Shop@Example.com" }))).toBe("Shop@Example.com")
    expect(identityFromIdToken(idToken({ preferred_username: "shop@contoso.com", name: "Shop" }))).toBe("shop@contoso.com")
    expect(identityFromIdToken(idToken({ sub: "123" }))).toBeNull()
    expect(identityFromIdToken("not-a-jwt")).toBeNull()
    expect(identityFromIdToken(undefined)).toBeNull()
    expect(sameMailbox("Shop@Example.com ", "shop@example.com")).toBe(true)
    expect(sameMailbox("other@example.com", "shop@example.com")).toBe(false)
  })
})

describe("redaction of tokens", () => {
  it("removes a token, its base64 and the XOAUTH2 initial response from a server reply", () => {
    const token = "ya29.a0AfH6SMBx-secret-token"
    const xoauth = Buffer.from(`user=shop@example.com\u0001auth=Bearer ${token}\u0001\u0001`).toString("base64").replace(/=+$/, "")
    const reply = `535 bad token ${token} / ${Buffer.from(token).toString("base64")} / ${xoauth}`
    const redacted = redactSecrets(reply, { username: "shop@example.com", tokens: [token] })
    expect(redacted).not.toContain(token)
    expect(redacted).not.toContain(xoauth)
    expect(redacted).not.toContain(Buffer.from(token).toString("base64").replace(/=+$/, ""))
  })
})
