// Places a guest order through the store API, the way a storefront checkout does.
// Usage: npm run demo:order [-- email locale]   (the demo must be running)
import { readFileSync } from "node:fs"

const BASE = process.env.MEDUSA_URL ?? "http://localhost:9000"
const { publishable_key } = JSON.parse(readFileSync(".cache/demo.json", "utf8"))
const [email = "erika@kunde.test", locale = "de-DE"] = process.argv.slice(2)

async function store(path, body) {
  const res = await fetch(`${BASE}/store${path}`, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json", "x-publishable-api-key": publishable_key },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

const { regions } = await store("/regions")
const region = regions.find((r) => r.currency_code === "eur")
const { products } = await store(`/products?region_id=${region.id}`)
const address = { first_name: "Erika", last_name: "Mustermann", address_1: "Heidestraße 17", city: "Köln", postal_code: "51147", country_code: "de" }
const { cart } = await store("/carts", {
  region_id: region.id,
  email,
  locale,
  shipping_address: address,
  billing_address: address,
  items: products.map((p, i) => ({ variant_id: p.variants[0].id, quantity: i + 1 })),
})
const { shipping_options } = await store(`/shipping-options?cart_id=${cart.id}`)
await store(`/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
const { payment_collection } = await store("/payment-collections", { cart_id: cart.id })
await store(`/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
const completed = await store(`/carts/${cart.id}/complete`, {})
if (completed.type !== "order") throw new Error(`checkout failed: ${JSON.stringify(completed.error)}`)
console.log(`Order #${completed.order.display_id} placed for ${email} (${locale}); see the confirmation at http://localhost:1080`)
