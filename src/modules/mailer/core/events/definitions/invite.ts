import { INVITE_CREATED_TEMPLATES } from "../../templates/defaults/invite-created"
import { byResourceId, defineMailEvent } from "../define"
import { tokenFingerprint } from "../../links"
import { loadOne, loadStore, metadataLocale, resolveStaff, storeData } from "../loaders/shared"
import { SAMPLE_INVITE_CONTEXT } from "../sample-data-accounts"
import type { ContextLoader } from "../types"

/** The template event of both invite.created and invite.resent. */
export const INVITE_EVENT = "invite.created"

/**
 * invite.created and invite.resent: payload `{ id }` (create-invites,
 * refresh-invite-tokens); e-mail and token are read from the invite. Both use
 * the invitation template; a resend has a new token, whose fingerprint makes
 * it a new mail. Like a reset token, the invite token only appears inside the
 * link, which is sealed on the outbox row and put into the mail when it is
 * sent (links-context.ts builds it). Medusa records no inviting user, so the
 * account's contact person signs (or the admin who resends the mail from the log).
 */
export const loadInviteContext: ContextLoader = async (input, { query }) => {
  const [invite, store, staff] = await Promise.all([
    loadOne(query, "invite", ["id", "email", "token", "accepted", "expires_at", "metadata"], String(input.data.id)),
    loadStore(query),
    resolveStaff(query, [input.staff_user_id]),
  ])
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
    context: { invite: { email: invite.email, expires_at: invite.expires_at ?? null }, store: storeData(store) },
    staff_user_id: staff?.id ?? null,
    staff_user: staff,
    skip_reason: invite.accepted ? "INVITE_ACCEPTED" : null,
    links: { store_url: true, one_time: { kind: "invite", base: "admin", variable: "invite_url", token: invite.token } },
  }
}

/**
 * An admin invitation: payload `{ id }` of the invite. "Resend invite" in the
 * admin refreshes the token (invite.resent): the invitation goes out again
 * with the same template.
 */
export const INVITE_MAILS = defineMailEvent({
  family: "invite",
  medusa_events: { "invite.created": { load: loadInviteContext }, "invite.resent": { load: loadInviteContext } },
  template_events: [
    {
      name: "invite.created",
      carries_secret_link: true,
      label_de: "Einladung in den Admin-Bereich",
      label_en: "Admin invitation",
      description_de:
        "Wird gesendet, wenn jemand in den Admin-Bereich eingeladen oder die Einladung erneut gesendet wurde; mit dem Link zum Annehmen der Einladung.",
      description_en: "Sent when someone has been invited to the admin, or the invitation is resent, with the link to accept it.",
      resource_type: "invite",
      sample_context: SAMPLE_INVITE_CONTEXT,
      shipped: INVITE_CREATED_TEMPLATES,
      resend: byResourceId,
    },
  ],
})
