import type { MedusaRequest } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MailerError, MailerLanguage } from "../../../../modules/mailer/core/errors"
import { passwordBoundChanges, type AccountRecord } from "../../../../modules/mailer/lib/account-fields"
import type MailerModuleService from "../../../../modules/mailer/service"
import { ApiError, fieldError, notFound } from "../lib/http-errors"
import { definedOnly, mailerOf, retrieveOr404 } from "../lib/mailer"

/** What the service stores: API-only fields dropped, channel ids in the column's `{ ids }` shape. */
export function toServiceInput(body: Record<string, any>): Record<string, any> {
  const { verify: _verify, test_to: _testTo, sales_channel_ids, ...fields } = body
  const input: Record<string, any> = definedOnly(fields)
  if (sales_channel_ids !== undefined) input.sales_channel_ids = { ids: [...new Set(sales_channel_ids as string[])] }
  return input
}

export async function retrieveAccount(mailer: MailerModuleService, id: string) {
  return retrieveOr404("account", id, () => mailer.retrieveMailerAccount(id)) as Promise<Record<string, any>>
}

/** Sales channel ids must exist: a typo would silently never match an order. */
export async function assertSalesChannels(req: MedusaRequest, ids: string[] | undefined) {
  if (!ids?.length) return
  const channels = await req.scope.resolve(Modules.SALES_CHANNEL).listSalesChannels({ id: ids }, { select: ["id"] })
  const known = new Set(channels.map((c: { id: string }) => c.id))
  const missing = ids.find((id) => !known.has(id))
  if (missing) throw notFound("sales_channel", missing)
}

/** Authentication needs a user name; checked on the account as it would be stored. */
export function assertUsername(merged: Record<string, any>) {
  // XOAUTH2 signs in as the sender address unless a user name is given
  if (merged.auth_required !== false && !merged.username && merged.auth_method !== "oauth2") {
    throw new ApiError("INVALID_DATA", {
      errors: [
        fieldError("username", "USERNAME_REQUIRED", {
          en: '"username" is required when authentication is on; enter the user name or turn authentication off.',
          de: "„username“ ist bei aktivierter Anmeldung erforderlich; tragen Sie den Benutzernamen ein oder schalten Sie die Anmeldung aus.",
        }),
      ],
    })
  }
}

const FIELD_NAMES_DE: Record<string, string> = {
  host: "Server",
  port: "Port",
  security: "Verschlüsselung",
  username: "Benutzername",
  auth_required: "Anmeldung",
}

/**
 * A stored password is only sent to the server it was entered for: changing host, port,
 * security or user name without entering it again is refused (400 PASSWORD_REQUIRED).
 */
export function assertPasswordForConnectionChange(stored: Record<string, any>, input: Record<string, any>) {
  // an OAuth2 account sends no password; its tokens are dropped on such a change (oauth-input.ts)
  if ((input.auth_method ?? stored.auth_method) === "oauth2") return
  const changed = passwordBoundChanges(stored as AccountRecord, input)
  if (!changed.length) return
  const fields = changed.join(", ")
  const fieldsDe = changed.map((f) => FIELD_NAMES_DE[f] ?? f).join(", ")
  throw new ApiError("PASSWORD_REQUIRED", {
    params: { fields, fields_de: fieldsDe },
    errors: [
      fieldError("password", "PASSWORD_REQUIRED", {
        en: `"password" is required because ${fields} changed; enter the password again.`,
        de: `„password“ ist erforderlich, weil sich ${fieldsDe} geändert hat; geben Sie das Passwort erneut ein.`,
      }),
    ],
  })
}

/**
 * "Test and save": connects, authenticates and sends a test mail with the
 * settings as they would be stored. Throws the SMTP error (400 with the error
 * table's hint) so that the caller stores nothing.
 */
export async function testBeforeSave(
  req: MedusaRequest,
  input: Record<string, any>,
  opts: { existingId?: string; to?: string | null; lang: MailerLanguage }
) {
  const check = await mailerOf(req).testAccountSettings(input, opts)
  if (!check.ok) {
    logConnectionFailure(req, "test and save", opts.existingId ?? input.sender_email, check.error)
    throw new ApiError(check.error.code, { status: 400, detail: check.error.message, context: "test" })
  }
  return check
}

/** One warning line for the operator: which account, which error; never a secret. */
export function logConnectionFailure(req: MedusaRequest, what: string, account: string, error: MailerError) {
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  logger.warn(`medusa-plugin-mailer: ${what} for account ${account} failed: ${error.code} (${error.message})`)
}
