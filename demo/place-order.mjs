// Places a guest order in the running demo through the store API.
// Usage: npm run demo:order [-- email locale]
import { readFileSync } from "node:fs"
import checkout from "./store-checkout.js"

const { publishable_key } = JSON.parse(readFileSync(".cache/demo.json", "utf8"))
const [email = "erika@kunde.test", locale = "de-DE"] = process.argv.slice(2)
const order = await checkout.placeStoreOrder({
  baseUrl: process.env.MEDUSA_URL ?? "http://localhost:9000",
  publishableKey: publishable_key,
  email,
  locale,
})
console.log(`Order #${order.display_id} placed for ${email} (${locale}); see the confirmation at http://localhost:1080`)
