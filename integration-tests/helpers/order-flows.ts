import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  beginClaimOrderWorkflow,
  beginExchangeOrderWorkflow,
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  confirmClaimRequestWorkflow,
  confirmExchangeRequestWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  orderClaimAddNewItemWorkflow,
  orderClaimItemWorkflow,
  orderExchangeAddNewItemWorkflow,
  orderExchangeRequestItemReturnWorkflow,
  receiveItemReturnRequestWorkflow,
  refundPaymentWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"

/**
 * What an admin does to an order after checkout, through Medusa's own
 * workflows (the ones the admin API routes call), with the acting admin as
 * `created_by` / `confirmed_by` the way the routes pass `auth_context.actor_id`.
 */

export interface Label {
  tracking_number: string
  tracking_url: string
  label_url: string
}

async function orderLines(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.*"], filters: { id: orderId } })
  return data[0].items.map((i: { id: string; title: string; product_title: string; quantity: unknown }) => ({
    id: i.id,
    title: `${i.product_title ?? ""} ${i.title ?? ""}`,
    quantity: numberOf(i.quantity),
  }))
}

/** Query gives quantities as numbers or BigNumber-like objects. */
function numberOf(value: any): number {
  if (typeof value === "number") return value
  const n = Number(value?.numeric ?? value?.value ?? value?.toJSON?.() ?? value)
  if (!Number.isFinite(n)) throw new Error(`not a quantity: ${JSON.stringify(value)}`)
  return n
}

export interface ShipOptions {
  labels?: Label[]
  created_by?: string
  no_notification?: boolean
  /** Only this line (by title) instead of the whole order. */
  line?: string
}

/** The same line every time (Query does not keep the item order): the first by title. */
async function firstLine(container: MedusaContainer, orderId: string) {
  const lines = await orderLines(container, orderId)
  return [...lines].sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title))[0]
}

async function linesToShip(container: MedusaContainer, orderId: string, line?: string) {
  const lines = await orderLines(container, orderId)
  return line ? lines.filter((l: { title: string }) => l.title.includes(line)) : lines
}

/** Fulfills every line of the order (or one); returns the fulfillment id. */
export async function fulfillOrder(container: MedusaContainer, orderId: string, opts: ShipOptions = {}): Promise<string> {
  const items = (await linesToShip(container, orderId, opts.line)).map(({ id, quantity }: { id: string; quantity: number }) => ({ id, quantity }))
  const { result } = await createOrderFulfillmentWorkflow(container).run({
    input: { order_id: orderId, items, created_by: opts.created_by, no_notification: opts.no_notification },
  })
  return result.id
}

/** Marks the fulfillment as shipped with the given labels (what emits shipment.created). */
export async function shipOrder(container: MedusaContainer, orderId: string, fulfillmentId: string, opts: ShipOptions = {}): Promise<void> {
  const items = (await linesToShip(container, orderId, opts.line)).map(({ id, quantity }: { id: string; quantity: number }) => ({ id, quantity }))
  await createOrderShipmentWorkflow(container).run({
    input: {
      order_id: orderId,
      fulfillment_id: fulfillmentId,
      items,
      labels: opts.labels ?? [],
      created_by: opts.created_by,
      no_notification: opts.no_notification,
    },
  })
}

/** Fulfills and ships the whole order (or one line); returns the fulfillment id. */
export async function fulfillAndShip(container: MedusaContainer, orderId: string, opts: ShipOptions = {}): Promise<string> {
  const fulfillmentId = await fulfillOrder(container, orderId, { created_by: opts.created_by, line: opts.line })
  await shipOrder(container, orderId, fulfillmentId, opts)
  return fulfillmentId
}

export async function markDelivered(container: MedusaContainer, orderId: string, fulfillmentId: string, opts: { no_notification?: boolean } = {}) {
  await markOrderFulfillmentAsDeliveredWorkflow(container).run({
    input: { orderId, fulfillmentId, no_notification: opts.no_notification },
  })
}

export async function cancelOrder(container: MedusaContainer, orderId: string, canceledBy?: string) {
  await cancelOrderWorkflow(container).run({ input: { order_id: orderId, canceled_by: canceledBy } })
}

