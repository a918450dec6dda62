import { escapeHtml } from "../html-escape"

export interface TestMailContent {
  subject: string
  html: string
  text: string
}

/** The mail sent by "Test and save" and the account's test button. */
export function buildTestMail(
  lang: "de" | "en",
  account: { name: string; sender_email: string; host?: string | null; port?: number | null }
): TestMailContent {
  // host and port are an SMTP account's; a transport without them shows the address alone
  const facts = [account.sender_email, account.host ? `${account.host}:${account.port}` : null].filter(Boolean).join(" · ")
  if (lang === "de") {
    return {
      subject: `Testmail von ${account.name}`,
      html: `<p>Diese Testmail bestätigt, dass der Versand über das Konto <strong>${escapeHtml(account.name)}</strong> funktioniert.</p><p>${escapeHtml(facts)}</p>`,
      text: `Diese Testmail bestätigt, dass der Versand über das Konto "${account.name}" funktioniert.\n\n${facts}`,
    }
  }
  return {
    subject: `Test mail from ${account.name}`,
    html: `<p>This test mail confirms that sending through the account <strong>${escapeHtml(account.name)}</strong> works.</p><p>${escapeHtml(facts)}</p>`,
    text: `This test mail confirms that sending through the account "${account.name}" works.\n\n${facts}`,
  }
}
