import { ONE_TIME_LINK_PLACEHOLDER } from "../../modules/mailer/core/one-time-link"
import { missingLinkFailure } from "./auth"
import { inviteUrl, tokenFingerprint } from "../../modules/mailer/core/links"
import { loadLinkBases, loadStore, metadataLocale, resolveStaff, storeData, toPlainJson } from "./shared"
import type { ContextLoader } from "./types"

/** The template event of both invite.created and invite.resent. */
export const INVITE_EVENT = "invite.created"

/**
 * invite.created and invite.resent: payload `{ id }` (create-invites,
 * refresh-invite-tokens); e-mail and token are read from the invite. Both use
 * the invitation template; a resend has a new token, whose fingerprint makes
 * it a new mail. Like a reset token, the invite token only appears inside the
 * link, which is sealed on the outbox row and put into the mail when it is sent. Medusa records no inviting user, so the account's
 * contact person signs (or the admin who resends the mail from the log).
 */
export const loadInviteContext: ContextLoader = async (input, { query, container }) => {
  const [{ data }, store, links, staff] = await Promise.all([
    query.graph(
      { entity: "invite", fields: ["id", "email", "token", "accepted", "expires_at", "metadata"], filters: { id: String(input.data.id) } },
      { throwIfKeyNotFound: true }
    ),
    loadStore(query),
    loadLinkBases(container),
    resolveStaff(query, [input.staff_user_id]),
  ])
  const invite = toPlainJson(data[0])
  const base = links.admin_url
  return {
    event_name: INVITE_EVENT,
    resource_type: "invite",
    resource_id: invite.id,
    occurrence_id: tokenFingerprint(invite.token),
    recipient: invite.email ?? null,
    sales_channel_id: null,
    locale_candidates: [metadataLocale(invite.metadata)],
    store_locales: store.locales,
    currency_code: null,
    context: {
      invite: { email: invite.email, expires_at: invite.expires_at ?? null },
      invite_url: base ? ONE_TIME_LINK_PLACEHOLDER : "",
      store: storeData(store, links),
    },
    one_time_link: base ? inviteUrl(base, invite.token) : null,
    staff_user_id: staff?.id ?? null,
    staff_user: staff,
    skip_reason: invite.accepted ? "INVITE_ACCEPTED" : null,
    failure: base ? null : missingLinkFailure("admin"),
  }
}
