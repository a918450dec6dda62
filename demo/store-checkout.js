// A guest checkout through Medusa's store API, the way a storefront does it.
// Shared by `npm run demo:order` and the admin browser test (CommonJS so both can load it).

/**
 * @param {{ baseUrl: string, publishableKey: string, email: string, locale?: string }} opts
 * @returns {Promise<{ id: string, display_id: number }>} the placed order
 */
async function placeStoreOrder({ baseUrl, publishableKey, email, locale = "de-DE" }) {
  async function store(path, body) {
    const res = await fetch(`${baseUrl}/store${path}`, {
      method: body ? "POST" : "GET",
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
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
  return completed.order
}

module.exports = { placeStoreOrder }
