import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { SMTPServerAuthentication, SMTPServerAuthenticationResponse } from "smtp-server"
import { OAuthTestServer } from "../../src/modules/mailer/__tests__/support/oauth-server"
import { AccessTokens } from "../../src/modules/mailer/oauth/access-tokens"
import { createAdminSession, type AdminSession } from "../helpers/admin"
import { adminClient, OutputCapture, type AdminClient } from "../helpers/admin-api"
import { mailerOf, messagesFor, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop } from "../helpers/shop"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

const SENDER = "shop@muster-shop.test"
const CLIENT_ID = "mailer-test-client"
const CLIENT_SECRET = "cs-Very-Secret-4711-client"

/**
 * OAuth2 (XOAUTH2) accounts end to end: the plugin's routes against an in-process authorization
 * server (support/oauth-server.ts: code grant with PKCE S256, refresh grant, short-lived and
 * revocable tokens) and an SMTP sink that accepts XOAUTH2 only with a currently valid token.
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const oauth = new OAuthTestServer()
    const sink = new SmtpSink()
    const output = new OutputCapture()
    /** How the sink refuses a token: Gmail's 334 challenge or Microsoft's plain 535. */
    let refusal: "challenge" | "535" = "challenge"
    const logins: { user: string; ok: boolean }[] = []
    let session: AdminSession
    let admin: AdminClient
    const codesSeen: string[] = []
    /** Every mailer row as text, taken at the end of the tests that store tokens (each test starts on an empty database). */
    const dbSnapshots: string[] = []
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any

    async function snapshotDb() {
      for (const table of ["mailer_account", "mailer_oauth_state", "mailer_message"]) {
        const found = await db().raw(`select t::text as row from "${table}" t`)
        dbSnapshots.push(...found.rows.map((r: { row: string }) => r.row))
      }
    }

    function xoauth2(auth: SMTPServerAuthentication, _session: unknown, callback: (err: Error | null, response?: SMTPServerAuthenticationResponse) => void) {
      const ok = auth.method === "XOAUTH2" && oauth.isValidAccessToken(auth.accessToken, auth.username)
      logins.push({ user: auth.username ?? "", ok })
      if (ok) return callback(null, { user: auth.username })
      if (refusal === "535") return callback(Object.assign(new Error("5.7.3 Authentication unsuccessful"), { responseCode: 535 }))
      callback(null, { data: { status: "401", schemes: "bearer", scope: "https://mail.google.com/" } } as SMTPServerAuthenticationResponse)
    }

    const accountBody = (overrides: Record<string, unknown> = {}) => {
      const { password: _password, ...smtp } = sinkAccount(sink)
      return {
        ...smtp,
        auth_method: "oauth2",
        oauth: {
          provider: "generic",
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          authorize_url: oauth.authorizeUrl,
          token_url: oauth.tokenUrl,
          scopes: ["smtp", "offline_access", "openid", "email"],
        },
        ...overrides,
      }
    }

    async function createAccount(overrides: Record<string, unknown> = {}) {
      const res = await admin.post("/admin/mailer/accounts", accountBody(overrides))
      expect(res.status).toBe(200)
      return res.data.account as Record<string, any>
    }

    /** The provider's redirect back to the plugin, as the browser would follow it (no redirects followed). */
    async function callback(query: string, headers = session.headers) {
      const res = await api.get(`/admin/mailer/oauth/callback?${query}`, { headers, maxRedirects: 0, validateStatus: () => true })
      expect(res.status).toBe(303)
      const location = new URL(res.headers.location, "http://admin.invalid")
      return { path: location.pathname, params: Object.fromEntries(location.searchParams) }
    }

    /** "Connect": start through the route, let the provider approve, return to the callback. */
    async function signIn(accountId: string) {
      const start = await admin.post(`/admin/mailer/accounts/${accountId}/oauth/authorize`, {})
      expect(start.status).toBe(200)
      const provider = await fetch(start.data.authorize_url, { redirect: "manual" })
      expect(provider.status).toBe(302)
      const back = new URL(provider.headers.get("location")!)
      expect(back.pathname).toBe("/admin/mailer/oauth/callback")
      const code = back.searchParams.get("code")
      if (code) codesSeen.push(code)
      return { start: new URL(start.data.authorize_url), back }
    }

    async function connect(accountId: string) {
      const { back } = await signIn(accountId)
      return callback(back.searchParams.toString())
    }

    async function queueMails(accountId: string, n: number, tag: string) {
      const ids: string[] = []
      for (let i = 0; i < n; i++) {
        const { message } = await mailerOf(getContainer()).enqueueMessage({
          idempotency_key: `oauth-test:${tag}:${i}`,
          status: "queued",
          event_name: "mailer.test",
          account_id: accountId,
          to: `kunde${i}@kunde.test`,
          subject: `OAuth2 ${tag} ${i}`,
          html: `<p>Hallo ${i}</p>`,
          text: `Hallo ${i}`,
          locale: "de",
          triggered_by: "system",
        })
        ids.push(message.id)
      }
      return ids
    }

    beforeAll(async () => {
      output.start()
      // debug level: the transcript-like lines are where a token would leak
      ;(getContainer().resolve("logger") as { setLogLevel: (l: string) => void }).setLogLevel("debug")
      await oauth.start()
      oauth.registerClient(CLIENT_ID, CLIENT_SECRET)
      oauth.identity = SENDER
      await sink.start({ authMethods: ["XOAUTH2"], onAuth: xoauth2 })
      session = await createAdminSession(getContainer())
      admin = adminClient(api, session.headers)
    })
    afterAll(async () => {
      output.stop()
      await sink.stop()
      await oauth.stop()
    })
    beforeEach(() => {
      sink.reset()
      refusal = "challenge"
      oauth.identity = SENDER
    })

    it("connects through the plugin's routes: state single-use and bound to the admin user, PKCE S256, identity checked", async () => {
      const account = await createAccount()
      expect(account.auth_method).toBe("oauth2")
      expect(account.oauth).toMatchObject({ provider: "generic", client_id: CLIENT_ID, has_client_secret: true, connected: false, connected_identity: null })
      expect(account.oauth).not.toHaveProperty("client_secret")

      // not connected yet: a check says so instead of trying a login
      const verify = await admin.post(`/admin/mailer/accounts/${account.id}/verify`, {})
      expect(verify.data).toMatchObject({ ok: false, code: "OAUTH_NOT_CONNECTED" })
      const testAndSave = await admin.post(`/admin/mailer/accounts/${account.id}`, { verify: true }, { "accept-language": "de" })
      expect(testAndSave.status).toBe(400)
      expect(testAndSave.data.code).toBe("OAUTH_NOT_CONNECTED")
      expect(testAndSave.data.message).toMatch(/noch nicht verbunden/)

      const redirect = await admin.get("/admin/mailer/oauth/redirect-url")
      expect(redirect.data.redirect_url).toMatch(/^http:\/\/.+\/admin\/mailer\/oauth\/callback$/)

      // a state the plugin never issued
      const forged = await callback("code=whatever&state=forged-state")
      expect(forged.params).toEqual({ oauth: "error", code: "OAUTH_STATE_INVALID" })

      // the authorization request: code flow, PKCE S256, the registered redirect URL, a random state
      const { start, back } = await signIn(account.id)
      expect(Object.fromEntries(start.searchParams)).toMatchObject({
        response_type: "code",
        client_id: CLIENT_ID,
        code_challenge_method: "S256",
        redirect_uri: redirect.data.redirect_url,
        login_hint: SENDER,
      })
      expect(start.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/)

      // another admin user cannot finish this user's sign-in; the state is used up by the attempt
      const other = await createAdminSession(getContainer(), { email: "zweite@shop.test" })
      const stolen = await callback(back.searchParams.toString(), other.headers)
      expect(stolen.params).toEqual({ edit: account.id, oauth: "error", code: "OAUTH_STATE_INVALID" })
      const replay = await callback(back.searchParams.toString())
      expect(replay.params.code).toBe("OAUTH_STATE_INVALID")

      // a verifier that does not match the challenge: the provider refuses the code
      const tampered = await signIn(account.id)
      const [stateRow] = await db()("mailer_oauth_state").where({ account_id: account.id })
      const box = (mailerOf(getContainer()) as any).secrets_
      await db()("mailer_oauth_state").where({ id: stateRow.id }).update({ code_verifier: box.seal("x".repeat(64), stateRow.id) })
      const pkce = await callback(tampered.back.searchParams.toString())
      expect(pkce.params).toEqual({ edit: account.id, oauth: "error", code: "OAUTH_PROVIDER_ERROR" })

      // the merchant cancels at the provider
      oauth.denyNext = "access_denied"
      const denied = await connect(account.id)
      expect(denied.params).toEqual({ edit: account.id, oauth: "error", code: "OAUTH_PROVIDER_ERROR" })

      // signed in with the wrong mailbox
      oauth.identity = "privat@example.test"
      const mismatch = await connect(account.id)
      expect(mismatch.params).toEqual({ edit: account.id, oauth: "error", code: "OAUTH_IDENTITY_MISMATCH" })
      expect((await admin.get(`/admin/mailer/accounts/${account.id}`)).data.account.oauth.connected).toBe(false)

      oauth.identity = SENDER
      const ok = await connect(account.id)
      expect(ok.path).toBe("/app/settings/mailer/accounts")
      expect(ok.params).toEqual({ edit: account.id, oauth: "connected" })
      const connected = (await admin.get(`/admin/mailer/accounts/${account.id}`)).data.account
      expect(connected.oauth).toMatchObject({ connected: true, connected_identity: SENDER })
      expect(Date.parse(connected.oauth.access_token_expires_at)).toBeGreaterThan(Date.now())
      expect(await db()("mailer_oauth_state").where({ account_id: account.id })).toHaveLength(0)

      // now the check logs in with XOAUTH2 and passes
      const verified = await admin.post(`/admin/mailer/accounts/${account.id}/verify`, {})
      expect(verified.data).toMatchObject({ ok: true, account: { status: "ok" } })
      expect(logins.at(-1)).toEqual({ user: SENDER, ok: true })
      // and "test and save" sends its test mail with XOAUTH2
      const saved = await admin.post(`/admin/mailer/accounts/${account.id}`, { name: "Shop (OAuth2)", verify: true, test_to: "pruefer@shop.test" })
      expect(saved.status).toBe(200)
      expect(saved.data).toMatchObject({ test: { ok: true, to: "pruefer@shop.test" }, account: { name: "Shop (OAuth2)", oauth: { connected: true } } })
      expect(sink.mails.map((m) => m.envelope.to[0])).toEqual(["pruefer@shop.test"])
      await snapshotDb()

      // disconnect drops the tokens
      const disconnected = await admin.delete(`/admin/mailer/accounts/${account.id}/oauth`)
      expect(disconnected.data.account.oauth).toMatchObject({ connected: false, has_client_secret: true })
      const [row] = await db()("mailer_account").where({ id: account.id })
      expect(row).toMatchObject({ oauth_refresh_token: null, oauth_access_token: null })
      await snapshotDb()
    })

    it("sends an order mail with OAuth2 (XOAUTH2 login, no password)", async () => {
      const container = getContainer()
      const shop = await seedShop(container)
      const account = await createAccount({ is_default: true })
      await connect(account.id)
      const loginsBefore = logins.length
      const orderId = await placeOrder(container, shop, { email: "erika@kunde.test", first_name: "Erika", last_name: "Mustermann" }, { locale: "de-DE" })
      const [message] = await waitFor(async () => {
        const rows = await messagesFor(container, orderId)
        return rows.length && rows.every((r) => r.status !== "queued" && r.status !== "sending") ? rows : null
      }, "the order confirmation to be delivered")
      expect(message).toMatchObject({ status: "sent", account_id: account.id, attempts: 1 })
      expect(sink.mails).toHaveLength(1)
      expect(sink.mails[0].envelope.to).toEqual(["erika@kunde.test"])
      expect(sink.mails[0].auth?.username).toBe(SENDER)
      expect(logins.slice(loginsBefore).every((l) => l.ok)).toBe(true)
    })

    it("refreshes an expired access token once for 20 concurrent sends (rotating refresh tokens)", async () => {
      oauth.rotateRefreshTokens = true
      try {
        const account = await createAccount({ is_default: false })
        await connect(account.id)
        const ids = await queueMails(account.id, 20, "concurrent")
        // the token expires at the provider and by the stored expiry
        oauth.expireAccessTokens()
        await db()("mailer_account").where({ id: account.id }).update({ oauth_access_token_expires_at: new Date(Date.now() - 60_000) })
        const refreshesBefore = oauth.count("refresh_token")

        const mailer = mailerOf(getContainer())
        const results = await Promise.all(ids.map((id) => mailer.deliverMessage(id)))

        expect(results.map((r) => r.status)).toEqual(Array(20).fill("sent"))
        expect(oauth.count("refresh_token") - refreshesBefore).toBe(1)
        expect(sink.mails).toHaveLength(20)
        expect(logins.filter((l) => !l.ok)).toHaveLength(0)
        const [row] = await db()("mailer_account").where({ id: account.id })
        expect(new Date(row.oauth_access_token_expires_at).getTime()).toBeGreaterThan(Date.now())
        await snapshotDb()
      } finally {
        oauth.rotateRefreshTokens = false
      }
    })

    it("two processes (two token caches on one database) refresh once; a token endpoint outage is retried, not paused", async () => {
      const account = await createAccount({ is_default: false })
      await connect(account.id)
      const expire = () =>
        db()("mailer_account").where({ id: account.id }).update({ oauth_access_token_expires_at: new Date(Date.now() - 60_000) })
      await expire()
      const box = (mailerOf(getContainer()) as any).secrets_
      // each Medusa process has its own AccessTokens; only the database (advisory lock) is shared
      const processA = new AccessTokens(box)
      const processB = new AccessTokens(box)
      const before = oauth.count("refresh_token")
      const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? processA : processB).get(db(), account.id)))
      expect(oauth.count("refresh_token") - before).toBe(1)
      expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1)

      await expire()
      oauth.failNextToken = [503]
      const [id] = await queueMails(account.id, 1, "outage")
      const result = await mailerOf(getContainer()).deliverMessage(id)
      expect(result).toMatchObject({ status: "queued", error_code: "OAUTH_TOKEN_REFRESH_FAILED" })
      const [row] = await db()("mailer_message").where({ id })
      expect(row.next_attempt_at).not.toBeNull()
      expect((await admin.get(`/admin/mailer/accounts/${account.id}`)).data.account.status).not.toBe("reauth_required")
    })

    it.each(["challenge", "535"] as const)(
      "renews once when the SMTP server refuses a token that has not expired (%s reply)",
      async (style) => {
        refusal = style
        const account = await createAccount({ is_default: false })
        await connect(account.id)
        // revoked at the provider before its stated expiry
        oauth.expireAccessTokens()
        const refreshesBefore = oauth.count("refresh_token")
        const [id] = await queueMails(account.id, 1, `renew-${style}`)
        const result = await mailerOf(getContainer()).deliverMessage(id)
        expect(result.status).toBe("sent")
        expect(oauth.count("refresh_token") - refreshesBefore).toBe(1)
        expect(logins.slice(-2)).toEqual([
          { user: SENDER, ok: false },
          { user: SENDER, ok: true },
        ])
      }
    )

    it("pauses the account on a revoked refresh token with the hint, and resumes its mail after reconnecting", async () => {
      const account = await createAccount({ is_default: false })
      await connect(account.id)
      oauth.revokeRefreshTokens()
      oauth.expireAccessTokens()
      await db()("mailer_account").where({ id: account.id }).update({ oauth_access_token_expires_at: new Date(Date.now() - 60_000) })
      const [id] = await queueMails(account.id, 1, "revoked")
      const mailer = mailerOf(getContainer())

      const result = await mailer.deliverMessage(id)
      expect(result).toMatchObject({ status: "queued", error_code: "OAUTH_REAUTH_REQUIRED" })
      expect(sink.mails).toHaveLength(0)
      const paused = (await admin.get(`/admin/mailer/accounts/${account.id}`, { "accept-language": "de" })).data.account
      expect(paused.status).toBe("reauth_required")
      const logged = (await admin.get(`/admin/mailer/messages/${id}`, { "accept-language": "de" })).data.message
      expect(logged.error).toMatchObject({ code: "OAUTH_REAUTH_REQUIRED" })
      expect(logged.error.hint).toMatch(/Melden Sie sich erneut bei Microsoft/)
      const english = (await admin.get(`/admin/mailer/messages/${id}`)).data.message
      expect(english.error.hint).toMatch(/Sign in again with Microsoft/)
      // paused: it waits without a due date, the outbox does not retry it on its own
      expect(await mailer.deliverMessage(id)).toMatchObject({ status: "queued", attempted: false })

      const back = await connect(account.id)
      expect(back.params.oauth).toBe("connected")
      expect((await admin.get(`/admin/mailer/accounts/${account.id}`)).data.account.status).toBe("unverified")
      await mailer.drainOutbox()
      const [sent] = await waitFor(async () => {
        const rows = await db()("mailer_message").where({ id, status: "sent" })
        return rows.length ? rows : null
      }, "the paused mail to be sent after reconnecting")
      expect(sent.status).toBe("sent")
      expect(sink.mails.map((m) => m.envelope.to[0])).toEqual(["kunde0@kunde.test"])
      expect((await admin.get(`/admin/mailer/accounts/${account.id}`)).data.account.status).toBe("ok")
      await snapshotDb()
    })

    it("changing the token endpoint needs the client secret again, and drops the tokens", async () => {
      const account = await createAccount({ is_default: false })
      await connect(account.id)
      const moved = { ...accountBody().oauth, client_secret: undefined, token_url: "https://attacker.example/token" }
      const refused = await admin.post(`/admin/mailer/accounts/${account.id}`, { oauth: moved })
      expect(refused.status).toBe(400)
      expect(refused.data.errors).toEqual([expect.objectContaining({ field: "oauth.client_secret", code: "CLIENT_SECRET_REQUIRED" })])
      const hostChanged = await admin.post(`/admin/mailer/accounts/${account.id}`, { host: "localhost" })
      expect(hostChanged.status).toBe(200)
      expect(hostChanged.data.account.oauth.connected).toBe(false)
    })

    it("leaves no token or client secret in any response, log line or plain database column", async () => {
      const secrets = [CLIENT_SECRET, ...oauth.accessTokens.keys(), ...oauth.refreshTokens.keys(), ...codesSeen]
      expect(oauth.accessTokens.size).toBeGreaterThan(5)
      expect(oauth.refreshTokens.size).toBeGreaterThan(3)
      const responses = admin.bodies.join("\n")
      const logs = output.text
      const rows = dbSnapshots.join("\n")
      expect(rows).toContain("v1:") // the sealed columns are there …
      for (const secret of secrets) {
        expect(responses).not.toContain(secret)
        expect(logs).not.toContain(secret)
        expect(rows).not.toContain(secret) // … but nothing readable
      }
    })
  },
})
