// P1 render: renderEmail (the server's path: worker thread with the render
// budget) of the shipped order confirmation with 20 line items, subject, HTML
// in the layout, text part and signature, against a baseline doing the same
// work the cheapest way: the same templates precompiled once on a plain
// Handlebars instance, Intl formatters and an html-to-text converter built once.
// Prints one JSON line (the bench's result) on stdout.
require("./register-ts.cjs")
const { performance } = require("node:perf_hooks")
const { summary, median } = require("./stats.cjs")
const { baselineRenderer } = require("./p1-baseline.cjs")

const src = (path) => require(`../../src/modules/mailer/${path}`)
const { renderEmail, renderEmailBlocking, DEFAULT_LAYOUT_HTML } = src("core/render/index.ts")
const { ORDER_PLACED_TEMPLATES } = src("core/templates/defaults/order-placed.ts")
const { SAMPLE_ORDER_CONTEXT } = src("core/events/sample-data.ts")

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const PER_RUN = Number(process.env.BENCH_P1_RENDERS ?? 200)

function orderWithItems(count) {
  const context = JSON.parse(JSON.stringify(SAMPLE_ORDER_CONTEXT))
  const [first, second] = context.order.items
  context.order.items = Array.from({ length: count }, (_, i) => ({
    ...(i % 2 ? second : first),
    id: `ordli_bench_${i}`,
    product_title: `${(i % 2 ? second : first).product_title} ${i + 1}`,
  }))
  context.store = { ...context.store, country_code: "de" }
  context.order.shipping_address = { ...context.order.shipping_address, country_code: "at", city: "Wien", postal_code: "1010" }
  return context
}

const account = {
  signature_html: "<p>Muster Shop GmbH · Telefon <MITARBEITER_TELEFON><br><MITARBEITER></p>",
  greeting: "Mit freundlichen Grüßen\n<MITARBEITER>",
  sender_name: "Muster Shop",
}
const staff = { name: "Karla Kundenservice", phone: "+49 221 555 0100" }
const input = {
  template: ORDER_PLACED_TEMPLATES.de,
  context: orderWithItems(20),
  locale: "de-DE",
  currency_code: "eur",
  time_zone: "Europe/Berlin",
  staff,
  account,
  layout_html: DEFAULT_LAYOUT_HTML,
}

async function timeAsync(n, fn) {
  const started = performance.now()
  for (let i = 0; i < n; i++) await fn()
  return (performance.now() - started) / n
}

function timeSync(n, fn) {
  const started = performance.now()
  for (let i = 0; i < n; i++) fn()
  return (performance.now() - started) / n
}

async function main() {
  const baseline = baselineRenderer({ input, signatureHtml: "<p>Muster Shop GmbH · Telefon +49 221 555 0100<br>Karla Kundenservice</p>", greetingText: "Mit freundlichen Grüßen\nKarla Kundenservice" })
  const ours = await renderEmail(input)
  const theirs = baseline(input.context)
  const same = ours.subject === theirs.subject && ours.html === theirs.html && ours.text === theirs.text
  // Warm-up: JIT, caches, the worker.
  await timeAsync(PER_RUN, () => renderEmail(input))
  timeSync(PER_RUN, () => renderEmailBlocking(input))
  timeSync(PER_RUN, () => baseline(input.context))
  const runs = []
  for (let r = 0; r < RUNS; r++) {
    // Alternate the order so a slow phase of the machine hits both sides.
    const measure = { plugin: 0, blocking: 0, baseline: 0 }
    const steps = [
      async () => (measure.plugin = await timeAsync(PER_RUN, () => renderEmail(input))),
      async () => (measure.blocking = timeSync(PER_RUN, () => renderEmailBlocking(input))),
      async () => (measure.baseline = timeSync(PER_RUN, () => baseline(input.context))),
    ]
    for (const step of r % 2 ? steps.reverse() : steps) await step()
    runs.push(measure)
  }
  const ratios = runs.map((m) => m.baseline / m.plugin)
  const result = {
    figure: "P1",
    goal: { ratio: 0.8, op: ">=" },
    ratio: summary(ratios),
    blocking_ratio: summary(runs.map((m) => m.baseline / m.blocking)),
    plugin_ms: summary(runs.map((m) => m.plugin)),
    blocking_ms: summary(runs.map((m) => m.blocking)),
    baseline_ms: summary(runs.map((m) => m.baseline)),
    renders_per_run: PER_RUN,
    identical_output: same,
    sizes: { html: ours.html.length, text: ours.text.length, baseline_html: theirs.html.length, baseline_text: theirs.text.length },
  }
  console.log(JSON.stringify(result))
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
