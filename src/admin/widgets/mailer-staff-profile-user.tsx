import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminUser, DetailWidgetProps } from "@medusajs/framework/types"
import { StaffProfileSection } from "../components/staff-profile-section"

/** A user's page (Settings → Users): that user's contact details for the mail signature. */
const MailerStaffProfileUser = ({ data: user }: DetailWidgetProps<AdminUser>) => (
  <StaffProfileSection userId={user.id} testId="mailer-staff-profile-user" />
)

export const config = defineWidgetConfig({
  zone: "user.details.after",
  id: "mailer-staff-profile-user",
})

export default MailerStaffProfileUser
