import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import MailerNotificationProviderService from "./service"

// medusa-config.ts: modules: [{ resolve: "@medusajs/medusa/notification", options: { providers: [
//   { resolve: "medusa-plugin-mailer/providers/mailer-notification", id: "mailer", options: { channels: ["email"] } },
// ] } }]
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [MailerNotificationProviderService],
})

export { MailerNotificationProviderService }
