import { escapeHtml } from "./html-escape"

/**
 * One-time links (password reset, invitation) never rest in the stored body. The template is
 * rendered with this placeholder in place of the link; the real link is kept sealed (encrypted)
 * on the row and put in only by `deliver`, right before the mail goes out. A mail that waits
 * (paused account, retry) therefore shows every admin reading the log only the placeholder.
 *
 * An absolute https URL on the reserved `.invalid` TLD (RFC 2606): it passes every URL check a
 * template or renderer applies to links, survives HTML escaping and the text conversion
 * unchanged, can never resolve, and tells a reader of the log what happens to it.
 */
export const ONE_TIME_LINK_PLACEHOLDER = "https://link-inserted-when-sent.invalid/"

export interface MailBody {
  html: string
  text: string
}

/** The body with the placeholder replaced by the link: HTML-escaped in the HTML part, as is in the text. */
export function insertOneTimeLink(body: MailBody, link: string): MailBody {
  return {
    html: body.html.split(ONE_TIME_LINK_PLACEHOLDER).join(escapeHtml(link)),
    text: body.text.split(ONE_TIME_LINK_PLACEHOLDER).join(link),
  }
}
