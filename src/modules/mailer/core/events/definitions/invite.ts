import { INVITE_CREATED_TEMPLATES } from "../../templates/defaults/invite-created"
import { byResourceId, defineMailEvent } from "../define"
import { SAMPLE_INVITE_CONTEXT } from "../sample-data-accounts"

/**
 * An admin invitation: payload `{ id }` of the invite. "Resend invite" in the
 * admin refreshes the token (invite.resent): the invitation goes out again
 * with the same template. Loader: workflows/context/invite.ts.
 */
export const INVITE_MAILS = defineMailEvent({
  family: "invite",
  medusa_events: { "invite.created": {}, "invite.resent": {} },
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
