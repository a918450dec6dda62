import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAILER_MODULE } from "../../modules/mailer"
import { manualIdempotencyKey } from "../../modules/mailer/core/idempotency"
import { buildTestMail } from "../../modules/mailer/core/templates/test-mail"
import type MailerModuleService from "../../modules/mailer/service"
import type { MessageDraft } from "../../modules/mailer/types"

export interface AccountTestDraftInput {
  account_id: string
  /** Recipient; default the account's sender address. */
  to?: string | null
  /** The admin user who asked for the test. */
  user_id: string
  nonce: string
  lang: "de" | "en"
}

export const ACCOUNT_TEST_EVENT = "mailer.test_email"

/** The account's test mail as an outbox draft, sent through that account only. */
export const buildAccountTestDraftStep = createStep(
  "mailer-build-account-test-draft",
  async (input: AccountTestDraftInput, { container }) => {
    const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
    const account = await mailer.retrieveMailerAccount(input.account_id)
    const mail = buildTestMail(input.lang, account)
    const draft: MessageDraft = {
      idempotency_key: manualIdempotencyKey("test", account.id, input.nonce),
      status: "queued",
      event_name: ACCOUNT_TEST_EVENT,
      template_id: null,
      account_id: account.id,
      locale: input.lang,
      resource_type: "account",
      resource_id: account.id,
      to: input.to || account.sender_email,
      from: account.sender_name ? `${account.sender_name} <${account.sender_email}>` : account.sender_email,
      reply_to: account.reply_to ?? null,
      cc: [],
      bcc: [],
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      triggered_by: input.user_id,
      staff_user_id: input.user_id,
    }
    return new StepResponse(draft)
  }
)
