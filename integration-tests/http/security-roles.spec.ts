import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, FeatureFlag, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import jwt from "jsonwebtoken"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { sinkAccount } from "../helpers/mailer"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

// Medusa 2.21's role-based access control is behind a feature flag that must be on before the
// app (and its config, which enables the RBAC module only with the flag) is loaded. The flag
// object belongs to this test file's module registry; the environment variable is what
// Medusa's own flag loader reads later, and is removed again when the file is done.
const previousFlag = process.env.MEDUSA_FF_RBAC
process.env.MEDUSA_FF_RBAC = "true"
FeatureFlag.setFlag("rbac", true)

/** An admin user whose token carries the given RBAC roles, like Medusa's login issues it. */
async function sessionWithRoles(container: MedusaContainer, email: string, roleIds: string[]) {
  const user = await container.resolve(Modules.USER).createUsers({ email })
  const identity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: identity.id, app_metadata: { user_id: user.id, roles: roleIds } },
    config.projectConfig.http.jwtSecret as string,
    { expiresIn: "1h" }
  )
  return { authorization: `Bearer ${token}` }
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()

    beforeAll(() => sink.start())
    afterAll(async () => {
      await sink.stop()
      if (previousFlag === undefined) delete process.env.MEDUSA_FF_RBAC
      else process.env.MEDUSA_FF_RBAC = previousFlag
    })

    /** A role granted exactly the given `resource:operation` policies (as synced from src/policies). */
    async function roleWith(name: string, grants: string[]) {
      const rbac = getContainer().resolve(Modules.RBAC) as any
      const role = await rbac.createRbacRoles({ name })
      const policies = await rbac.listRbacPolicies({})
      const wanted = policies.filter((p: { resource: string; operation: string }) => grants.includes(`${p.resource}:${p.operation}`))
      expect(wanted).toHaveLength(grants.length)
      await rbac.createRbacRolePolicies(wanted.map((p: { id: string }) => ({ role_id: role.id, policy_id: p.id })))
      return role.id as string
    }

    it("registers the mailer's policies: read, create, update, delete per resource", async () => {
      const rbac = getContainer().resolve(Modules.RBAC) as any
      const policies = await rbac.listRbacPolicies({ resource: ["mailer_account", "mailer_template", "mailer_message", "mailer_settings", "mailer_staff_profile"] })
      const keys = policies.map((p: { resource: string; operation: string }) => `${p.resource}:${p.operation}`).sort()
      expect(keys).toEqual(expect.arrayContaining(["mailer_account:read", "mailer_account:update", "mailer_message:read", "mailer_message:create", "mailer_settings:update"]))
      expect(keys).toHaveLength(20)
    })

    it("lets a role read the log only with mailer_message:read, and change accounts only with mailer_account rights", async () => {
      const container = getContainer()
      const support: AdminClient = adminClient(api, await sessionWithRoles(container, "support@shop.test", [await roleWith("Support", ["mailer_message:read"])]))
      const products: AdminClient = adminClient(api, await sessionWithRoles(container, "products@shop.test", [await roleWith("Produkte", ["product:read"])]))
      const mailAdmin: AdminClient = adminClient(
        api,
        await sessionWithRoles(container, "mail@shop.test", [await roleWith("Mail-Admin", ["mailer_account:read", "mailer_account:create", "mailer_message:read"])])
      )

      expect((await support.get("/admin/mailer/messages")).status).toBe(200)
      const denied = await products.get("/admin/mailer/messages")
      expect(denied.status).toBe(403)
      expect(denied.data).toMatchObject({ type: "forbidden", message: expect.stringContaining("mailer_message:read") })
      expect((await products.get("/admin/mailer/messages/export")).status).toBe(403)

      // Reading the log does not allow changing where mail goes.
      expect((await support.get("/admin/mailer/accounts")).status).toBe(403)
      expect((await support.post("/admin/mailer/accounts", sinkAccount(sink))).status).toBe(403)

      const created = await mailAdmin.post("/admin/mailer/accounts", sinkAccount(sink))
      expect(created.status).toBe(200)
      const id = created.data.account.id
      expect((await mailAdmin.get(`/admin/mailer/accounts/${id}`)).status).toBe(200)
      // create is not update: changing or deleting the account needs those policies
      expect((await mailAdmin.post(`/admin/mailer/accounts/${id}`, { name: "Neu" })).status).toBe(403)
      expect((await mailAdmin.delete(`/admin/mailer/accounts/${id}`, { confirm: "shop@muster-shop.test" })).status).toBe(403)
      expect((await mailAdmin.get("/admin/mailer/settings")).status).toBe(403)
    })
  },
})
