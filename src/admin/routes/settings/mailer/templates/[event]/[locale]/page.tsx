import { useTranslation } from "react-i18next"
import { useParams, useSearchParams } from "react-router-dom"
import { TemplateEditor } from "../../_components/template-editor"

/**
 * Settings → E-Mail → Templates → one template:
 * `/settings/mailer/templates/<event>/<locale>[?sales_channel_id=<id>]`. The URL names the
 * place, not a row: it shows the own template there, or the shipped default until one is
 * saved, and stays valid after "reset to default".
 */
const MailerTemplateEditorPage = () => {
  const { event = "", locale = "" } = useParams()
  const [search] = useSearchParams()
  const salesChannelId = search.get("sales_channel_id") || null
  return (
    <div data-testid="mailer-template-editor">
      <TemplateEditor key={`${event}/${locale}/${salesChannelId ?? ""}`} eventName={event} locale={locale} salesChannelId={salesChannelId} />
    </div>
  )
}

const Breadcrumb = () => {
  const { t } = useTranslation("mailer")
  return <>{t("templates.editor.breadcrumb")}</>
}

export const handle = { breadcrumb: () => <Breadcrumb /> }

export default MailerTemplateEditorPage
