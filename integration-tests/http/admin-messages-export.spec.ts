import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { describeError } from "../../src/modules/mailer/core/errors"
import { createAdminSession } from "../helpers/admin"
import { mailerOf } from "../helpers/mailer"

jest.setTimeout(150_000)

const HEADER = [
  "created_at",
  "status",
  "event_name",
  "to",
  "cc",
  "bcc",
  "subject",
  "account_id",
  "attempts",
  "sent_at",
  "error_code",
  "error_message",
  "error_detail",
  "test_mode",
  "resource_id",
  "message_id",
]

/** RFC 4180 as a spreadsheet reads it: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ",") row.push(cell), (cell = "")
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++
    else cell += c
  }
  return rows
}

/** The log rows, written through the module the way the outbox writes them. */
const ROWS = [
  {
    idempotency_key: "export:1",
    status: "sent",
    event_name: "order.placed",
    to: ["erika@kunde.test"],
    cc: ["buchhaltung@muster-shop.test", "lager@muster-shop.test"],
    bcc: [],
    subject: "Bestellbestätigung Nr. 1042 – Muster Shop",
    html: "<p>GEHEIMER-INHALT</p>",
    text: "GEHEIMER-INHALT",
    account_id: "macc_export_a",
    resource_type: "order",
    resource_id: "order_erika",
    attempts: 1,
    sent_at: new Date("2026-11-30T10:00:05Z"),
    message_id: "<mmsg-1@muster-shop.test>",
    test_mode: false,
  },
  {
    idempotency_key: "export:2",
    status: "failed",
    event_name: "shipment.created",
    to: ["max@kunde.test", "max.zwei@kunde.test"],
    subject: '=HYPERLINK("http://boese.test","Klick")',
    html: "<p>GEHEIMER-INHALT</p>",
    account_id: "macc_export_b",
    resource_type: "order",
    resource_id: "order_max",
    attempts: 3,
    error_code: "SMTP_RECIPIENT_REJECTED",
    error_message: '550 5.1.1 <max@kunde.test>: "unknown user", sorry',
    test_mode: true,
  },
  {
    idempotency_key: "export:3",
    status: "skipped",
    event_name: "order.canceled",
    to: ["@anna@kunde.test"],
    subject: "-10 € Gutschein,\nund +Rabatt",
    account_id: "macc_export_a",
    resource_type: "order",
    resource_id: "order_anna",
    skip_reason: "no_notification",
    test_mode: false,
  },
]

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let auth: Record<string, string>
    const ids: string[] = []

    /** The raw bytes as a browser would save them (axios would drop the byte order mark). */
    async function download(query = "", headers: Record<string, string> = auth) {
      const res = await api.get(`/admin/mailer/messages/export${query}`, {
        headers,
        responseType: "arraybuffer",
        validateStatus: () => true,
      })
      const bytes = Buffer.from(res.data)
      return { res, bytes, text: bytes.toString("utf8") }
    }

    async function exported(query = "", headers?: Record<string, string>) {
      const { res, text } = await download(query, headers)
      expect(res.status).toBe(200)
      const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""))
      expect(header).toEqual(HEADER)
      return rows.map((cells) => Object.fromEntries(HEADER.map((name, i) => [name, cells[i]])))
    }

    beforeAll(async () => {
      auth = (await createAdminSession(getContainer())).headers
      // One by one, so created_at orders them (the export is newest first).
      for (const row of ROWS) {
        const [created] = await mailerOf(getContainer()).createMailerMessages([row] as any)
        ids.push(created.id)
      }
    })

    it("refuses a download without a login", async () => {
      const { res, text } = await download("", {})
      expect(res.status).toBe(401)
      expect(text).not.toContain("erika@kunde.test")
    })

    it("downloads the whole log as a CSV file Excel opens in UTF-8, newest first, without mail bodies", async () => {
      const { res, bytes, text } = await download()
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8")
      expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="mailer-log-\d{4}-\d{2}-\d{2}\.csv"$/)
      expect(res.headers["x-mailer-export-rows"]).toBe("3")
      expect(res.headers["x-mailer-export-total"]).toBe("3")
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(text).not.toContain("GEHEIMER-INHALT")
      expect(text.split("\r\n")[0]).toBe("\uFEFF" + HEADER.join(","))

      const rows = await exported()
      expect(rows.map((r) => r.status)).toEqual(["skipped", "failed", "sent"])
      expect(rows[2]).toMatchObject({
        status: "sent",
        event_name: "order.placed",
        to: "erika@kunde.test",
        cc: "buchhaltung@muster-shop.test, lager@muster-shop.test",
        bcc: "",
        subject: "Bestellbestätigung Nr. 1042 – Muster Shop",
        account_id: "macc_export_a",
        attempts: "1",
        sent_at: "2026-11-30T10:00:05.000Z",
        error_code: "",
        test_mode: "false",
        resource_id: "order_erika",
        message_id: "<mmsg-1@muster-shop.test>",
      })
      expect(rows[2].created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    })

    it("defuses formulas and quotes commas, quotes and line breaks", async () => {
      const rows = await exported()
      // The cells read back exactly, with an apostrophe in front of what a spreadsheet would run.
      expect(rows[1].subject).toBe(`'=HYPERLINK("http://boese.test","Klick")`)
      expect(rows[0].to).toBe("'@anna@kunde.test")
      expect(rows[0].subject).toBe("'-10 € Gutschein,\nund +Rabatt")
      expect(rows[1].error_detail).toBe('550 5.1.1 <max@kunde.test>: "unknown user", sorry')
      const { text } = await download()
      expect(text).toContain(`"'=HYPERLINK(""http://boese.test"",""Klick"")"`)
      expect(text).not.toMatch(/(^|,)=HYPERLINK/m)
    })

    it("applies the log's filters: status, event, account, free text, date range", async () => {
      expect((await exported("?status=failed")).map((r) => r.to)).toEqual(["max@kunde.test, max.zwei@kunde.test"])
      expect((await exported("?status=sent,skipped")).map((r) => r.status)).toEqual(["skipped", "sent"])
      expect((await exported("?event_name=order.placed")).map((r) => r.to)).toEqual(["erika@kunde.test"])
      expect((await exported("?account_id=macc_export_a")).map((r) => r.resource_id)).toEqual(["order_anna", "order_erika"])
      expect((await exported("?resource_id=order_max")).map((r) => r.status)).toEqual(["failed"])
      expect((await exported(`?q=${encodeURIComponent("bestellbestätigung")}`)).map((r) => r.to)).toEqual(["erika@kunde.test"])
      expect(await exported("?created_after=2999-01-01")).toEqual([])
      const second = await mailerOf(getContainer()).retrieveMailerMessage(ids[1])
      const since = new Date(second.created_at).toISOString()
      expect((await exported(`?created_after=${since}`)).map((r) => r.status)).toEqual(["skipped", "failed"])
      const { res } = await download("?status=failed")
      expect(res.headers["x-mailer-export-total"]).toBe("1")
    })

    it("writes the error's text in the admin's language", async () => {
      const german = describeError("SMTP_RECIPIENT_REJECTED", "de").message
      const english = describeError("SMTP_RECIPIENT_REJECTED", "en").message
      expect(german).not.toBe(english)
      expect((await exported("?status=failed"))[0].error_message).toBe(english)
      expect((await exported("?status=failed&language=de"))[0].error_message).toBe(german)
      expect((await exported("?status=failed", { ...auth, "accept-language": "de-DE,de;q=0.9" }))[0].error_message).toBe(german)
    })

    it("answers bad filters and pagination parameters with INVALID_DATA", async () => {
      for (const query of ["?status=lost", "?created_after=gestern", "?limit=5", "?language=fr"]) {
        const { res, text } = await download(query)
        expect(res.status).toBe(400)
        expect(JSON.parse(text)).toMatchObject({ code: "INVALID_DATA" })
      }
    })
  },
})
