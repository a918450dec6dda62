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
 * same shop, same carts, in the same process, blocks of checkouts alternating.
 * "Without" detaches the plugin's one subscriber (mailer-shop-events) from the
 * event bus: the plugin adds nothing else to a checkout (no workflow hooks, no
 * links; its routes are not on this path). With it, every order.placed renders
 * and sends an order confirmation in the background; the next checkout starts
 * once it is out. Only completeCartWorkflow is timed; the carts are prepared before.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const PER_BLOCK = Number(process.env.BENCH_P3_CHECKOUTS ?? 6)
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

async function block(container: MedusaContainer, shop: Shop, sink: LightSink, withPlugin: boolean): Promise<number[]> {
  const cartIds: string[] = []
  for (let i = 0; i < PER_BLOCK; i++) cartIds.push(await prepareCart(container, shop, ++carts))
  const times: number[] = []
  for (const id of cartIds) {
    const before = sink.received
    const started = performance.now()
    await completeCartWorkflow(container).run({ input: { id } })
    times.push(performance.now() - started)
    // What is measured is the request path: the previous order's mail is out (rendered, sent,
    // recorded in the background) before the next checkout starts, so its CPU does not land
    // in the next checkout's time on this small machine. See the burst (P4) for load.
    if (withPlugin) await sink.waitForCount(before + 1)
  }
  return times
}

export async function checkoutFigure(container: MedusaContainer, shop: Shop, sink: LightSink) {
  const plugin = subscriberSwitch(container)
  const runs: Array<{ with: number; without: number }> = []
  // Warm-up of both paths (first render worker start, first SMTP connection, JIT).
  await block(container, shop, sink, true)
  plugin.off()
  await block(container, shop, sink, false)
  plugin.on()
  for (let r = 0; r < RUNS; r++) {
    const m = { with: 0, without: 0 }
    const order = r % 2 ? ["without", "with"] : ["with", "without"]
    for (const side of order) {
      if (side === "without") plugin.off()
      try {
        m[side as "with" | "without"] = median(await block(container, shop, sink, side === "with"))
      } finally {
        if (side === "without") plugin.on()
      }
    }
    runs.push(m)
  }
  return {
    figure: "P3",
    goal: { ratio: 1.05, op: "<=" },
    ratio: summary(runs.map((m) => m.with / m.without)),
    with_ms: summary(runs.map((m) => m.with)),
    without_ms: summary(runs.map((m) => m.without)),
    checkouts_per_block: PER_BLOCK,
  }
}
