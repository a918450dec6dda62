import { summarizeAccounts, testRecipientOf } from "../lib/account-summary"
import type { AccountStatus, MailerAccount } from "../lib/types"

const account = (id: string, status: AccountStatus, test_mode: boolean, test_recipient: string | null = null) =>
  ({ id, status, test_mode, test_recipient, sender_email: `${id}@shop.test` }) as MailerAccount

describe("summarizeAccounts (overview and topbar badge)", () => {
  it("asks for the setup when there is no account, without claiming that none can send", () => {
    const summary = summarizeAccounts([])
    expect(summary.none).toBe(true)
    expect(summary.noneCanSend).toBe(false)
  })

  it("says no account can send when every account is paused by a login, TLS or connection failure", () => {
    const summary = summarizeAccounts([account("a", "auth_failed", true), account("b", "tls_failed", false), account("c", "connection_failed", false)])
    expect(summary.noneCanSend).toBe(true)
    expect(summary.paused.map((a) => a.id)).toEqual(["a", "b", "c"])
    // A paused account in test mode sends nothing, so the badge must not claim test mode for it.
    expect(summary.inTestMode).toEqual([])
  })

  it("counts unverified accounts as sending (their mail goes out) and lists the sending ones in test mode", () => {
    const summary = summarizeAccounts([account("a", "unverified", true), account("b", "ok", false), account("c", "auth_failed", true)])
    expect(summary.noneCanSend).toBe(false)
    expect(summary.sending.map((a) => a.id)).toEqual(["a", "b"])
    expect(summary.inTestMode.map((a) => a.id)).toEqual(["a"])
    expect(summary.paused.map((a) => a.id)).toEqual(["c"])
  })

  it("counts an account whose OAuth2 sign-in the provider ended (reauth_required) as paused", () => {
    const summary = summarizeAccounts([account("a", "reauth_required", true)])
    expect(summary.paused.map((a) => a.id)).toEqual(["a"])
    expect(summary.noneCanSend).toBe(true)
    expect(summary.inTestMode).toEqual([])
  })

  it("routes test mail to the test recipient, else to the sender address", () => {
    expect(testRecipientOf(account("a", "ok", true, "owner@shop.test"))).toBe("owner@shop.test")
    expect(testRecipientOf(account("b", "ok", true))).toBe("b@shop.test")
  })
})
