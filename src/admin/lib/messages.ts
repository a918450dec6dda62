import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

export interface MailerMessage {
  id: string
  status: "queued" | "sending" | "sent" | "failed" | "skipped"
  event_name: string
  to: string | null
  subject: string | null
  test_mode: boolean
  /** The error in the language the request asked for (Accept-Language). */
  error: { code: string; message: string; hint: string; detail: string | null } | null
  skip_reason: string | null
  created_at: string
  sent_at: string | null
}

interface MessageList {
  messages: MailerMessage[]
  count: number
}

/** The plugin answers errors and hints in the dashboard's language, not the browser's. */
export function useResourceMessages(resourceId: string, language: "de" | "en") {
  return useQuery({
    queryKey: ["mailer-messages", resourceId, language],
    queryFn: () =>
      sdk.client.fetch<MessageList>("/admin/mailer/messages", {
        query: { resource_id: resourceId, limit: 50 },
        headers: { "accept-language": language },
      }),
  })
}

export function useResendMessage(resourceId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ message: MailerMessage }>(`/admin/mailer/messages/${id}/resend`, { method: "POST", body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: ["mailer-messages", resourceId] }),
  })
}
