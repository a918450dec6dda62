import { mailerKeys } from "../query-keys"
import type { ListResponse, MailerMessage, MessageStatus } from "../types"
import { useMailerMutation, useMailerQuery } from "./use-mailer"

export interface MessageFilters {
  status?: MessageStatus[]
  event_name?: string
  resource_id?: string
  account_id?: string
  q?: string
  created_after?: string
  created_before?: string
  limit?: number
  offset?: number
}
type MessageList = ListResponse & { messages: MailerMessage[] }

export const useMessages = (filters: MessageFilters, options: { refetchInterval?: number } = {}) =>
  useMailerQuery<MessageList>((l) => mailerKeys.messages.list(l, { ...filters }), "/messages", {
    query: { ...filters },
    refetchInterval: options.refetchInterval,
  })

export const useMessage = (id: string | undefined) =>
  useMailerQuery<{ message: MailerMessage }>((l) => mailerKeys.messages.detail(l, id ?? ""), `/messages/${id}`, {
    enabled: !!id,
  })

export const useResendMessage = () =>
  useMailerMutation<{ id: string; to?: string | null }, { message: MailerMessage }>(
    ({ id, to }) => ({ path: `/messages/${id}/resend`, body: to ? { to } : {} }),
    [mailerKeys.messages.all]
  )

/** "Retry now": the same message, tried at once; answers it after the attempt. */
export const useRetryMessage = () =>
  useMailerMutation<{ id: string }, { message: MailerMessage }>(({ id }) => ({ path: `/messages/${id}/retry` }), [mailerKeys.messages.all])
