/** The order loader lives in core/events/loaders/order-mail.ts; this path stays for the API's "preview with a real order" check. */
export { loadOrderContext } from "../../modules/mailer/core/events/loaders/order-mail"
