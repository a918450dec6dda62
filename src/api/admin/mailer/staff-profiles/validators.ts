import { z } from "@medusajs/framework/zod"
import { email, nullable, text } from "../lib/schemas"

/** Contact details for the signature variables; null (or "") clears a field. */
export const StaffProfileBody = z
  .object({
    display_name: nullable(text(200)),
    email: nullable(email()),
    phone: nullable(text(50)),
    mobile: nullable(text(50)),
    fax: nullable(text(50)),
    signature_html: nullable(text(65536)),
  })
  .strict()
