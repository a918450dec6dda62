import { absoluteHttpUrl } from "./links"

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
