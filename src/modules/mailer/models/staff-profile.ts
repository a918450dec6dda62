import { model } from "@medusajs/framework/utils"

/**
 * Contact details of an admin user for the signature variables
 * (<MITARBEITER_TELEFON> …). Medusa's user has only name and e-mail.
 */
export const MailerStaffProfile = model
  .define(
    { name: "MailerStaffProfile", tableName: "mailer_staff_profile" },
    {
      id: model.id({ prefix: "mstf" }).primaryKey(),
      user_id: model.text(),
      display_name: model.text().nullable(),
      email: model.text().nullable(),
      phone: model.text().nullable(),
      mobile: model.text().nullable(),
      fax: model.text().nullable(),
      signature_html: model.text().nullable(),
    }
  )
  .indexes([{ on: ["user_id"], unique: true }])
