import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { performance } from "node:perf_hooks"
import type { Shop } from "../../integration-tests/helpers/shop"
import type { LightSink } from "./light-sink"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { summary, median } = require("./stats.cjs")

/**
 * P3 checkout: completeCartWorkflow with the plugin at work vs without it,
 * same shop, same kind of cart, in the same process, checkouts alternating.
 * "Without" detaches the plugin's one subscriber (mailer-shop-events) from the
 * event bus: the plugin adds nothing else to a checkout (no workflow hooks, no
 * links; its routes are not on this path). With it, every order.placed renders
 * and sends an order confirmation in the background; the next checkout starts
 * once it is out. Only completeCartWorkflow is timed; the carts are prepared before.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const PER_RUN = Number(process.env.BENCH_P3_CHECKOUTS ?? 6)
const SUBSCRIBER_ID = "mailer-shop-events"

const ADDRESS = { first_name: "Erika", last_name: "Mustermann", address_1: "Heidestraße 17", city: "Köln", postal_code: "51147", country_code: "de" }

async function prepareCart(container: MedusaContainer, shop: Shop, n: number): Promise<string> {
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: shop.region_id,
      sales_channel_id: shop.sales_channel_id,
      email: `kunde${n}@bench.test`,
      currency_code: "eur",
      locale: "de-DE",
      shipping_address: ADDRESS,
      billing_address: ADDRESS,
      items: shop.variant_ids.map((variant_id) => ({ variant_id, quantity: 1 })),
    },
  })
  await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: shop.shipping_option_id }] } })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: (collection as { id: string }).id, provider_id: "pp_system_default" },
  })
  return cart.id
}

/** Takes the plugin's subscriber off the local event bus and gives it back. */
function subscriberSwitch(container: MedusaContainer) {
  const bus = container.resolve(Modules.EVENT_BUS) as any
  const emitter = bus.eventEmitter_
  if (!emitter) throw new Error("P3 needs the local event bus (the test runner's)")
  const listener = emitter.listeners("order.placed").find((l: any) => l.subscriberId === SUBSCRIBER_ID)
  if (!listener) throw new Error(`no ${SUBSCRIBER_ID} subscriber on order.placed`)
  return {
    off: () => emitter.off("order.placed", listener),
    on: () => emitter.on("order.placed", listener),
  }
}

let carts = 0

/** One checkout, timed; with the plugin, its mail is out before this returns (see below). */
async function checkout(container: MedusaContainer, sink: LightSink, cartId: string, withPlugin: boolean): Promise<number> {
  const before = sink.received
  const started = performance.now()
  await completeCartWorkflow(container).run({ input: { id: cartId } })
  const ms = performance.now() - started
  // What is measured is the request path: the order's mail is out (rendered, sent, recorded in
  // the background) before the next checkout starts, so its CPU does not land in the next
  // checkout's time on this small machine. P4 is about load.
  if (withPlugin) await sink.waitForCount(before + 1)
  return ms
}

/**
 * One run: PER_RUN pairs of checkouts, with and without the subscriber taking
 * turns checkout by checkout (a slow phase of the shared machine hits both
 * sides alike); the run's figure is the ratio of the two medians.
 */
async function run(container: MedusaContainer, shop: Shop, sink: LightSink, plugin: ReturnType<typeof subscriberSwitch>, first: boolean) {
  const cartIds: string[] = []
  for (let i = 0; i < PER_RUN * 2; i++) cartIds.push(await prepareCart(container, shop, ++carts))
  const times = { with: [] as number[], without: [] as number[] }
  for (let i = 0; i < cartIds.length; i++) {
    const withPlugin = (i % 2 === 0) === first
    if (!withPlugin) plugin.off()
    try {
      times[withPlugin ? "with" : "without"].push(await checkout(container, sink, cartIds[i]!, withPlugin))
    } finally {
      if (!withPlugin) plugin.on()
    }
  }
  return { with: median(times.with), without: median(times.without) }
}

export async function checkoutFigure(container: MedusaContainer, shop: Shop, sink: LightSink) {
  const plugin = subscriberSwitch(container)
  // Warm-up of both paths (render worker start, first SMTP connection, JIT).
  await run(container, shop, sink, plugin, true)
  const runs: Array<{ with: number; without: number }> = []
  for (let r = 0; r < RUNS; r++) runs.push(await run(container, shop, sink, plugin, r % 2 === 0))
  return {
    figure: "P3",
    goal: { ratio: 1.05, op: "<=" },
    ratio: summary(runs.map((m) => m.with / m.without)),
    with_ms: summary(runs.map((m) => m.with)),
    without_ms: summary(runs.map((m) => m.without)),
    checkouts_per_side: PER_RUN,
  }
}
