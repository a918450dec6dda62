// The demo's local mail sink: an SMTP server on 127.0.0.1:1025 that keeps every
// mail under .cache/mail/ as .eml and shows them at http://localhost:1080.
import { simpleParser } from "mailparser"
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import { join } from "node:path"
import { SMTPServer } from "smtp-server"

const escape = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])

export function startMailSink({ dir, smtpPort = 1025, webPort = 1080, log = console.log }) {
  mkdirSync(dir, { recursive: true })
  const smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks = []
      stream.on("data", (c) => chunks.push(c))
      stream.on("end", () => {
        const file = `${new Date().toISOString().replace(/[:.]/g, "-")}-${session.id}.eml`
        writeFileSync(join(dir, file), Buffer.concat(chunks))
        log(`[mail-sink] received ${file} for ${session.envelope.rcptTo.map((r) => r.address).join(", ")}`)
        callback()
      })
    },
  })
  smtp.listen(smtpPort, "127.0.0.1")

  const web = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost")
      const files = readdirSync(dir).filter((f) => f.endsWith(".eml")).sort().reverse()
      if (url.pathname === "/") {
        return send(res, "text/html", await inboxPage(dir, files))
      }
      const name = decodeURIComponent(url.pathname.slice(1).replace(/\/(html|raw)$/, ""))
      if (!files.includes(name)) {
        return send(res, "text/plain", "not found", 404)
      }
      const raw = readFileSync(join(dir, name))
      if (url.pathname.endsWith("/raw")) {
        return send(res, "text/plain; charset=utf-8", raw)
      }
      const mail = await simpleParser(raw)
      if (url.pathname.endsWith("/html")) {
        // Shown inside <iframe sandbox>, so scripts in a mail cannot run.
        return send(res, "text/html; charset=utf-8", mail.html || `<pre>${escape(mail.text)}</pre>`)
      }
      return send(res, "text/html; charset=utf-8", mailPage(name, mail))
    } catch (err) {
      send(res, "text/plain", String(err), 500)
    }
  })
  web.listen(webPort, "127.0.0.1")
  return { close: () => Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => web.close(r))]) }
}

function send(res, type, body, status = 200) {
  res.writeHead(status, { "content-type": type })
  res.end(body)
}

const STYLE = `<style>body{font-family:system-ui,sans-serif;margin:24px;color:#111}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #ddd}a{color:#2563eb}iframe{width:100%;height:70vh;border:1px solid #ddd}pre{white-space:pre-wrap;background:#f6f6f6;padding:12px}</style>`

async function inboxPage(dir, files) {
  const rows = []
  for (const file of files.slice(0, 200)) {
    const mail = await simpleParser(readFileSync(join(dir, file)))
    rows.push(
      `<tr><td>${escape(mail.date?.toLocaleString("de-DE"))}</td><td>${escape(mail.to?.text)}</td><td><a href="/${encodeURIComponent(file)}">${escape(mail.subject)}</a></td></tr>`
    )
  }
  return `<!doctype html><meta charset="utf-8"><title>Demo inbox</title>${STYLE}<meta http-equiv="refresh" content="10">
<h1>Demo inbox</h1><p>${files.length} mail(s) received on 127.0.0.1:1025, stored in .cache/mail/.</p>
<table><tr><th>Date</th><th>To</th><th>Subject</th></tr>${rows.join("") || '<tr><td colspan="3">No mail yet.</td></tr>'}</table>`
}

function mailPage(file, mail) {
  const link = `/${encodeURIComponent(file)}`
  return `<!doctype html><meta charset="utf-8"><title>${escape(mail.subject)}</title>${STYLE}
<p><a href="/">← Inbox</a> · <a href="${link}/raw">Raw</a></p>
<table><tr><th>From</th><td>${escape(mail.from?.text)}</td></tr><tr><th>To</th><td>${escape(mail.to?.text)}</td></tr>
<tr><th>Cc</th><td>${escape(mail.cc?.text)}</td></tr><tr><th>Subject</th><td>${escape(mail.subject)}</td></tr></table>
<h2>HTML</h2><iframe sandbox="" src="${link}/html"></iframe><h2>Text</h2><pre>${escape(mail.text)}</pre>`
}
