import type { MedusaRequest } from "@medusajs/framework/http"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { dayStart, DEFAULT_QUOTA_TIME_ZONE } from "../../../../modules/mailer/core/send-window"
import { sentTodayByAccount } from "../../../../modules/mailer/delivery/send-allowance"
import { mailerOf } from "./mailer"

/**
 * How many mails each account sent today, counted as its daily quota counts them (the day in
 * the plugin option quota_time_zone), for "12 of 50 today": one query for the whole list.
 */
export async function sentTodayOf(req: MedusaRequest, accounts: Record<string, any>[]): Promise<Map<string, number>> {
  const knex = req.scope.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const timeZone = mailerOf(req).pluginOptions.quota_time_zone || DEFAULT_QUOTA_TIME_ZONE
  return sentTodayByAccount(
    knex,
    accounts.map((a) => String(a.id)),
    dayStart(new Date(), timeZone)
  )
}
