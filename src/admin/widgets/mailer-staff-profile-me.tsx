import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { StaffProfileSection } from "../components/staff-profile-section"

/** Profile page: the logged-in admin's own contact details for the mail signature. */
const MailerStaffProfileMe = () => <StaffProfileSection userId="me" testId="mailer-staff-profile-me" />

export const config = defineWidgetConfig({
  zone: "profile.details.after",
  id: "mailer-staff-profile-me",
})

export default MailerStaffProfileMe
