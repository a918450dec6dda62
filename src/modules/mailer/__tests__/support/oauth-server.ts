import { createHash, randomBytes } from "node:crypto"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * An OAuth2 authorization server in the test process (node:http, nothing else), for the
 * XOAUTH2 tests of the backend and the admin's browser tests. Self-contained: no plugin imports.
 *
 *   const oauth = await new OAuthTestServer().start()       // 127.0.0.1, random port
 *   oauth.registerClient("client-1", "secret-1")
 *   oauth.identity = "shop@muster-shop.test"                 // who "signs in"
 *   account: provider "generic", authorize_url: oauth.authorizeUrl, token_url: oauth.tokenUrl
 *   ...
 *   await oauth.stop()
 *
 * - GET  /authorize  approves at once and redirects (302) to redirect_uri with `code` and `state`
 *   (response_type=code, known client, PKCE with S256 required; refusals are redirected back as
 *   `error=…`, like a real provider). `denyNext = "access_denied"` makes the next one refuse.
 * - POST /token      form-encoded; client authentication in the body (client_secret_post) or
 *   with HTTP Basic.
 *   - authorization_code: single-use code (60 s), same client and redirect_uri, and
 *     BASE64URL(SHA256(code_verifier)) must equal the code_challenge. Issues an access token
 *     (`accessTtlSeconds`, default 3600), a refresh token and an unsigned id_token whose
 *     payload names `email: identity`.
 *   - refresh_token: a known, not revoked refresh token of the same client; a new access token
 *     (and, with `rotateRefreshTokens`, a new refresh token replacing the old one, like Microsoft).
 *   - errors are RFC 6749 JSON: invalid_grant, invalid_client, … ; `failNextToken = [503, …]`
 *     answers the next requests with those statuses.
 * - For the SMTP sink: `isValidAccessToken(token)` is true only for an issued, unexpired token.
 *   `expireAccessTokens()` ends every access token now; `revokeRefreshTokens()` revokes all
 *   refresh tokens (the next refresh gets invalid_grant).
 * - `tokenRequests` records every token request (grant type, time) to count refreshes;
 *   `authorizeRequests` the query of every authorization request.
 */
export interface IssuedAccessToken {
  clientId: string
  user: string
  expiresAt: number
}

interface PendingCode {
  clientId: string
  redirectUri: string
  challenge: string
  user: string
  expiresAt: number
}

interface RefreshGrant {
  clientId: string
  user: string
  revoked: boolean
}

