import { defineMiddlewares } from "@medusajs/framework/http"
import { mailerJsonBody } from "./admin/mailer/lib/json-body"

/**
 * The mailer's admin routes parse their own JSON body (lib/json-body.ts), after
 * Medusa has authenticated the request, so that a broken or oversized body is
 * answered in the API's error shape with a code instead of body-parser's.
 */
export default defineMiddlewares({
  routes: [
    { matcher: "/admin/mailer*", bodyParser: false },
    { matcher: "/admin/mailer", middlewares: [mailerJsonBody] },
  ],
})
