import { toast } from "@medusajs/ui"
import { MailerApiError } from "./client"

/** A failed request as a toast: the API's sentence, and its hint as what to do next. */
export function toastApiError(err: unknown): void {
  toast.error(err instanceof Error ? err.message : String(err), {
    description: err instanceof MailerApiError ? err.hint ?? undefined : undefined,
  })
}