/** Requests a return of one unit of the order's first line and confirms it (order.return_requested). */
export async function requestReturn(
  container: MedusaContainer,
  orderId: string,
  opts: { created_by?: string; confirmed_by?: string; beforeConfirm?: (returnId: string) => Promise<void> } = {}
): Promise<string> {
  const line = await firstLine(container, orderId)
  const { result: change } = await beginReturnOrderWorkflow(container).run({ input: { order_id: orderId, created_by: opts.created_by } })
  const returnId = (change as { return_id: string }).return_id
  await requestItemReturnWorkflow(container).run({ input: { return_id: returnId, items: [{ id: line.id, quantity: 1 }] } })
  await opts.beforeConfirm?.(returnId)
  await confirmReturnRequestWorkflow(container).run({ input: { return_id: returnId, confirmed_by: opts.confirmed_by } })
  return returnId
}

/** Receives the returned unit and confirms the receipt (order.return_received). */
export async function receiveReturn(container: MedusaContainer, orderId: string, returnId: string, opts: { created_by?: string; confirmed_by?: string } = {}) {
  const line = await firstLine(container, orderId)
  await beginReceiveReturnWorkflow(container).run({ input: { return_id: returnId, created_by: opts.created_by } })
  await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: returnId, items: [{ id: line.id, quantity: 1 }] } })
  await confirmReturnReceiveWorkflow(container).run({ input: { return_id: returnId, confirmed_by: opts.confirmed_by } })
}

/** A "replace" claim for one unit of the first line with a new unit of the given variant; returns the claim id. */
export async function createClaim(
  container: MedusaContainer,
  orderId: string,
  variantId: string,
  opts: { created_by?: string; confirmed_by?: string; beforeConfirm?: (claimId: string) => Promise<void> } = {}
): Promise<string> {
  const line = await firstLine(container, orderId)
  const { result: change } = await beginClaimOrderWorkflow(container).run({
    input: { order_id: orderId, type: "replace" as never, created_by: opts.created_by },
  })
  const claimId = (change as { claim_id: string }).claim_id
  await orderClaimItemWorkflow(container).run({ input: { claim_id: claimId, items: [{ id: line.id, quantity: 1, reason: "production_failure" as never }] } })
  await orderClaimAddNewItemWorkflow(container).run({ input: { claim_id: claimId, items: [{ variant_id: variantId, quantity: 1 }] } })
  await opts.beforeConfirm?.(claimId)
  await confirmClaimRequestWorkflow(container).run({ input: { claim_id: claimId, confirmed_by: opts.confirmed_by } })
  return claimId
}

/** Exchanges one unit of the first line for one unit of the given variant; returns the exchange id. */
export async function createExchange(
  container: MedusaContainer,
  orderId: string,
  variantId: string,
  opts: { created_by?: string; confirmed_by?: string } = {}
): Promise<string> {
  const line = await firstLine(container, orderId)
  const { result: change } = await beginExchangeOrderWorkflow(container).run({ input: { order_id: orderId, created_by: opts.created_by } })
  const exchangeId = (change as { exchange_id: string }).exchange_id
  await orderExchangeRequestItemReturnWorkflow(container).run({
    input: { exchange_id: exchangeId, items: [{ id: line.id, quantity: 1 }] } as never,
  })
  await orderExchangeAddNewItemWorkflow(container).run({ input: { exchange_id: exchangeId, items: [{ variant_id: variantId, quantity: 1 }] } })
  await confirmExchangeRequestWorkflow(container).run({ input: { exchange_id: exchangeId, confirmed_by: opts.confirmed_by } })
  return exchangeId
}

/** The order's payment (authorised at checkout by the system provider). */
export async function paymentOf(container: MedusaContainer, orderId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id: orderId } })
  return data[0].payment_collections[0].payments[0].id
}

/** Captures the order's payment and refunds `amount` of it (payment.refunded); returns the payment id. */
export async function captureAndRefund(container: MedusaContainer, orderId: string, amount: number, createdBy?: string): Promise<string> {
  const paymentId = await paymentOf(container, orderId)
  await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId, captured_by: createdBy } })
  await refundPaymentWorkflow(container).run({ input: { payment_id: paymentId, amount, created_by: createdBy } })
  return paymentId
}
