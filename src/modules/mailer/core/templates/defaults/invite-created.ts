import type { ShippedTemplates } from "../types"
import { button, CLOSING, heading } from "./partials"

export const INVITE_CREATED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Einladung in den Admin-Bereich von {{store.name}}",
    body_html: `${heading("Sie sind eingeladen")}
<p>Guten Tag,</p>
<p>Sie wurden eingeladen, im Admin-Bereich von <strong>{{store.name}}</strong> mitzuarbeiten. Nehmen Sie die Einladung an und legen Sie Ihr Passwort für <strong>{{invite.email}}</strong> fest:</p>
${button("invite_url", "Einladung annehmen", "Falls der Button nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:")}
<p>{{#if invite.expires_at}}Die Einladung ist bis {{date invite.expires_at "datetime"}} gültig. {{/if}}Haben Sie keine Einladung erwartet, können Sie diese E-Mail ignorieren.</p>
${CLOSING}`,
  },
  en: {
    subject: "Invitation to the {{store.name}} admin",
    body_html: `${heading("You are invited")}
<p>Hello,</p>
<p>you have been invited to join the admin of <strong>{{store.name}}</strong>. Accept the invitation and choose your password for <strong>{{invite.email}}</strong>:</p>
${button("invite_url", "Accept invitation", "If the button does not work, copy this link into your browser:")}
<p>{{#if invite.expires_at}}The invitation is valid until {{date invite.expires_at "datetime"}}. {{/if}}If you did not expect an invitation, you can ignore this e-mail.</p>
${CLOSING}`,
  },
}
