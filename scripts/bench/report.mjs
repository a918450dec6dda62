// Turns the bench's results (one JSON per figure) into the summary lines a
// script reads and docs/performance.md with its table and an SVG chart of
// delivery throughput against concurrency.

const fmt = (v, d = 2) => (typeof v === "number" ? v.toFixed(d) : "–")
const spread = (s, d = 2) => (s ? `${fmt(s.min, d)}–${fmt(s.max, d)}` : "–")

/** One line per figure, exactly `P1 ratio 0.85 (goal ≥ 0.8)` / `P4 duplicates 0, rss_mb 42`. */
export function summaryLines(results) {
  const lines = []
  const r = results
  if (r.P1) lines.push(`P1 ratio ${fmt(r.P1.ratio.median)} (goal ≥ 0.8)`)
  if (r.P2) lines.push(`P2 ratio ${fmt(r.P2.ratio.median)} (goal ≥ 0.5), vs_new_connection ${fmt(r.P2.vs_naive.median, 1)} (goal ≥ 10)`)
  if (r.P3) lines.push(`P3 ratio ${fmt(r.P3.ratio.median)} (goal ≤ 1.05)`)
  if (r.P4) lines.push(`P4 duplicates ${r.P4.duplicates}, rss_mb ${r.P4.rss_mb}`)
  if (r.P5) lines.push(`P5 ratio ${fmt(r.P5.ratio.median)} (goal ≤ 2)`)
  return lines
}

function verdict(ok) {
  return ok ? "met" : "**missed**"
}

function tableRows(r) {
  const rows = []
  if (r.P1) {
    rows.push([
      "P1 render",
      "baseline time / renderEmail time",
      fmt(r.P1.ratio.median),
      spread(r.P1.ratio),
      "≥ 0.8",
      verdict(r.P1.ratio.median >= 0.8),
      `renderEmail ${fmt(r.P1.plugin_ms.median, 3)} ms (on the calling thread ${fmt(r.P1.blocking_ms.median, 3)} ms), baseline ${fmt(r.P1.baseline_ms.median, 3)} ms; output identical: ${r.P1.identical_output ? "yes" : "NO"}`,
    ])
  }
  if (r.P2) {
    rows.push([
      "P2 delivery",
      "plugin mails/s / bare nodemailer pool mails/s",
      fmt(r.P2.ratio.median),
      spread(r.P2.ratio),
      "≥ 0.5",
      verdict(r.P2.ratio.median >= 0.5),
      `plugin ${fmt(r.P2.plugin_per_s.median, 0)}/s, bare pool ${fmt(r.P2.bare_per_s.median, 0)}/s (pool ${r.P2.pool_size}, concurrency ${r.P2.concurrency}, ${r.P2.mails_per_run} mails per run)`,
    ])
    rows.push([
      "P2 vs new connection",
      "plugin mails/s / new connection per mail",
      fmt(r.P2.vs_naive.median, 1),
      spread(r.P2.vs_naive, 1),
      "≥ 10",
      verdict(r.P2.vs_naive.median >= 10),
      `new connection per mail ${fmt(r.P2.naive_per_s.median, 0)}/s (same concurrency)`,
    ])
  }
  if (r.P3) {
    rows.push([
      "P3 checkout",
      "completeCartWorkflow with / without the plugin",
      fmt(r.P3.ratio.median),
      spread(r.P3.ratio),
      "≤ 1.05",
      verdict(r.P3.ratio.median <= 1.05),
      `with ${fmt(r.P3.with_ms.median, 0)} ms, without ${fmt(r.P3.without_ms.median, 0)} ms (medians of ${r.P3.checkouts_per_side} checkouts per side and run)`,
    ])
  }
  if (r.P4) {
    rows.push([
      "P4 burst",
      `${r.P4.events} order.placed events`,
      `${r.P4.duplicates} duplicates, ${r.P4.rss_mb} MB`,
      "one run",
      "0 duplicates, ≤ 100 MB",
      verdict(r.P4.duplicates === 0 && r.P4.rss_mb <= 100 && r.P4.received >= r.P4.events),
      `${r.P4.received} mails at the server in ${fmt(r.P4.seconds, 1)} s (${fmt(r.P4.mails_per_s, 0)}/s); RSS before ${r.P4.rss_before_mb} MB`,
    ])
  }
  if (r.P5) {
    const parts = Object.entries(r.P5.ratios)
      .map(([k, s]) => `${k} ${fmt(s.median)} (${fmt(r.P5.ms[k].median, 1)} ms)`)
      .join(", ")
    rows.push([
      "P5 log",
      `slowest list route / GET /admin/users/me, ${r.P5.rows.toLocaleString("en")} rows`,
      fmt(r.P5.ratio.median),
      spread(r.P5.ratio),
      "≤ 2",
      verdict(r.P5.ratio.median <= 2),
      `${parts}; trivial ${fmt(r.P5.ms.trivial.median, 1)} ms`,
    ])
  }
  return rows
}

