import { definePolicies } from "@medusajs/framework/utils"

/**
 * The mailer's resources for Medusa's role-based access control (feature flag
 * MEDUSA_FF_RBAC). Medusa loads this file from the plugin's `policies` folder and syncs the
 * policies to the database, where a shop grants them to roles; src/api/middlewares.ts names
 * the policy each admin route needs. The log holds customers' mail, so a shop can let a role
 * see orders without letting it read (or resend) what was mailed, and keep account changes
 * (where mail goes, with which password) to a few people.
 */
export const MAILER_RESOURCES = {
  account: "mailer_account",
  template: "mailer_template",
  message: "mailer_message",
  settings: "mailer_settings",
  staff_profile: "mailer_staff_profile",
} as const

export type MailerResource = (typeof MAILER_RESOURCES)[keyof typeof MAILER_RESOURCES]

export const MAILER_OPERATIONS = ["read", "create", "update", "delete"] as const

const pascal = (text: string) => text.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())

/** ReadMailerAccount, CreateMailerAccount, … (names are global in Medusa: hence the prefix). */
export const MAILER_POLICY_DEFINITIONS = Object.values(MAILER_RESOURCES).flatMap((resource) =>
  MAILER_OPERATIONS.map((operation) => ({
    name: `${pascal(operation)}${pascal(resource)}`,
    resource,
    operation,
    description: `${pascal(operation)} ${resource.replace(/_/g, " ")}`,
  }))
)

export const mailerPolicies = definePolicies(MAILER_POLICY_DEFINITIONS)
