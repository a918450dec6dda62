import { renderLayoutSample } from "../routes/settings/mailer/general/_components/render-layout-sample"

const sample = { subject: "Ihre Bestellung <1042>", bodyHtml: "<p>Inhalt {{order.id}}</p>", locale: "de" }

describe("renderLayoutSample (layout preview while typing)", () => {
  it("puts the sample body where {{{body}}} is and fills subject and language", () => {
    const html = renderLayoutSample('<html lang="{{_locale}}"><title>{{ _subject }}</title><main>{{{ body }}}</main></html>', sample)
    expect(html).toBe('<html lang="de"><title>Ihre Bestellung &lt;1042&gt;</title><main><p>Inhalt {{order.id}}</p></main></html>')
  })

  it("shows the content of block helpers and keeps other variables visible as placeholders", () => {
    const html = renderLayoutSample("{{#if store.logo}}<img>{{else}}<b>{{store.name}}</b>{{/if}}{{! note }}{{{body}}}", sample)
    expect(html).toBe("<img><b>{{store.name}}</b><p>Inhalt {{order.id}}</p>")
  })

  it("leaves the body untouched even when it looks like a layout expression", () => {
    const html = renderLayoutSample("<div>{{{body}}}</div>", { ...sample, bodyHtml: "{{_subject}} {{#each x}}" })
    expect(html).toBe("<div>{{_subject}} {{#each x}}</div>")
  })
})
