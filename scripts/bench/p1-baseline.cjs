// P1's baseline: the order confirmation rendered the cheapest way that gives
// the same mail. Templates precompiled once on a plain Handlebars instance
// (no allow-list, no budget, no validation), Intl formatters and the
// html-to-text converter built once; addresses go through the same
// @fragaria/address-formatter call on every render. p1-render.cjs checks
// that its subject, HTML and text are byte for byte the plugin's.
const Handlebars = require("handlebars")
const { compile: compileToText } = require("html-to-text")
const { format: formatPostalAddress } = require("@fragaria/address-formatter")

const src = (path) => require(`../../src/modules/mailer/${path}`)
const { TEXT_PART_OPTIONS } = src("core/render/text-part.ts")
const { DEFAULT_LAYOUT_HTML } = src("core/render/layout.ts")

function helpers(locale, timeZone) {
  const money = new Map()
  const numberFormat = (currency) => {
    if (!money.has(currency)) money.set(currency, new Intl.NumberFormat(locale, { style: "currency", currency }))
    return money.get(currency)
  }
  const longDate = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone })
  const regions = new Intl.DisplayNames([locale], { type: "region", fallback: "none" })
  const address = (a, options) => {
    if (!a || typeof a !== "object") return ""
    const shop = String(options.data.root.store?.country_code ?? "").toUpperCase()
    const cc = String(a.country_code ?? "").toUpperCase()
    const given = Object.fromEntries(
      Object.entries({
        attention: [a.company, [a.first_name, a.last_name].filter(Boolean).join(" ")].filter(Boolean).join("\n"),
        road: [a.address_1, a.address_2].filter(Boolean).join("\n"),
        postcode: a.postal_code ?? "",
        city: a.city ?? "",
        state: a.province ?? "",
        countryCode: cc,
        country: cc && cc !== shop ? regions.of(cc) ?? "" : "",
      }).filter(([, v]) => v !== "")
    )
    const lines = formatPostalAddress(given, { output: "array" })
      .flatMap((l) => l.split("\n"))
      .map((l) => l.trim())
      .filter(Boolean)
    return new Handlebars.SafeString(lines.map((l) => Handlebars.Utils.escapeExpression(l)).join("<br>"))
  }
  return {
    money: (amount, currency) => numberFormat(String(currency).toUpperCase()).format(Number(amount)),
    date: (value) => longDate.format(new Date(value)),
    gt: (a, b) => Number(a) > Number(b),
    address,
  }
}

/** A render function for one shop (locale, zone, account blocks): context → {subject, html, text}. */
function baselineRenderer({ input, signatureHtml, greetingText }) {
  const hb = Handlebars.create()
  for (const [name, fn] of Object.entries(helpers(input.locale, input.time_zone))) hb.registerHelper(name, fn)
  const subject = hb.compile(input.template.subject, { noEscape: true })
  const body = hb.compile(input.template.body_html)
  const layout = hb.compile(DEFAULT_LAYOUT_HTML)
  const toText = compileToText(TEXT_PART_OPTIONS)
  const signature = new Handlebars.SafeString(signatureHtml)
  const greeting = new Handlebars.SafeString(Handlebars.Utils.escapeExpression(greetingText).replace(/\n/g, "<br>"))
  return (context) => {
    const subjectLine = subject(context).replace(/[\r\n]+/g, " ").trim()
    const bodyHtml = body({ ...context, signature, greeting })
    const html = layout({ _locale: input.locale, _subject: subjectLine, body: bodyHtml })
    return { subject: subjectLine, html, text: toText(bodyHtml).trim() }
  }
}

module.exports = { baselineRenderer }
