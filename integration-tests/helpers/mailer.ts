import type { MedusaContainer } from "@medusajs/framework/types"
import { MAILER_MODULE } from "../../src/modules/mailer"
import type MailerModuleService from "../../src/modules/mailer/service"
import type { SmtpSink } from "./smtp-sink"

export function mailerOf(container: MedusaContainer): MailerModuleService {
  return container.resolve<MailerModuleService>(MAILER_MODULE)
}

/** An account pointing at the in-process sink (plain SMTP, with AUTH). */
export function sinkAccount(sink: SmtpSink, overrides: Record<string, unknown> = {}) {
  return {
    name: "Shop-Postfach",
    sender_name: "Muster Shop",
    sender_email: "shop@muster-shop.test",
    host: "127.0.0.1",
    port: sink.port,
    security: "none",
    auth_required: true,
    username: "shop@muster-shop.test",
    password: "s3cret-Passw0rd!",
    greeting: "Mit freundlichen Grüßen\n<MITARBEITER>",
    signature_html: "<p>Muster Shop GmbH · Telefon <MITARBEITER_TELEFON></p>",
    contact_name: "Karl Kontakt",
    contact_phone: "+49 221 555 0100",
    is_default: true,
    test_mode: false,
    ...overrides,
  }
}

export async function messagesFor(container: MedusaContainer, resourceId: string) {
  return mailerOf(container).listMailerMessages({ resource_id: resourceId }, { order: { created_at: "ASC" } })
}
