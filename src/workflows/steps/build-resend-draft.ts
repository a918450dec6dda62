import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAILER_MODULE } from "../../modules/mailer"
import { manualIdempotencyKey } from "../../modules/mailer/core/idempotency"
import type MailerModuleService from "../../modules/mailer/service"
import type { MessageDraft } from "../../modules/mailer/types"
import { eventPayloadFor, type StoredMessageRef } from "../../modules/mailer/core/events/resend"
import { CONTEXT_LOADERS } from "../context/registry"
import type { LoadedEmailContext, Query } from "../context/types"
import type { DraftOverrides } from "../../modules/mailer/drafts"

export interface ResendDraftInput {
  message_id: string
  /** New recipient; default the original's. */
  to?: string | null
  /** The admin user who resends: triggered_by, and the staff member of the signature. */
  user_id: string
  nonce: string
}

type Original = Record<string, any>

/**
 * The resend of a logged message as a new draft. A mail whose event payload
 * can be rebuilt from the log row (orders, shipments, returns, claims,
 * exchanges, refunds, welcome mails) is rendered again through the event
 * pipeline, with the current template and data and the admin as staff member.
 * Test mails, and mails whose record is gone, are sent again as logged.
 */
export const buildResendDraftStep = createStep(
  "mailer-build-resend-draft",
  async (input: ResendDraftInput, { container }) => {
    const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
    const original: Original = await mailer.retrieveMailerMessage(input.message_id)
    const overrides: DraftOverrides = {
      idempotency_key: manualIdempotencyKey("resend", original.id, input.nonce),
      to: input.to || original.to,
      triggered_by: input.user_id,
      resent_from_id: original.id,
    }
    const loaded = await reload(container, original, input.user_id)
    if (loaded) {
      const draft = await mailer.prepareDraft(loaded, overrides)
      // An admin's resend is sent even when the event is switched off.
      if (draft.status !== "skipped") return new StepResponse(draft)
    }
    return new StepResponse(copyOf(original, overrides, input.user_id))
  }
)

async function reload(container: any, original: Original, userId: string): Promise<LoadedEmailContext | null> {
  const payload = eventPayloadFor(original as StoredMessageRef)
  const loader = payload ? CONTEXT_LOADERS[original.event_name] : undefined
  if (!payload || !loader || !original.resource_id) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as Query
  try {
    const loaded = await loader({ ...payload, staff_user_id: userId }, { query, container })
    return loaded.resource_id === original.resource_id && !loaded.failure ? loaded : null
  } catch {
    // The order (or its shipment, return …) was deleted: the logged content is all there is.
    return null
  }
}

function copyOf(original: Original, overrides: DraftOverrides, userId: string): MessageDraft {
  return {
    idempotency_key: overrides.idempotency_key!,
    status: "queued",
    event_name: original.event_name,
    template_id: original.template_id ?? null,
    account_id: original.account_id ?? null,
    locale: original.locale ?? null,
    resource_type: original.resource_type ?? null,
    resource_id: original.resource_id ?? null,
    to: overrides.to ?? null,
    cc: original.cc ?? [],
    bcc: original.bcc ?? [],
    reply_to: original.reply_to ?? null,
    from: original.from ?? null,
    subject: original.subject ?? null,
    html: original.html ?? null,
    text: original.text ?? null,
    resent_from_id: original.id,
    triggered_by: userId,
    staff_user_id: userId,
  }
}
