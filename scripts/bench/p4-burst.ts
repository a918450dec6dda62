import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { performance } from "node:perf_hooks"
import type { Shop } from "../../integration-tests/helpers/shop"
import type { LightSink } from "./light-sink"

/**
 * P4 burst: 1,000 order.placed events at once (orders written through the
 * order module in bulk first: 1,000 checkouts would take the bench half an
 * hour) → the time until 1,000 order confirmations are at the SMTP server,
 * Message-IDs that arrived twice, and the peak growth of this process's
 * resident memory (sampled every 50 ms) over what it used before the burst.
 * Each event goes the whole way: subscriber, inbox, workflow (Query loader,
 * template, render in the worker, outbox row), delivery.
 */
const EVENTS = Number(process.env.BENCH_P4_EVENTS ?? 1000)
const ADDRESS = { first_name: "Erika", last_name: "Mustermann", address_1: "Heidestraße 17", city: "Köln", postal_code: "51147", country_code: "de" }

async function createOrders(container: MedusaContainer, shop: Shop, count: number): Promise<string[]> {
  const orderModule = container.resolve(Modules.ORDER) as any
  const ids: string[] = []
  for (let start = 0; start < count; start += 100) {
    const chunk = Array.from({ length: Math.min(100, count - start) }, (_, i) => ({
      region_id: shop.region_id,
      sales_channel_id: shop.sales_channel_id,
      email: `burst${start + i}@kunde.test`,
      currency_code: "eur",
      locale: "de-DE",
      shipping_address: ADDRESS,
      billing_address: ADDRESS,
      items: [
        { title: "Espressotasse", product_title: "Espressotasse", variant_title: "Weiß / 2er-Set", quantity: 2, unit_price: 14.9 },
        { title: "Kaffeebohnen", product_title: "Kaffeebohnen Hausmischung", variant_title: "1 kg", quantity: 1, unit_price: 24.5 },
      ],
      shipping_methods: [{ name: "DHL Paket", amount: 4.9 }],
    }))
    const created = await orderModule.createOrders(chunk)
    ids.push(...created.map((o: { id: string }) => o.id))
  }
  return ids
}

export async function burstFigure(container: MedusaContainer, shop: Shop, sink: LightSink) {
  const orderIds = await createOrders(container, shop, EVENTS)
  const bus = container.resolve(Modules.EVENT_BUS)
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  let rssPeak = rssBefore
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  }, 50)
  const before = sink.received
  const duplicatesBefore = sink.duplicates()
  const started = performance.now()
  try {
    await bus.emit(orderIds.map((id) => ({ name: "order.placed", data: { id } })))
    await sink.waitForCount(before + EVENTS, 30 * 60 * 1000)
  } finally {
    clearInterval(sampler)
  }
  const seconds = (performance.now() - started) / 1000
  // A late duplicate would arrive after the last first copy: give stragglers a moment.
  await new Promise((r) => setTimeout(r, 2000))
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
  return {
    figure: "P4",
    goal: { duplicates: 0, rss_mb: 100 },
    events: EVENTS,
    seconds,
    mails_per_s: EVENTS / seconds,
    received: sink.received - before,
    duplicates: sink.duplicates() - duplicatesBefore,
    rss_mb: mb(rssPeak - rssBefore),
    rss_before_mb: mb(rssBefore),
  }
}
