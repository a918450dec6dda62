import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { performance } from "node:perf_hooks"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { summary, median } = require("./stats.cjs")

/**
 * P5 log: the mail log's list route over 100,000 rows (about 3 mails per
 * order over 90 days; 90 % sent, 6 % failed, 4 % queued) vs a trivial admin
 * route (GET /admin/users/me: authentication plus one lookup by primary key),
 * the requests of every route taking turns. The ratio of a route is its median
 * latency over the trivial route's in the same run.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const ROWS = Number(process.env.BENCH_P5_ROWS ?? 100_000)
const REQUESTS = Number(process.env.BENCH_P5_REQUESTS ?? 20)

async function fillLog(knex: Knex, accountId: string): Promise<void> {
  await knex.raw(
    `INSERT INTO mailer_message (id, idempotency_key, status, event_name, account_id, locale, resource_type, resource_id,
       "to", subject, html, text, attempts, test_mode, error_code, sent_at, created_at, updated_at)
     SELECT 'mmsg_p5_' || g, 'p5:' || g,
       CASE WHEN g % 100 < 90 THEN 'sent' WHEN g % 100 < 96 THEN 'failed' ELSE 'queued' END,
       (ARRAY['order.placed','shipment.created','order.canceled','delivery.created'])[1 + g % 4],
       ?, 'de', 'order', 'order_p5_' || (g / 3),
       jsonb_build_array('kunde' || (g / 3) || '@bench.test'),
       'Bestellbestätigung Nr. ' || (g / 3), '<p>Mail ' || g || '</p>', 'Mail ' || g,
       1, false,
       CASE WHEN g % 100 >= 90 AND g % 100 < 96 THEN 'SMTP_PERMANENT' END,
       CASE WHEN g % 100 < 90 THEN now() - (g * interval '77 seconds') END,
       now() - (g * interval '77 seconds'), now() - (g * interval '77 seconds')
     FROM generate_series(1, ?) AS g`,
    [accountId, ROWS]
  )
  // A log that has existed for a while has been vacuumed (autovacuum): its visibility map lets
  // PostgreSQL count from an index; a freshly bulk-loaded table would read every row instead.
  await knex.raw("VACUUM ANALYZE mailer_message")
}

export async function logFigure(container: MedusaContainer, api: any, headers: Record<string, string>, accountId: string) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  await fillLog(knex, accountId)
  const middleOrder = `order_p5_${Math.floor(ROWS / 6)}`
  const routes: Record<string, string> = {
    trivial: "/admin/users/me",
    resource: `/admin/mailer/messages?resource_id=${middleOrder}`,
    filtered: "/admin/mailer/messages?status=failed&limit=20",
    filtered_deep: "/admin/mailer/messages?status=failed&event_name=order.placed&limit=20&offset=200",
    log_page: "/admin/mailer/messages?limit=20",
  }
  const check = await api.get(routes.resource, { headers })
  if (check.data.count !== 3) throw new Error(`expected 3 mails of ${middleOrder}, got ${check.data.count}`)
  const time = async (path: string) => {
    const started = performance.now()
    const res = await api.get(path, { headers })
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    return performance.now() - started
  }
  for (const path of Object.values(routes)) for (let i = 0; i < 5; i++) await time(path)
  const runs: Array<Record<string, number>> = []
  for (let r = 0; r < RUNS; r++) {
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(routes).map((k) => [k, []]))
    for (let i = 0; i < REQUESTS; i++) for (const [name, path] of Object.entries(routes)) samples[name]!.push(await time(path))
    runs.push(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])))
  }
  const named = Object.keys(routes).filter((k) => k !== "trivial")
  const ratios = Object.fromEntries(named.map((k) => [k, summary(runs.map((m) => m[k]! / m.trivial!))]))
  const worst = named.reduce((a, b) => (ratios[a].median >= ratios[b].median ? a : b))
  return {
    figure: "P5",
    goal: { ratio: 2, op: "<=" },
    rows: ROWS,
    ratio: ratios[worst],
    worst_route: worst,
    ratios,
    ms: Object.fromEntries(Object.keys(routes).map((k) => [k, summary(runs.map((m) => m[k]!))])),
    routes,
    requests_per_run: REQUESTS,
  }
}
