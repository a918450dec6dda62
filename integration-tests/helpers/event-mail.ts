import type { MedusaContainer } from "@medusajs/framework/types"
import { mailerOf } from "./mailer"
import type { ReceivedMail, SmtpSink } from "./smtp-sink"
import { waitFor } from "./smtp-sink"

type Message = Record<string, any>

/**
 * Waits until the subscriber has handled `event_name` for the resource and
 * the row is settled (sent, failed or skipped), then returns the row.
 */
export async function settledMessage(container: MedusaContainer, filter: { event_name: string; resource_id?: string }): Promise<Message> {
  return waitFor(async () => {
    const rows = await mailerOf(container).listMailerMessages(filter, { order: { created_at: "ASC" } })
    const settled = rows.filter((r) => r.status !== "queued" && r.status !== "sending")
    return settled.length === rows.length && settled.length > 0 ? settled[settled.length - 1] : null
  }, `a settled ${filter.event_name} mail for ${filter.resource_id ?? "any resource"}`)
}

/** Every settled row of the event for the resource, once `count` of them exist. */
export async function settledMessages(container: MedusaContainer, filter: { event_name: string; resource_id?: string }, count: number): Promise<Message[]> {
  return waitFor(async () => {
    const rows = await mailerOf(container).listMailerMessages(filter, { order: { created_at: "ASC" } })
    const settled = rows.filter((r) => r.status !== "queued" && r.status !== "sending")
    return settled.length >= count && settled.length === rows.length ? settled : null
  }, `${count} settled ${filter.event_name} mails`)
}

const bare = (id: unknown) => String(id ?? "").replace(/^<|>$/g, "")

/** The mail the sink received for a sent row (matched by Message-ID). */
export function sinkMailOf(sink: SmtpSink, message: Message): ReceivedMail {
  const mail = sink.mails.find((m) => bare(m.parsed.messageId) === bare(message.message_id))
  if (!mail) {
    throw new Error(`the sink has no mail with Message-ID ${message.message_id} (status ${message.status}, ${message.error_code ?? ""} ${message.error_message ?? ""})`)
  }
  return mail
}

/** Waits for the event's mail and returns row and received mail. */
export async function deliveredMail(
  container: MedusaContainer,
  sink: SmtpSink,
  filter: { event_name: string; resource_id?: string }
): Promise<{ message: Message; mail: ReceivedMail; html: string; text: string }> {
  const message = await settledMessage(container, filter)
  expectSent(message)
  const mail = sinkMailOf(sink, message)
  return { message, mail, html: String(mail.parsed.html), text: String(mail.parsed.text) }
}

function expectSent(message: Message) {
  if (message.status !== "sent") {
    throw new Error(`${message.event_name} was ${message.status}: ${message.skip_reason ?? ""} ${message.error_code ?? ""} ${message.error_message ?? ""}`)
  }
}
