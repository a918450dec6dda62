import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { DnsVerdict } from "../../../../../../modules/mailer/core/dns/verdicts"
import type { MailerLanguage } from "../../../../../../modules/mailer/core/errors"
import { ApiError, fieldError, requestLanguage, route } from "../../../lib/http-errors"
import { mailerOf } from "../../../lib/mailer"
import { retrieveAccount } from "../../account-requests"

/**
 * GET /admin/mailer/accounts/:id/dns-check: looks up SPF and DMARC on the sender address's
 * domain and the DKIM key at `<selector>._domainkey.<dkim domain>` (servers: plugin option
 * dns_servers) and answers per record its status (present, missing, wrong, or unchecked when
 * the lookup got no answer), what was found and what to publish, in the request's language
 * with both languages under `texts`. Always 200: the findings are the answer.
 */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const account = await retrieveAccount(mailer, req.params.id)
  const report = await mailer.checkSenderDns(account.id)
  if (!report) {
    throw new ApiError("INVALID_DATA", {
      errors: [
        fieldError("sender_email", "SENDER_DOMAIN_MISSING", {
          en: "The account has no sender address with a domain to check.",
          de: "Das Konto hat keine Absenderadresse mit einer Domain, die geprüft werden könnte.",
        }),
      ],
    })
  }
  const lang = requestLanguage(req)
  res.json({
    domain: report.domain,
    dkim_domain: report.dkim_domain,
    checked_at: new Date().toISOString(),
    records: report.records.map((r) => presentVerdict(r, lang)),
  })
})

function presentVerdict(v: DnsVerdict, lang: MailerLanguage) {
  return {
    record: v.record,
    name: v.name,
    status: v.status,
    code: v.code,
    found: v.found,
    publish: v.publish,
    message: v.message[lang],
    hint: v.hint[lang],
    texts: { de: { message: v.message.de, hint: v.hint.de }, en: { message: v.message.en, hint: v.hint.en } },
  }
}
