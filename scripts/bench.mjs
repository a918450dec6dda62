// `npm run bench`: timings that do not belong in tests. Runs against the built
// plugin (.medusa/server, built first when missing) and an in-process SMTP server.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { performance } from "node:perf_hooks"
import { SMTPServer } from "smtp-server"

const require = createRequire(import.meta.url)
const built = "../.medusa/server/src/modules/mailer"
if (!existsSync(new URL(`${built}/index.js`, import.meta.url))) {
  spawnSync("npx", ["medusa", "plugin:build"], { stdio: "inherit" })
}
const core = (path) => require(new URL(`${built}/${path}`, import.meta.url).pathname)
const { renderEmail, renderEmailBlocking, toStaffExpressions } = core("core/render/index.js")
const { ORDER_PLACED_TEMPLATES } = core("core/templates/defaults/order-placed.js")
const { SAMPLE_ORDER_CONTEXT } = core("core/events/sample-data.js")
const { TransportCache, createTransport } = core("delivery/transport-cache.js")
const { buildMailOptions } = core("core/smtp/build-mail.js")

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
  return `p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${sorted.at(-1).toFixed(3)} ms (n=${samples.length})`
}

function timeEach(n, fn) {
  const samples = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    fn(i)
    samples.push(performance.now() - t)
  }
  return samples
}

const renderInput = (lang) => ({
  template: ORDER_PLACED_TEMPLATES[lang],
  context: SAMPLE_ORDER_CONTEXT,
  locale: lang,
  currency_code: "eur",
  staff: { name: "Karla Kundenservice", phone: "+49 221 555 0100" },
  account: { signature_html: "<p>Telefon <MITARBEITER_TELEFON></p>", greeting: "Mit freundlichen Grüßen\n<MITARBEITER>" },
})

async function timeEachAsync(n, fn) {
  const samples = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    samples.push(performance.now() - t)
  }
  return samples
}

console.log("render order confirmation (de), calling thread:", stats(timeEach(500, () => renderEmailBlocking(renderInput("de")))))
console.log("render order confirmation (en), calling thread:", stats(timeEach(500, () => renderEmailBlocking(renderInput("en")))))
// The server's path: a worker thread with a timeout (the first call starts the worker).
const firstWorkerRender = await timeEachAsync(1, () => renderEmail(renderInput("de")))
console.log("render order confirmation (de), worker, first call:", stats(firstWorkerRender))
console.log("render order confirmation (de), worker:", stats(await timeEachAsync(500, () => renderEmail(renderInput("de")))))
const batch = performance.now()
await Promise.all(Array.from({ length: 200 }, () => renderEmail(renderInput("de"))))
console.log(`render order confirmation (de), worker, 200 at once: ${(performance.now() - batch).toFixed(0)} ms`)

const hostile = "{{!-- ".repeat(40_000) + "{{ ".repeat(40_000)
console.log(`staff placeholders on ${hostile.length} hostile chars:`, stats(timeEach(20, () => toStaffExpressions(hostile, { html: true }))))

async function smtpThroughput(count, pooled) {
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _s, cb) {
      stream.resume()
      stream.on("end", () => {
        received++
        cb()
      })
    },
  })
  await new Promise((r) => server.listen(0, "127.0.0.1", r))
  const account = { id: "macc_bench", host: "127.0.0.1", port: server.server.address().port, security: "none", auth_required: false }
  const transport = pooled
    ? new TransportCache().get(account, () => ({}))
    : null
  const mail = (i) =>
    buildMailOptions({
      from: { name: "Shop", address: "shop@bench.test" },
      envelope: { to: [`kunde${i}@bench.test`], cc: [], bcc: [] },
      subject: "Bestellbestätigung",
      html: "<p>Hallo</p>",
      text: "Hallo",
      messageId: `<bench${i}@bench.test>`,
    })
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    if (pooled) {
      await transport.sendMail(mail(i))
    } else {
      const t = createTransport(account, {}, { pool: false })
      await t.sendMail(mail(i))
      t.close()
    }
  }
  const seconds = (performance.now() - started) / 1000
  transport?.close()
  await new Promise((r) => server.close(r))
  return `${count} mails in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} mails/s (received ${received})`
}

console.log("SMTP, pooled transport (one connection reused):", await smtpThroughput(300, true))
console.log("SMTP, new connection per mail:", await smtpThroughput(50, false))
