import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dkimRecord, TXT_STRING_MAX } from "../../../../../../modules/mailer/core/dns/dkim-record"
import { parseWith, requestLanguage, route } from "../../../lib/http-errors"
import { mailerOf } from "../../../lib/mailer"
import { presentAccount, presentDkim } from "../../../lib/present"
import { retrieveAccount } from "../../account-requests"
import { GenerateDkimBody } from "../../validators"
import { dkimTarget } from "./target"

const PUBLISH_HINT = {
  en: `Publish this TXT record in your domain's DNS. Most DNS panels take the value as one text; where a single string may hold at most ${TXT_STRING_MAX} characters (zone files, some panels), enter the parts in "strings" one after another as separate quoted strings. Mail of this account is signed from now on; receivers can verify it once the record is published.`,
  de: `Legen Sie diesen TXT-Eintrag im DNS Ihrer Domain an. Die meisten DNS-Oberflächen nehmen den Wert als einen Text; wo ein einzelner Text höchstens ${TXT_STRING_MAX} Zeichen lang sein darf (Zonendateien, manche Oberflächen), tragen Sie die Teile aus „strings“ nacheinander als einzelne Texte in Anführungszeichen ein. Mails dieses Kontos werden ab jetzt signiert; Empfänger können die Signatur prüfen, sobald der Eintrag veröffentlicht ist.`,
}

/** GET /admin/mailer/accounts/:id/dkim: the DKIM setup and, when a key is stored, the record to publish again. */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const account = await retrieveAccount(mailer, req.params.id)
  const publicKey = mailer.dkimPublicKeyOf(account as { id: string })
  const record = publicKey && account.dkim_selector && account.dkim_domain ? dkimRecord(account.dkim_selector, account.dkim_domain, publicKey) : null
  res.json({ dkim: presentDkim(account, record) })
})

/**
 * POST /admin/mailer/accounts/:id/dkim `{ selector?, domain? }`: generates a 2048-bit RSA key
 * pair, stores the private key sealed (write-only, like the password; it replaces a pasted
 * key) and answers the TXT record to publish. The private key is in no answer and no log line.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const account = await retrieveAccount(mailer, req.params.id)
  const target = dkimTarget(account, parseWith(GenerateDkimBody, req.body ?? {}), new Date())
  const lang = requestLanguage(req)
  const key = await mailer.generateDkimKey(account.id, target)
  const record = dkimRecord(target.selector, target.domain, key.public_key)
  const updated = await mailer.retrieveMailerAccount(account.id)
  res.json({
    dns_record: record,
    selector: target.selector,
    domain: target.domain,
    hint: PUBLISH_HINT[lang],
    account: { ...presentAccount(updated, lang), dkim: presentDkim(updated, record) },
  })
})
