import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createApiKeysWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/**
 * A small German shop built with Medusa's own workflows: region (EUR,
 * Germany, system payment), sales channel, warehouse with manual fulfillment,
 * a shipping option, two products and a publishable key. Used by the tests and
 * the demo seed.
 */
export interface Shop {
  region_id: string
  sales_channel_id: string
  shipping_option_id: string
  variant_ids: string[]
  publishable_key: string
  stock_location_id: string
}

export async function seedShop(container: MedusaContainer, opts: { storeName?: string; channelName?: string } = {}): Promise<Shop> {
  const { result: [salesChannel] } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: opts.channelName ?? "Webshop" }] },
  })
  await nameStore(container, opts.storeName ?? "Muster Shop", salesChannel.id)
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Deutschland", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }] },
  })
  const { result: [profile] } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Standard", type: "default" }] },
  })
  const { stock_location_id, service_zone_id } = await createWarehouse(container, salesChannel.id)
  const { result: [option] } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "DHL Paket",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "2–3 Werktage", code: "standard" },
        prices: [{ currency_code: "eur", amount: 4.9 }, { region_id: region.id, amount: 4.9 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  const variant_ids = await createProducts(container, profile.id, salesChannel.id)
  const publishable_key = await createPublishableKey(container, salesChannel.id)
  return {
    region_id: region.id,
    sales_channel_id: salesChannel.id,
    shipping_option_id: option.id,
    variant_ids,
    publishable_key,
    stock_location_id,
  }
}

async function nameStore(container: MedusaContainer, name: string, salesChannelId: string) {
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { name, default_sales_channel_id: salesChannelId, supported_currencies: [{ currency_code: "eur", is_default: true }] } },
  })
}

async function createWarehouse(container: MedusaContainer, salesChannelId: string) {
  const { result: [location] } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Lager Köln", address: { address_1: "Lagerweg 1", city: "Köln", postal_code: "50667", country_code: "de" } }] },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  const set = await fulfillment.createFulfillmentSets({
    name: `Versand ${location.id}`,
    type: "shipping",
    service_zones: [{ name: "Deutschland", geo_zones: [{ country_code: "de", type: "country" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
  })
  return { stock_location_id: location.id, service_zone_id: set.service_zones[0].id }
}

async function createProducts(container: MedusaContainer, profileId: string, salesChannelId: string) {
  const product = (title: string, handle: string, variant: string, price: number) => ({
    title,
    handle,
    status: "published" as const,
    shipping_profile_id: profileId,
    options: [{ title: "Ausführung", values: [variant] }],
    variants: [
      { title: variant, sku: `${handle}-1`, options: { Ausführung: variant }, manage_inventory: false, prices: [{ amount: price, currency_code: "eur" }] },
    ],
    sales_channels: [{ id: salesChannelId }],
  })
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        product("Espressotasse", `espressotasse-${salesChannelId.slice(-6).toLowerCase()}`, "Weiß / 2er-Set", 14.9),
        product("Kaffeebohnen Hausmischung", `kaffee-${salesChannelId.slice(-6).toLowerCase()}`, "1 kg", 24.5),
      ],
    },
  })
  return result.map((p) => p.variants[0].id)
}

async function createPublishableKey(container: MedusaContainer, salesChannelId: string) {
  const { result: [key] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  return key.token
}

export interface Customer {
  email: string
  first_name: string
  last_name: string
}

export const ADDRESS = { address_1: "Heidestraße 17", city: "Köln", postal_code: "51147", country_code: "de" }

/** Places an order the way a storefront checkout does: cart, shipping, system payment, complete. */
export async function placeOrder(
  container: MedusaContainer,
  shop: Shop,
  customer: Customer,
  opts: { locale?: string; quantities?: number[]; address?: Partial<typeof ADDRESS> & { province?: string } } = {}
): Promise<string> {
  const address = { ...ADDRESS, ...opts.address, first_name: customer.first_name, last_name: customer.last_name }
  const quantities = opts.quantities ?? [2, 1]
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: shop.region_id,
      sales_channel_id: shop.sales_channel_id,
      email: customer.email,
      currency_code: "eur",
      locale: opts.locale,
      shipping_address: address,
      billing_address: address,
      items: shop.variant_ids.map((variant_id, i) => ({ variant_id, quantity: quantities[i] ?? 1 })).filter((i) => i.quantity > 0),
    },
  })
  await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: shop.shipping_option_id }] } })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: (collection as { id: string }).id, provider_id: "pp_system_default" },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  return result.id
}
