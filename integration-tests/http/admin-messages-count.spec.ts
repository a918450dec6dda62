import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { countMessagesUpTo } from "../../src/api/admin/mailer/lib/message-count"
import { toFilters } from "../../src/api/admin/mailer/messages/route"
import { ListMessagesQuery } from "../../src/api/admin/mailer/messages/validators"
import { createAdminSession } from "../helpers/admin"
import { mailerOf } from "../helpers/mailer"

jest.setTimeout(150_000)

/**
 * The log's count is bounded (issue 10, P5): it counts the same rows the list
 * filters select, exactly up to the limit, and says when it stopped there.
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    beforeAll(async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const now = Date.now()
      await knex("mailer_message").insert(
        Array.from({ length: 14 }, (_, i) => ({
          id: `mmsg_count_${i}`,
          idempotency_key: `count:${i}`,
          status: i < 12 ? "sent" : "failed",
          event_name: i % 2 ? "order.placed" : "shipment.created",
          resource_type: "order",
          resource_id: `order_count_${i % 3}`,
          to: JSON.stringify([i === 5 ? "max_power@beispiel.test" : `kunde${i}@beispiel.test`]),
          subject: `Bestellung ${i}`,
          created_at: new Date(now - i * 60_000),
          updated_at: new Date(now),
        }))
      )
    })

    const count = (query: Record<string, string>, limit?: number) =>
      countMessagesUpTo({ scope: getContainer() } as never, ListMessagesQuery.parse(query), limit)

    it("counts exactly what the list filters select, up to the limit", async () => {
      const mailer = mailerOf(getContainer())
      const queries = [{}, { status: "failed" }, { event_name: "order.placed" }, { resource_id: "order_count_1" }, { q: "max_power" }, { q: "%" }, { status: "sent,failed", q: "Bestellung 1" }]
      for (const query of queries) {
        const [, expected] = await mailer.listAndCountMailerMessages(toFilters(ListMessagesQuery.parse(query)), { take: 1 })
        expect({ query, ...(await count(query)) }).toEqual({ query, count: expected, exact: true })
      }
    })

    it("stops at the limit and says so", async () => {
      expect(await count({}, 10)).toEqual({ count: 10, exact: false })
      expect(await count({}, 14)).toEqual({ count: 14, exact: true })
      expect(await count({ status: "failed" }, 10)).toEqual({ count: 2, exact: true })
    })

    it("answers the log page with the bounded count", async () => {
      const admin = await createAdminSession(getContainer())
      const res = await api.get("/admin/mailer/messages?status=sent&limit=5", { headers: admin.headers })
      expect(res.data).toMatchObject({ count: 12, count_exact: true, offset: 0, limit: 5 })
      expect(res.data.messages).toHaveLength(5)
    })
  },
})
