import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

export interface MailerMessage {
  id: string
  status: "queued" | "sending" | "sent" | "failed" | "skipped"
  event_name: string
  to: string | null
  subject: string | null
  test_mode: boolean
  error_code: string | null
  error_message: string | null
  error_hint: string | null
  skip_reason: string | null
  created_at: string
  sent_at: string | null
}

interface MessageList {
  messages: MailerMessage[]
  count: number
}

export function useResourceMessages(resourceId: string) {
  return useQuery({
    queryKey: ["mailer-messages", resourceId],
    queryFn: () =>
      sdk.client.fetch<MessageList>("/admin/mailer/messages", {
        query: { resource_id: resourceId, limit: 50 },
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
