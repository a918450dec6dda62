import type { MailEventDefinition } from "../define"
import { PASSWORD_RESET_MAILS } from "./auth"
import { CLAIM_MAILS } from "./claims"
import { CUSTOMER_MAILS } from "./customer"
import { FULFILLMENT_MAILS } from "./fulfillment"
import { INVITE_MAILS } from "./invite"
import { ORDER_MAILS } from "./order"
import { PAYMENT_MAILS } from "./payment"
import { RETURN_MAILS } from "./returns"

/**
 * Every event family the plugin mails for, in the order the admin lists
 * them. Adding an event mail: a definition file here (Medusa events with
 * their loaders, template events, sample context, resend rule) listed below,
 * and its templates under templates/defaults/. See docs/architecture.md.
 */
export const MAIL_EVENTS = [
  ORDER_MAILS,
  FULFILLMENT_MAILS,
  RETURN_MAILS,
  CLAIM_MAILS,
  PAYMENT_MAILS,
  CUSTOMER_MAILS,
  PASSWORD_RESET_MAILS,
  INVITE_MAILS,
] as const satisfies readonly MailEventDefinition[]
