import { mailerKeys } from "../query-keys"
import type { MailerStaffProfile } from "../types"
import { useMailerMutation, useMailerQuery } from "./use-mailer"

export type StaffProfileInput = Partial<Omit<MailerStaffProfile, "user_id">>

/** `userId` "me" is the logged-in admin. */
export const useStaffProfile = (userId: string) =>
  useMailerQuery<{ staff_profile: MailerStaffProfile }>(
    (l) => mailerKeys.staffProfiles.detail(l, userId),
    `/staff-profiles/${userId}`
  )

export const useUpdateStaffProfile = (userId: string) =>
  useMailerMutation<StaffProfileInput, { staff_profile: MailerStaffProfile }>(
    (body) => ({ path: `/staff-profiles/${userId}`, body }),
    [mailerKeys.staffProfiles.all]
  )
