import type { ShippedTemplates } from "../templates/types"
import type { ContextLoader } from "./types"

/**
 * One definition per event family (in the spirit of Vendure's
 * EmailEventListener), in one file (definitions/<family>.ts): the Medusa
 * events it listens to, each with the Query loader that builds its context,
 * and the template events it mails, with labels, sample context (= the
 * variables the admin lists), shipped templates and how a logged mail is
 * rebuilt for a resend. The catalog, shipped-template map, loader registry,
 * subscriber list and resend map are derived from these.
 */

/** What a logged mail offers to rebuild its event payload: the row's resource and occurrence columns. */
export interface ResendRef {
  resource_id: string
  occurrence: string | null
}

/** The payload for the mail's own event, or null when the log row lacks what it needs. */
export type ResendPayload = (ref: ResendRef) => Record<string, unknown> | null

export interface TemplateEventDefinition {
  /** The template event: what templates, settings.enabled_events and the log's event_name use. */
  name: string
  label_de: string
  label_en: string
  description_de: string
  description_en: string
  /** What the mail is about, stored on the log row (e.g. "order"). */
  resource_type: string
  /** Realistic data in the shape the loader produces: previews, validation, the admin's variable list. */
  sample_context: Record<string, unknown>
  /** The defaults that ship with the plugin, per language. */
  shipped: ShippedTemplates
  /** A one-time secret (reset, invitation token): body removed from the log after sending, never resent. */
  carries_secret_link?: boolean
  /** How to rebuild the payload of its (same-named) Medusa event for a resend; absent: sent again as logged. */
  resend?: ResendPayload
}

export interface MedusaEventOptions {
  /** Builds the mail's context from the event payload through Query (the definition's loader). */
  load: ContextLoader
  /** The payload may carry `no_notification: true` ("do not tell the customer"): the mail is logged as skipped. */
  honours_no_notification?: boolean
}

export interface MailEventDefinition<M extends string = string> {
  /** A short name for the family, e.g. "returns". */
  family: string
  /** The Medusa events the subscriber listens to, each with its loader. */
  medusa_events: Record<M, MedusaEventOptions>
  template_events: TemplateEventDefinition[]
}

/** Checks a definition's shape where it is written (every Medusa event with its loader …). */
export function defineMailEvent<const M extends string>(definition: MailEventDefinition<M>): MailEventDefinition<M> {
  return definition
}

/** Resend payload of an event whose payload is the resource's id (`{ id }`). */
export const byResourceId: ResendPayload = ({ resource_id }) => (resource_id ? { id: resource_id } : null)

/** Resend payload built from the log row's occurrence (fulfillment, return …). */
export function byOccurrence(build: (ref: { resource_id: string; occurrence: string }) => Record<string, unknown>): ResendPayload {
  return ({ resource_id, occurrence }) => (occurrence ? build({ resource_id, occurrence }) : null)
}
