import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { canRetryNow } from "../../../../../../modules/mailer/core/give-up"
import { ApiError, requestLanguage, route } from "../../../lib/http-errors"
import { mailerOf, retrieveOr404 } from "../../../lib/mailer"
import { presentMessage } from "../../../lib/present"

/**
 * POST /admin/mailer/messages/:id/retry: "Retry now". A waiting (or paused) mail becomes due
 * now, a failed one goes back to the queue with a fresh retry period; either is delivered at
 * once, as the same row with the same Message-ID. Answers the row after the attempt (sent,
 * queued again with its next attempt, or failed). Sent and skipped mails, a mail being sent
 * right now and one that was never rendered: 409 RETRY_NOT_POSSIBLE ("Send again" instead).
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const message = await retrieveOr404("message", req.params.id, () => mailer.retrieveMailerMessage(req.params.id))
  if (!canRetryNow(message as any)) {
    throw new ApiError("RETRY_NOT_POSSIBLE")
  }
  const result = await mailer.retryMessage(message.id)
  if (!result) {
    // Sent or claimed by the outbox job between the check and the change.
    throw new ApiError("RETRY_NOT_POSSIBLE")
  }
  const after = await mailer.retrieveMailerMessage(message.id)
  res.json({ message: presentMessage(after, requestLanguage(req)) })
})
