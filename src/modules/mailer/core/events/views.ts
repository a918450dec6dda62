import { absoluteHttpUrl } from "../links"

/**
 * Pure shaping of Query results into the template data the catalog's sample
 * contexts describe. No Medusa imports: unit-tested in core/__tests__.
 */

type Row = Record<string, any>

export interface ItemLine {
  title: string
  variant_title: string | null
  sku: string | null
  quantity: number
}

export interface ShipmentView {
  id: string
  carrier: string | null
  shipped_at: string | null
  delivered_at: string | null
  tracking_numbers: string[]
  /** Only labels with a number; `url` only when it is an absolute http(s) URL. */
  tracking_links: { number: string; url: string | null }[]
  items: ItemLine[]
}

/**
 * A fulfillment as the customer sees it: carrier (the shipping option's
 * name), tracking numbers and links. Label URLs (the merchant's printable
 * label) are deliberately not passed on.
 */
export function shipmentView(fulfillment: Row, orderItems: Row[] = []): ShipmentView {
  const labels: Row[] = Array.isArray(fulfillment.labels) ? fulfillment.labels : []
  const tracking_links = labels
    .map((l) => ({ number: text(l.tracking_number), url: absoluteHttpUrl(l.tracking_url) }))
    .filter((l): l is { number: string; url: string | null } => Boolean(l.number))
  const items: Row[] = Array.isArray(fulfillment.items) ? fulfillment.items : []
  return {
    id: fulfillment.id,
    carrier: text(fulfillment.shipping_option?.name) || null,
    shipped_at: fulfillment.shipped_at ?? null,
    delivered_at: fulfillment.delivered_at ?? null,
    tracking_numbers: tracking_links.map((l) => l.number),
    tracking_links,
    items: items.map((i) => {
      const line = orderItems.find((o) => o.id === i.line_item_id)
      return {
        title: text(line?.product_title) || text(i.title) || text(line?.title),
        variant_title: text(line?.variant_title) || null,
        sku: text(i.sku) || text(line?.variant_sku) || null,
        quantity: quantity(i.quantity),
      }
    }),
  }
}

/**
 * Return, claim and exchange items name an order line by `item_id`; the
 * order's items carry the titles (new items of a claim or exchange are order
 * lines too once it is confirmed).
 */
export function itemLines(entries: Row[] | null | undefined, orderItems: Row[] = [], key = "quantity"): ItemLine[] {
  return (entries ?? []).map((entry) => {
    const line = orderItems.find((o) => o.id === entry.item_id) ?? entry.item ?? {}
    return {
      title: text(line.product_title) || text(line.title),
      variant_title: text(line.variant_title) || null,
      sku: text(line.variant_sku) || null,
      quantity: quantity(entry[key]),
    }
  })
}

/** `return` in the template: number, dates, refund and the items (requested and, once in, received). */
export function returnView(ret: Row, orderItems: Row[]) {
  const items = itemLines(ret.items, orderItems)
  const received = itemLines(ret.items, orderItems, "received_quantity").filter((i) => i.quantity > 0)
  return {
    id: ret.id,
    display_id: ret.display_id ?? null,
    status: ret.status ?? null,
    requested_at: ret.requested_at ?? null,
    received_at: ret.received_at ?? null,
    refund_amount: ret.refund_amount ?? null,
    items,
    received_items: received,
  }
}

/**
 * Both relations of a claim read the same table; `is_additional_item` tells
 * the claimed items from the replacements.
 */
export function claimView(claim: Row, orderItems: Row[]) {
  const all: Row[] = [...(claim.claim_items ?? []), ...(claim.additional_items ?? [])]
  const unique = [...new Map(all.map((i) => [i.id ?? `${i.item_id}:${i.is_additional_item}`, i])).values()]
  return {
    id: claim.id,
    display_id: claim.display_id ?? null,
    /** "refund" (money back) or "replace" (new items are sent). */
    type: claim.type ?? null,
    refund_amount: claim.refund_amount ?? null,
    claimed_items: itemLines(unique.filter((i) => !i.is_additional_item), orderItems),
    new_items: itemLines(unique.filter((i) => i.is_additional_item), orderItems),
    return_items: itemLines(claim.return?.items, orderItems),
  }
}

export function exchangeView(exchange: Row, orderItems: Row[]) {
  return {
    id: exchange.id,
    display_id: exchange.display_id ?? null,
    /** > 0: the customer pays the difference; < 0: the shop refunds it. */
    difference_due: exchange.difference_due ?? null,
    return_items: itemLines(exchange.return?.items, orderItems),
    new_items: itemLines(exchange.additional_items, orderItems),
  }
}

/** The refund the `payment.refunded` event is about: the newest one of the payment. */
export function latestRefund<T extends Row>(refunds: T[] | null | undefined): T | null {
  const list = [...(refunds ?? [])]
  list.sort((a, b) => String(b.created_at ?? "").localeCompare(String(a.created_at ?? "")))
  return list[0] ?? null
}

/**
 * Who acted on an order change, most decisive first: the admin who confirmed
 * it, else the one who requested or created it.
 */
export function changeActors(changes: Row[] | null | undefined): string[] {
  const sorted = [...(changes ?? [])].sort((a, b) =>
    String(b.created_at ?? "").localeCompare(String(a.created_at ?? ""))
  )
  return sorted.flatMap((c) => [c.confirmed_by, c.requested_by, c.created_by]).filter(isId)
}

/** The distinct, non-empty ids in order (input.staff_user_id first, then what Medusa recorded). */
export function staffCandidates(...ids: unknown[]): string[] {
  return [...new Set(ids.flat().filter(isId))]
}

function isId(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== ""
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : ""
}

function quantity(value: unknown): number {
  const n = typeof value === "number" ? value : Number((value as Row)?.value ?? value)
  return Number.isFinite(n) ? n : 0
}
