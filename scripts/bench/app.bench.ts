/**
 * P2–P5 of `npm run bench` (scripts/bench.mjs runs this file through jest):
 * the whole Medusa app in this process on the embedded PostgreSQL the tests
 * use, the plugin's sources, and an in-process SMTP server (light-sink.ts).
 * Each figure is measured in several runs against a baseline measured in the
 * same run and written as JSON to BENCH_OUT_DIR. Not a test: nothing here
 * asserts a timing; the only expectations are that the work was really done.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { createAdminSession } from "../../integration-tests/helpers/admin"
import { mailerOf, sinkAccount } from "../../integration-tests/helpers/mailer"
import { seedShop, type Shop } from "../../integration-tests/helpers/shop"
import { LightSink } from "./light-sink"
import { checkoutFigure } from "./p3-checkout"
import { deliveryFigure } from "./p2-delivery"
import { logFigure } from "./p5-log"
import { burstFigure } from "./p4-burst"

jest.setTimeout(60 * 60 * 1000)

const OUT = process.env.BENCH_OUT_DIR ?? process.cwd()
const ONLY = (process.env.BENCH_ONLY ?? "P2,P3,P4,P5").split(",")

function save(result: { figure: string }) {
  writeFileSync(join(OUT, `${result.figure}.json`), JSON.stringify(result, null, 2))
  console.log(`${result.figure}: ${JSON.stringify(result)}`)
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new LightSink()
    let port = 0
    let shop: Shop
    let accountId: string

    beforeAll(async () => {
      port = await sink.start()
      const container = getContainer()
      shop = await seedShop(container)
      const account = await mailerOf(container).createAccount(sinkAccount({ port } as never))
      accountId = account.id
    })
    afterAll(async () => {
      await sink.stop()
    })

    const figure = (name: string, fn: () => Promise<void>) => (ONLY.includes(name) ? it : it.skip)(name, fn)

    figure("P3", async () => {
      save(await checkoutFigure(getContainer(), shop, sink))
    })

    figure("P2", async () => {
      save(await deliveryFigure(getContainer(), sink, port, accountId))
    })

    figure("P5", async () => {
      const admin = await createAdminSession(getContainer())
      save(await logFigure(getContainer(), api, admin.headers, accountId))
    })

    figure("P4", async () => {
      save(await burstFigure(getContainer(), shop, sink))
    })
  },
})

