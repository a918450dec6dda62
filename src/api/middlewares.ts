import { defineMiddlewares } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { MAILER_RESOURCES, type MailerResource } from "../policies/mailer"
import { mailerJsonBody } from "./admin/mailer/lib/json-body"

type Operation = "read" | "create" | "update" | "delete"
type Method = "GET" | "POST" | "DELETE"

const rule = (methods: Method[], matcher: string | RegExp, resource: MailerResource, operation: Operation): MiddlewareRoute => ({
  methods,
  matcher,
  policies: [{ resource, operation }],
})

const { account, template, message, settings, staff_profile } = MAILER_RESOURCES

/**
 * Which policy each admin route needs where Medusa's role-based access control is on
 * (MEDUSA_FF_RBAC; without the flag Medusa ignores `policies`). Reading is separate from
 * changing, so a shop can, for instance, let support read the log but not change accounts.
 * Checks run after Medusa's authentication; a role without the policy gets Medusa's 403.
 *
 * - accounts (and the provider presets that fill the form): read (also the DKIM record and
 *   the DNS check) / create / update (also verify, test mail, generating a DKIM key, OAuth2
 *   connect, its callback and disconnect) / delete
 * - templates (and the event list): read, also a preview, which changes nothing / create /
 *   update (also a test mail) / delete
 * - messages (the log, its export): read / create for a resend (it writes a new message)
 * - settings: read / update
 * - staff profiles of other users: read / update; every admin may read and edit their own
 *   (`/staff-profiles/me`), which holds only their own signature data
 */
export const MAILER_ROUTE_POLICIES: MiddlewareRoute[] = [
  rule(["GET"], "/admin/mailer/accounts", account, "read"),
  rule(["GET"], "/admin/mailer/accounts/*", account, "read"),
  rule(["GET"], "/admin/mailer/presets", account, "read"),
  rule(["POST"], "/admin/mailer/accounts", account, "create"),
  rule(["POST"], "/admin/mailer/accounts/*", account, "update"),
  // deleting the account itself; disconnecting its OAuth2 sign-in is a change of it
  rule(["DELETE"], /^\/admin\/mailer\/accounts\/[^/]+\/?$/, account, "delete"),
  rule(["DELETE"], /^\/admin\/mailer\/accounts\/[^/]+\/oauth\/?$/, account, "update"),
  // OAuth2: the redirect URL to register is read access; the provider's return stores tokens
  rule(["GET"], "/admin/mailer/oauth/redirect-url", account, "read"),
  rule(["GET"], "/admin/mailer/oauth/callback", account, "update"),

  rule(["GET"], "/admin/mailer/templates", template, "read"),
  rule(["GET"], "/admin/mailer/templates/*", template, "read"),
  rule(["GET"], "/admin/mailer/events", template, "read"),
  rule(["POST"], "/admin/mailer/templates/preview", template, "read"),
  rule(["POST"], "/admin/mailer/templates", template, "create"),
  // every template route below /templates/ except the preview
  rule(["POST"], /^\/admin\/mailer\/templates\/(?!preview\/?$)[^/]+(\/.*)?$/, template, "update"),
  rule(["DELETE"], "/admin/mailer/templates/*", template, "delete"),

  rule(["GET"], "/admin/mailer/messages", message, "read"),
  rule(["GET"], "/admin/mailer/messages/*", message, "read"),
  rule(["POST"], "/admin/mailer/messages/*", message, "create"),

  rule(["GET"], "/admin/mailer/settings", settings, "read"),
  rule(["POST"], "/admin/mailer/settings", settings, "update"),

  rule(["GET"], /^\/admin\/mailer\/staff-profiles\/(?!me\/?$)[^/]+\/?$/, staff_profile, "read"),
  rule(["POST"], /^\/admin\/mailer\/staff-profiles\/(?!me\/?$)[^/]+\/?$/, staff_profile, "update"),
]

/**
 * The mailer's admin routes parse their own JSON body (lib/json-body.ts), after
 * Medusa has authenticated the request, so that a broken or oversized body is
 * answered in the API's error shape with a code instead of body-parser's.
 */
export default defineMiddlewares({
  routes: [
    { matcher: "/admin/mailer*", bodyParser: false },
    { matcher: "/admin/mailer", middlewares: [mailerJsonBody] },
    ...MAILER_ROUTE_POLICIES,
  ],
})
