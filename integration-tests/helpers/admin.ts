import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"

export interface AdminSession {
  user_id: string
  headers: { authorization: string }
}

/** An admin user with a signed JWT, the way Medusa's own HTTP tests authenticate. */
export async function createAdminSession(
  container: MedusaContainer,
  user: { email: string; first_name?: string; last_name?: string } = { email: "admin@shop.test", first_name: "Anna", last_name: "Admin" }
): Promise<AdminSession> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const created = await userModule.createUsers(user)
  const identity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: user.email }],
    app_metadata: { user_id: created.id },
  })
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const token = jwt.sign(
    { actor_id: created.id, actor_type: "user", auth_identity_id: identity.id, app_metadata: { user_id: created.id } },
    config.projectConfig.http.jwtSecret as string,
    { expiresIn: "1d" }
  )
  return { user_id: created.id, headers: { authorization: `Bearer ${token}` } }
}
