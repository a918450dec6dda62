import type { Browser, Locator, Page } from "playwright-core"
import { describeError } from "../../src/modules/mailer/core/errors"
import { OAuthTestServer } from "../../src/modules/mailer/__tests__/support/oauth-server"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { expectNoSeriousA11yViolations } from "./axe"
import { adminPage, launchBrowser, loginToAdmin, withScreenshotOnFailure } from "./browser"
import { adminApi, startPackedApp, type AdminApi, type PackedApp } from "./packed-app"

jest.setTimeout(600_000)

/**
 * Issue 13 in the admin of the packed plugin: an OAuth2 (XOAUTH2) account against an OAuth2
 * provider and an SMTP server in this process. The merchant fills in the app registration,
 * clicks Connect, is sent to the provider and back, sees as whom the account is connected and
 * sends a test mail that logs in with a current access token; a revoked sign-in pauses the
 * account and every screen offers "Reconnect"; a foreign sign-in return is explained.
 */
describe("admin: OAuth2 sign-in for an e-mail account", () => {
  const SENDER = "shop@muster-shop.test"
  const CLIENT = { clientId: "mailer-shop-app", clientSecret: "app-secret-9f3c" }
  const provider = new OAuthTestServer()
  const sink = new SmtpSink()
  /** Every XOAUTH2 login at the sink: the user and whether its token was valid then. */
  const logins: { user: string; valid: boolean }[] = []
  let app: PackedApp
  let browser: Browser
  let api: AdminApi

  beforeAll(async () => {
    await provider.start()
    provider.registerClient(CLIENT.clientId, CLIENT.clientSecret)
    provider.identity = SENDER
    // The mail server takes XOAUTH2 only, and only with an access token the provider issued and still honours.
    await sink.start({
      authMethods: ["XOAUTH2"],
      onAuth: (auth, _session, callback) => {
        const valid = auth.method === "XOAUTH2" && provider.isValidAccessToken(auth.accessToken ?? "")
        logins.push({ user: auth.username ?? "", valid })
        if (!valid) return callback(Object.assign(new Error("5.7.8 Authentication unsuccessful"), { responseCode: 535 }))
        callback(null, { user: auth.username })
      },
    })
    app = await startPackedApp()
    api = await adminApi(app)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await sink.stop()
    await provider.stop()
  })

  const onlyAccount = async () => {
    const { accounts } = await api.get("/admin/mailer/accounts")
    expect(accounts).toHaveLength(1)
    return accounts[0]
  }

  async function inAdmin(language: "de" | "en", path: string, steps: (page: Page) => Promise<void>) {
    const page = await adminPage(browser, language)
    await withScreenshotOnFailure(page, async () => {
      await loginToAdmin(page, app.url)
      await page.goto(`${app.url}${path}`)
      await steps(page)
    }, app)
    await page.close()
  }

  /** A Radix select: open it by its label, pick the option. */
  async function choose(scope: Locator, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).click()
    await scope.page().getByRole("option", { name: option, exact: true }).click()
  }

  it("connects a new account through the provider's sign-in and sends a test mail with XOAUTH2", async () => {
    await inAdmin("de", "/app/settings/mailer/accounts", async (page) => {
      await page.getByTestId("mailer-account-create").click()
      const modal = page.getByTestId("mailer-account-modal")
      await modal.getByLabel("Kontoname", { exact: true }).fill("Shop-Postfach")
      await modal.getByLabel("SMTP-Server", { exact: true }).fill("127.0.0.1")
      await modal.getByLabel("Port", { exact: true }).fill(String(sink.port))
      await choose(modal, "Verschlüsselung", "Keine")
      await modal.getByLabel("Absendername", { exact: true }).fill("Muster Shop")
      await modal.getByLabel("Absenderadresse", { exact: true }).fill(SENDER)

      await modal.getByTestId("mailer-account-auth-method-oauth2").click()
      const oauth = modal.getByTestId("mailer-account-oauth")
      // Microsoft is preselected: its button and its tenant field; then the generic provider of this test.
      await oauth.getByRole("button", { name: "Mit Microsoft verbinden" }).waitFor()
      await oauth.getByLabel("Mandant (Verzeichnis-ID oder Domain)", { exact: true }).waitFor()
      await choose(oauth, "Anbieter der Anmeldung", "Anderer OAuth2-Anbieter")
      await oauth.getByLabel("Anwendungs-ID (Client-ID)", { exact: true }).fill(CLIENT.clientId)
      await oauth.getByLabel("Geheimer Clientschlüssel", { exact: true }).fill(CLIENT.clientSecret)
      await oauth.getByLabel("Autorisierungs-URL", { exact: true }).fill(provider.authorizeUrl)
      await oauth.getByLabel("Token-URL", { exact: true }).fill(provider.tokenUrl)
      await oauth.getByLabel("Berechtigungen (Scopes)", { exact: true }).fill("smtp offline_access openid email")

      // What to register at the provider, and how.
      const redirect = oauth.getByLabel("Weiterleitungs-URL", { exact: true })
      await waitFor(async () => (await redirect.inputValue()) === `${app.url}/admin/mailer/oauth/callback`, "the redirect URL to register")
      await oauth.getByTestId("mailer-account-oauth-steps-toggle").click()
      await oauth.getByTestId("mailer-account-oauth-steps").getByText("Weiterleitungs-URL oben", { exact: false }).waitFor()
      await oauth.getByTestId("mailer-account-oauth-not-connected").getByText("speichert das Konto zuerst", { exact: false }).waitFor()
      await expectNoSeriousA11yViolations(page)

      // Connect: saved first, then the provider's page, then back on the account.
      await oauth.getByRole("button", { name: "Verbinden", exact: true }).click()
      await page.getByText("Die Anmeldung war erfolgreich: Das Konto ist verbunden.").waitFor()
      expect(provider.authorizeRequests.at(-1)).toMatchObject({ client_id: CLIENT.clientId, code_challenge_method: "S256", scope: "smtp offline_access openid email" })
      const connected = page.getByTestId("mailer-account-oauth-connected")
      await connected.getByText(`Verbunden als ${SENDER}`).waitFor()
      expect(new URL(page.url()).searchParams.get("oauth")).toBeNull()
      // The stored secret stays write-only in the form too.
      const secret = page.getByTestId("mailer-account-modal").getByLabel("Geheimer Clientschlüssel", { exact: true })
      expect(await secret.inputValue()).toBe("")
      expect(await secret.getAttribute("placeholder")).toBe("unverändert")
      await expectNoSeriousA11yViolations(page)

      // The test mail logs in with a current access token.
      await page.getByTestId("mailer-account-send-test").click()
      const dialog = page.getByTestId("mailer-account-test-mail-dialog")
      await dialog.getByRole("button", { name: "Senden" }).click()
      const mail = await waitFor(() => sink.mails.find((m) => m.envelope.to.includes(SENDER)), "the test mail at the sink", 60_000)
      expect(mail.auth?.username).toBe(SENDER)
      // (in test mode the toast names the address asked for; the sink got it at the test recipient)
      await page.getByText(/^Test-E-Mail an .+ gesendet\.$/).waitFor()
    })
    expect(logins.length).toBeGreaterThanOrEqual(1)
    expect(logins.every((login) => login.valid && login.user === SENDER)).toBe(true)

    const account = await onlyAccount()
    expect(account).toMatchObject({ auth_method: "oauth2", status: expect.stringMatching(/^(ok|unverified)$/) })
    expect(account.oauth).toMatchObject({ provider: "generic", client_id: CLIENT.clientId, has_client_secret: true, connected: true, connected_identity: SENDER })
    // No secret or token in what the admin reads.
    const body = JSON.stringify(await api.get("/admin/mailer/accounts"))
    const tokens = [...provider.accessTokens.keys(), ...provider.refreshTokens.keys()]
    expect(tokens.length).toBeGreaterThanOrEqual(2)
    for (const secret of [CLIENT.clientSecret, ...tokens]) expect(body).not.toContain(secret)
  })

  it("a revoked sign-in pauses the account: Reconnect on the overview, the topbar and the account, and signing in again resumes it", async () => {
    const account = await onlyAccount()
    provider.revokeRefreshTokens()
    provider.expireAccessTokens()
    // A session the plugin's pool logged in to earlier would still send: the mail server cuts it,
    // so the next mail logs in again, its token is refused, and so is the refresh (invalid_grant).
    await sink.down()
    await sink.up()
    await api.request("POST", `/admin/mailer/accounts/${account.id}/test-email`, { to: SENDER })
    // (a send that met the cut connection is retried: allow for one retry delay)
    await waitFor(async () => (await onlyAccount()).status === "reauth_required", "the account paused for a new sign-in", 180_000)
    const paused = describeError("OAUTH_REAUTH_REQUIRED", "de", {}, "verify")
    const mailsBefore = sink.mails.length

    await inAdmin("de", "/app/settings/mailer", async (page) => {
      const alert = page.getByTestId("mailer-none-can-send")
      await alert.getByText("Erneute Anmeldung nötig", { exact: false }).waitFor()
      await page.getByTestId("mailer-topbar-no-sender").waitFor()
      expect(await page.getByTestId("mailer-topbar-no-sender").getAttribute("href")).toContain(account.id)
      await expectNoSeriousA11yViolations(page)
      await alert.getByRole("link", { name: "Erneut verbinden" }).click()

      const modal = page.getByTestId("mailer-account-modal")
      const reauth = modal.getByTestId("mailer-account-oauth-reauth")
      await reauth.getByText(paused.hint).waitFor()
      await reauth.getByText("invalid_grant", { exact: false }).waitFor()
      await expectNoSeriousA11yViolations(page)
      await modal.getByRole("button", { name: "Erneut verbinden" }).click()
      await page.getByText("Die Anmeldung war erfolgreich: Das Konto ist verbunden.").waitFor()
      await page.getByTestId("mailer-account-oauth-connected").getByText(`Verbunden als ${SENDER}`).waitFor()
    })
    await waitFor(async () => (await onlyAccount()).status !== "reauth_required", "the account back in service", 60_000)
    // The mail that waited goes out with the new sign-in.
    await waitFor(() => sink.mails.length > mailsBefore, "the waiting test mail after reconnecting", 120_000)
    expect(logins.at(-1)).toEqual({ user: SENDER, valid: true })
  })

  it("a sign-in return that is not ours (wrong state) says why, with the hint", async () => {
    const refused = describeError("OAUTH_STATE_INVALID", "de", {}, "verify")
    await inAdmin("de", "/app/settings/mailer/accounts", async (page) => {
      await page.getByTestId("mailer-accounts-page").waitFor()
      await page.goto(`${app.url}/admin/mailer/oauth/callback?code=made-up&state=not-a-state-we-issued`)
      await page.getByText(refused.message).waitFor()
      await page.getByText(refused.hint).waitFor()
    })
    expect((await onlyAccount()).oauth.connected).toBe(true)
  })

  it("speaks English in an English admin, also to disconnect", async () => {
    await inAdmin("en", "/app/settings/mailer/accounts", async (page) => {
      const row = page.getByTestId(`mailer-account-row-${SENDER}`)
      await row.getByTestId("mailer-account-row-oauth").getByText("OAuth2 · Other OAuth2 provider").waitFor()
      await row.getByTestId("mailer-account-edit").click()
      const modal = page.getByTestId("mailer-account-modal")
      await modal.getByTestId("mailer-account-oauth-connected").getByText(`Connected as ${SENDER}`).waitFor()
      await modal.getByLabel("Client secret", { exact: true }).waitFor()
      await modal.getByRole("button", { name: "Reconnect" }).waitFor()
      await expectNoSeriousA11yViolations(page)
      await modal.getByRole("button", { name: "Disconnect" }).click()
      const prompt = page.getByRole("alertdialog")
      await prompt.getByText("Disconnect Shop-Postfach?").waitFor()
      await prompt.getByRole("button", { name: "Disconnect" }).click()
      await page.getByText("\"Shop-Postfach\" disconnected.").waitFor()
      await modal.getByTestId("mailer-account-oauth-not-connected").waitFor()
      await modal.getByRole("button", { name: "Connect", exact: true }).waitFor()
    })
    expect((await onlyAccount()).oauth.connected).toBe(false)
  })
})