/** Throughput (mails/s) against concurrency: plugin, bare pool, new connection per mail. */
export function throughputSvg(sweep) {
  const W = 640
  const H = 360
  const m = { left: 56, right: 150, top: 24, bottom: 48 }
  const xs = sweep.map((p) => p.concurrency)
  const maxY = Math.max(...sweep.flatMap((p) => [p.plugin, p.bare, p.naive])) * 1.1
  const x = (c) => m.left + ((c - Math.min(...xs)) / Math.max(1, Math.max(...xs) - Math.min(...xs))) * (W - m.left - m.right)
  const y = (v) => H - m.bottom - (v / maxY) * (H - m.top - m.bottom)
  const series = [
    ["plugin", "#2563eb", "plugin (claim, send, record)"],
    ["bare", "#16a34a", "bare nodemailer pool"],
    ["naive", "#dc2626", "new connection per mail"],
  ]
  const ticks = Array.from({ length: 5 }, (_, i) => (maxY / 4) * i)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<title>Delivery throughput against concurrency</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    ...ticks.map((t) => `<line x1="${m.left}" x2="${W - m.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e7eb"/><text x="${m.left - 6}" y="${y(t) + 4}" text-anchor="end">${t.toFixed(0)}</text>`),
    ...xs.map((c) => `<text x="${x(c)}" y="${H - m.bottom + 16}" text-anchor="middle">${c}</text>`),
    `<text x="${(m.left + W - m.right) / 2}" y="${H - 10}" text-anchor="middle">mails sent at the same time (concurrency)</text>`,
    `<text transform="translate(14 ${(H - m.bottom + m.top) / 2}) rotate(-90)" text-anchor="middle">mails per second</text>`,
  ]
  series.forEach(([key, colour, label], i) => {
    const points = sweep.map((p) => `${x(p.concurrency).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ")
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points}"/>`)
    parts.push(...sweep.map((p) => `<circle cx="${x(p.concurrency).toFixed(1)}" cy="${y(p[key]).toFixed(1)}" r="3" fill="${colour}"/>`))
    parts.push(`<rect x="${W - m.right + 12}" y="${m.top + i * 20}" width="12" height="3" fill="${colour}"/><text x="${W - m.right + 30}" y="${m.top + i * 20 + 5}">${label}</text>`)
  })
  parts.push("</svg>")
  return parts.join("\n") + "\n"
}

export function performanceDoc(results, meta) {
  const rows = tableRows(results)
  const table = [
    "| figure | what is compared | median | spread (min–max) | goal | | measured |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n")
  const sweep = results.P2?.sweep
  const sweepTable = sweep
    ? [
        "| concurrency | plugin mails/s | bare pool mails/s | new connection per mail, mails/s |",
        "|---|---|---|---|",
        ...sweep.map((p) => `| ${p.concurrency} | ${fmt(p.plugin, 0)} | ${fmt(p.bare, 0)} | ${fmt(p.naive, 0)} |`),
      ].join("\n")
    : "(P2 was not run)"
  return `# Performance

Written by \`npm run bench\` (scripts/bench.mjs) on ${meta.date}: ${meta.runs} runs per figure,
${meta.machine}. Do not edit by hand; run the bench again.

Every figure is a **ratio against a baseline measured in the same run**, the two sides taking
turns, so it holds on any machine. The absolute times below are from a shared two-core machine
that was running other test suites at the same time (load average ${meta.load}): they are noisy
and much slower than a quiet machine; the ratios are what counts.

${table}

Summary lines (what a script reads):

\`\`\`
${summaryLines(results).join("\n")}
\`\`\`

## How each figure is measured

- **P1 render** (scripts/bench/p1-render.cjs, plain Node, the plugin's sources): \`renderEmail\` (the
  server's path: a worker thread with the render budget) of the shipped German order confirmation
  with 20 line items, subject, HTML in the default layout, text part, signature and greeting with
  staff variables, against a baseline (p1-baseline.cjs) that produces the **byte-identical** mail
  the cheapest way: the same templates compiled once on a plain Handlebars instance, Intl
  formatters and the html-to-text converter built once, no validation, no budget, no worker.
  Ratio = baseline time / plugin time; the table also gives the calling-thread render
  (\`renderEmailBlocking\`), whose ratio is ${results.P1 ? fmt(results.P1.blocking_ratio.median) : "–"}.
- **P2 delivery** (p2-delivery.ts): ${results.P2?.mails_per_run ?? "–"} queued rows with a rendered order confirmation are
  delivered by the module's \`drainOutbox\` (due rows read in one batch, each claimed with
  \`FOR UPDATE SKIP LOCKED\` and a lease, test-mode routing, the account's pooled sender, the
  result recorded) to an in-process smtp-server; baseline: bare nodemailer with a pool of the same
  size (2 connections) sending the same mails with the same concurrency to the same server; and a
  sender that opens a new connection (with AUTH) per mail, same concurrency.
- **P3 checkout** (p3-checkout.ts): \`completeCartWorkflow\` on prepared carts, checkouts with
  the plugin's subscriber attached and detached taking turns one by one in the same app (the
  subscriber is all the plugin adds to a checkout). With it, the next checkout starts once the
  previous order's confirmation is at the server, so the figure is the request path, not the CPU
  the background mail work takes from the next checkout (that is P4's subject).
- **P4 burst** (p4-burst.ts): 1,000 orders written through the order module, then 1,000
  \`order.placed\` events emitted at once on the local event bus; time until 1,000 mails are at
  the server, Message-IDs that arrived twice, peak RSS growth of the process (sampled every 50 ms).
- **P5 log** (p5-log.ts): 100,000 log rows; \`GET /admin/mailer/messages\` by resource id, the
  filtered log page (status, status + event with an offset) and the first log page, against
  \`GET /admin/users/me\`, requests taking turns; ratio of medians per run, the slowest route counts.

## Delivery throughput against concurrency

![Delivery throughput against concurrency](performance-delivery.svg)

One run per point (${sweep ? Math.max(100, Math.round((results.P2.mails_per_run ?? 300) / 2)) : "–"} mails; a third of that for new connections):

${sweepTable}

${meta.notes ?? ""}`
}