export class OAuthTestServer {
  identity = "shop@example.test"
  accessTtlSeconds = 3600
  rotateRefreshTokens = false
  denyNext: string | null = null
  failNextToken: number[] = []
  readonly tokenRequests: { grant_type: string; at: number; status: number }[] = []
  readonly authorizeRequests: Record<string, string>[] = []
  readonly accessTokens = new Map<string, IssuedAccessToken>()
  readonly refreshTokens = new Map<string, RefreshGrant>()
  private readonly clients = new Map<string, string>()
  private readonly codes = new Map<string, PendingCode>()
  private server: Server | null = null
  port = 0

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => json(res, 500, { error: "server_error", error_description: String(err) }))
    })
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject)
      this.server!.listen(port, "127.0.0.1", () => resolve())
    })
    this.port = (this.server.address() as AddressInfo).port
    return this
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = null
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }
  get authorizeUrl(): string {
    return `${this.baseUrl}/authorize`
  }
  get tokenUrl(): string {
    return `${this.baseUrl}/token`
  }

  registerClient(clientId: string, secret: string): void {
    this.clients.set(clientId, secret)
  }

  isValidAccessToken(token: string | undefined, user?: string): boolean {
    const issued = token ? this.accessTokens.get(token) : undefined
    return Boolean(issued && issued.expiresAt > Date.now() && (!user || issued.user.toLowerCase() === user.toLowerCase()))
  }

  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = 0
  }

  revokeRefreshTokens(): void {
    for (const grant of this.refreshTokens.values()) grant.revoked = true
  }

  /** Token requests of one grant type so far. */
  count(grant: "authorization_code" | "refresh_token"): number {
    return this.tokenRequests.filter((r) => r.grant_type === grant).length
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", this.baseUrl)
    if (req.method === "GET" && url.pathname === "/authorize") return this.authorize(url, res)
    if (req.method === "POST" && url.pathname === "/token") return this.token(req, res)
    json(res, 404, { error: "not_found" })
  }

  private authorize(url: URL, res: ServerResponse) {
    const q = Object.fromEntries(url.searchParams)
    this.authorizeRequests.push(q)
    if (!q.client_id || !this.clients.has(q.client_id) || !q.redirect_uri) {
      return json(res, 400, { error: "invalid_request", error_description: "unknown client or no redirect_uri" })
    }
    const back = new URL(q.redirect_uri)
    if (q.state) back.searchParams.set("state", q.state)
    const refusal =
      this.denyNext ??
      (q.response_type !== "code" ? "unsupported_response_type" : q.code_challenge_method !== "S256" || !q.code_challenge ? "invalid_request" : null)
    this.denyNext = null
    if (refusal) {
      back.searchParams.set("error", refusal)
      back.searchParams.set("error_description", refusal === "access_denied" ? "The user declined." : "PKCE S256 required")
    } else {
      const code = token("code")
      this.codes.set(code, { clientId: q.client_id, redirectUri: q.redirect_uri, challenge: q.code_challenge, user: this.identity, expiresAt: Date.now() + 60_000 })
      back.searchParams.set("code", code)
    }
    res.writeHead(302, { location: back.toString() }).end()
  }

  private async token(req: IncomingMessage, res: ServerResponse) {
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)))
    const answer = (status: number, body: Record<string, unknown>) => {
      this.tokenRequests.push({ grant_type: form.grant_type ?? "", at: Date.now(), status })
      json(res, status, body)
    }
    const scripted = this.failNextToken.shift()
    if (scripted) return answer(scripted, { error: "temporarily_unavailable" })
    const client = clientOf(req, form)
    if (!client.id || this.clients.get(client.id) !== client.secret) return answer(401, { error: "invalid_client" })
    if (form.grant_type === "authorization_code") return answer(...this.exchangeCode(client.id, form))
    if (form.grant_type === "refresh_token") return answer(...this.refresh(client.id, form))
    answer(400, { error: "unsupported_grant_type" })
  }

  private exchangeCode(clientId: string, form: Record<string, string>): [number, Record<string, unknown>] {
    const pending = this.codes.get(form.code ?? "")
    this.codes.delete(form.code ?? "")
    if (!pending || pending.expiresAt < Date.now() || pending.clientId !== clientId) {
      return [400, { error: "invalid_grant", error_description: "unknown, used or expired code" }]
    }
    if (pending.redirectUri !== form.redirect_uri) return [400, { error: "invalid_grant", error_description: "redirect_uri mismatch" }]
    const challenge = createHash("sha256").update(form.code_verifier ?? "").digest("base64url")
    if (challenge !== pending.challenge) return [400, { error: "invalid_grant", error_description: "PKCE verification failed" }]
    const refresh = token("rt")
    this.refreshTokens.set(refresh, { clientId, user: pending.user, revoked: false })
    return [200, { ...this.issueAccess(clientId, pending.user), refresh_token: refresh, id_token: idToken(pending.user, clientId, this.baseUrl) }]
  }

  private refresh(clientId: string, form: Record<string, string>): [number, Record<string, unknown>] {
    const grant = this.refreshTokens.get(form.refresh_token ?? "")
    if (!grant || grant.revoked || grant.clientId !== clientId) {
      return [400, { error: "invalid_grant", error_description: "The refresh token has been revoked or has expired." }]
    }
    const body: Record<string, unknown> = this.issueAccess(clientId, grant.user)
    if (this.rotateRefreshTokens) {
      grant.revoked = true
      const next = token("rt")
      this.refreshTokens.set(next, { clientId, user: grant.user, revoked: false })
      body.refresh_token = next
    }
    return [200, body]
  }

  private issueAccess(clientId: string, user: string) {
    const access = token("at")
    this.accessTokens.set(access, { clientId, user, expiresAt: Date.now() + this.accessTtlSeconds * 1000 })
    return { access_token: access, token_type: "Bearer", expires_in: this.accessTtlSeconds }
  }
}

function token(prefix: string): string {
  return `${prefix}-${randomBytes(24).toString("base64url")}`
}

function idToken(email: string, audience: string, issuer: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url")
  const now = Math.floor(Date.now() / 1000)
  return `${part({ alg: "none", typ: "JWT" })}.${part({ iss: issuer, aud: audience, sub: email, email, iat: now, exp: now + 600 })}.`
}

function clientOf(req: IncomingMessage, form: Record<string, string>): { id?: string; secret?: string } {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "")
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":").map(decodeURIComponent)
    return { id, secret }
  }
  return { id: form.client_id, secret: form.client_secret }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ""
    req.setEncoding("utf8")
    req.on("data", (chunk: string) => (data += chunk))
    req.on("end", () => resolve(data))
    req.on("error", reject)
  })
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body))
}
