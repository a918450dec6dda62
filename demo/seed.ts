// Seeds the demo store (run by demo/dev.mjs through `medusa exec` on a fresh database).
import type { ExecArgs } from "@medusajs/framework/types"
import { writeFileSync } from "node:fs"
import { seedShop } from "../integration-tests/helpers/shop"
import { MAILER_MODULE } from "../src/modules/mailer"
import type MailerModuleService from "../src/modules/mailer/service"

export default async function seedDemo({ container }: ExecArgs) {
  const shop = await seedShop(container, { storeName: "Muster Shop" })
  const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
  await mailer.createAccount({
    name: "Demo-Postfach (lokale Mail-Senke)",
    sender_name: "Muster Shop",
    sender_email: "shop@muster-shop.test",
    host: "127.0.0.1",
    port: Number(process.env.DEMO_SMTP_PORT ?? 1025),
    security: "none",
    auth_required: false,
    greeting: "Mit freundlichen Grüßen\n<MITARBEITER>",
    signature_html: "<p>Muster Shop GmbH · Heidestraße 17 · 51147 Köln<br>Telefon <MITARBEITER_TELEFON> · <MITARBEITER_EMAIL></p>",
    contact_name: "Karla Kundenservice",
    contact_phone: "+49 221 555 0100",
    contact_email: "service@muster-shop.test",
    is_default: true,
    // The demo shows the customer's own mail in the sink; real shops start in test mode.
    test_mode: false,
  })
  writeFileSync(process.env.DEMO_STATE_FILE ?? ".cache/demo.json", JSON.stringify(shop, null, 2))
}
