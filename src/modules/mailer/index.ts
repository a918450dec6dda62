import { Module } from "@medusajs/framework/utils"
import validateSecretKey from "./loaders/validate-secret-key"
import MailerModuleService from "./service"

export const MAILER_MODULE = "mailer"

export default Module(MAILER_MODULE, {
  service: MailerModuleService,
  loaders: [validateSecretKey],
})

export { MailerModuleService }
export type { MailerPluginOptions } from "./types"
