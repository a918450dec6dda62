import type { LoadedEmailContext } from "../core/events/types"
import { renderEmail } from "../core/render"
import { staffInfoOf } from "../core/resolve-account"
import type { TemplateSource } from "../core/templates/types"

type Row = Record<string, any>

export interface RenderParts {
  source: TemplateSource
  account: Row | null
  /** The staff member's own profile (signature, phone …), when they have one. */
  profile: Row | undefined
  locale: string
  layout_html: string | null | undefined
}

/** Renders a template for a loaded context as the given account would send it (mails and previews). */
export function renderForAccount(loaded: LoadedEmailContext, parts: RenderParts) {
  const { account, profile } = parts
  return renderEmail({
    template: parts.source,
    context: loaded.context,
    locale: parts.locale,
    currency_code: loaded.currency_code,
    staff: staffInfoOf({ user: loaded.staff_user, profile, contact: account }),
    account: {
      signature_html: profile?.signature_html || account?.signature_html,
      greeting: account?.greeting,
      sender_name: account?.sender_name,
    },
    layout_html: parts.layout_html,
  })
}
