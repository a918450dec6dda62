import { SAMPLE_ORDER, SAMPLE_ORDER_CONTEXT } from "./sample-data"

/**
 * Sample contexts of the order-family events beyond order.placed. Shapes
 * match the loaders in definitions/{fulfillment,returns,claims,payment}.ts.
 */

const CUP = { title: "Espressotasse", variant_title: "Weiß / 2er-Set", sku: "ESP-TASSE-2", quantity: 2 }
const BEANS = { title: "Kaffeebohnen Hausmischung", variant_title: "1 kg", sku: "KAFFEE-1KG", quantity: 1 }

export const SAMPLE_CANCELED_CONTEXT = {
  ...SAMPLE_ORDER_CONTEXT,
  order: { ...SAMPLE_ORDER, status: "canceled", canceled_at: "2026-11-23T16:40:00.000Z" },
}

export const SAMPLE_SHIPMENT = {
  id: "ful_01SAMPLE",
  carrier: "DHL Paket",
  shipped_at: "2026-11-24T14:30:00.000Z",
  delivered_at: null as string | null,
  tracking_numbers: ["00340434161094042557"],
  tracking_links: [
    {
      number: "00340434161094042557",
      url: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557",
    },
  ],
  items: [CUP, BEANS],
}

export const SAMPLE_SHIPMENT_CONTEXT = { ...SAMPLE_ORDER_CONTEXT, shipment: SAMPLE_SHIPMENT }

export const SAMPLE_DELIVERY_CONTEXT = {
  ...SAMPLE_ORDER_CONTEXT,
  shipment: { ...SAMPLE_SHIPMENT, delivered_at: "2026-11-26T11:05:00.000Z" },
}

const SAMPLE_RETURN = {
  id: "return_01SAMPLE",
  display_id: 17,
  status: "requested",
  requested_at: "2026-11-28T09:00:00.000Z",
  received_at: null as string | null,
  refund_amount: 29.8,
  items: [CUP],
  received_items: [] as (typeof CUP)[],
}

export const SAMPLE_RETURN_REQUESTED_CONTEXT = { ...SAMPLE_ORDER_CONTEXT, return: SAMPLE_RETURN }

export const SAMPLE_RETURN_RECEIVED_CONTEXT = {
  ...SAMPLE_ORDER_CONTEXT,
  return: { ...SAMPLE_RETURN, status: "received", received_at: "2026-12-02T13:20:00.000Z", received_items: [CUP] },
}

export const SAMPLE_CLAIM_CONTEXT = {
  ...SAMPLE_ORDER_CONTEXT,
  claim: {
    id: "claim_01SAMPLE",
    display_id: 5,
    type: "replace",
    refund_amount: 0,
    claimed_items: [{ ...CUP, quantity: 1 }],
    new_items: [{ ...CUP, quantity: 1 }],
    return_items: [{ ...CUP, quantity: 1 }],
  },
}

export const SAMPLE_EXCHANGE_CONTEXT = {
  ...SAMPLE_ORDER_CONTEXT,
  exchange: {
    id: "exchange_01SAMPLE",
    display_id: 3,
    difference_due: 0,
    return_items: [{ ...CUP, variant_title: "Weiß / 2er-Set", quantity: 1 }],
    new_items: [{ ...CUP, variant_title: "Schwarz / 2er-Set", quantity: 1 }],
  },
}

export const SAMPLE_REFUND_CONTEXT = {
  ...SAMPLE_ORDER_CONTEXT,
  refund: {
    id: "ref_01SAMPLE",
    amount: 29.8,
    currency_code: "eur",
    note: null as string | null,
    reason: "Retoure",
    created_at: "2026-12-02T15:00:00.000Z",
  },
  payment: { id: "pay_01SAMPLE", amount: 59.2, currency_code: "eur" },
}
