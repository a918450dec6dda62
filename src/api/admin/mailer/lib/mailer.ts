import type { MedusaRequest } from "@medusajs/framework/http"
import { randomUUID } from "node:crypto"
import { MAILER_MODULE } from "../../../../modules/mailer"
import type MailerModuleService from "../../../../modules/mailer/service"
import type { EntityName } from "./api-messages"
import { notFound } from "./http-errors"

export function mailerOf(req: MedusaRequest): MailerModuleService {
  return req.scope.resolve<MailerModuleService>(MAILER_MODULE)
}

/** The logged-in admin user's id (Medusa authenticates every /admin route). */
export function actorOf(req: MedusaRequest): string {
  const auth = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context
  return auth?.actor_id || "admin"
}

/** A fresh nonce for the idempotency key of a manual send (resend, test mail). */
export function newNonce(): string {
  return randomUUID()
}

/**
 * Runs a generated retrieve and turns "not found" (and ids that cannot exist)
 * into a 404 that names the kind of record.
 */
export async function retrieveOr404<T>(entity: EntityName, id: string, retrieve: () => Promise<T>): Promise<T> {
  try {
    return await retrieve()
  } catch (err) {
    if ((err as { type?: string })?.type === "not_found") throw notFound(entity, id)
    throw err
  }
}

/** Drops keys whose value is undefined, so "not given" never reads as "given". */
export function definedOnly<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>
}
