import { PencilSquare } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useStaffProfile } from "../lib/api/staff-profiles"
import type { MailerStaffProfile } from "../lib/types"
import { QueryState } from "./query-state"
import { StaffProfileDrawer } from "./staff-profile-drawer"

const ROWS = ["display_name", "email", "phone", "mobile", "fax"] as const

/**
 * A user's contact details for the mail signature (<MITARBEITER>, <MITARBEITER_TELEFON> …),
 * shown on the profile page ("me") and on a user's page; edited in a drawer.
 */
export const StaffProfileSection = ({ userId, testId }: { userId: string; testId: string }) => {
  const { t } = useTranslation("mailer")
  const profile = useStaffProfile(userId)
  const [editing, setEditing] = useState(false)
  const data = profile.data?.staff_profile

  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{t("settings.staffProfile.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("settings.staffProfile.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" disabled={!data} onClick={() => setEditing(true)} data-testid="mailer-staff-profile-edit">
          <PencilSquare />
          {t("actions.edit")}
        </Button>
      </div>
      <QueryState query={profile}>
        {data && <ProfileRows profile={data} />}
      </QueryState>
      {data && (
        <StaffProfileDrawer key={editing ? "open" : "closed"} userId={userId} profile={data} open={editing} onOpenChange={setEditing} />
      )}
    </Container>
  )
}

const ProfileRows = ({ profile }: { profile: MailerStaffProfile }) => {
  const { t } = useTranslation("mailer")
  const value = (field: string) => (typeof profile[field] === "string" && profile[field] ? (profile[field] as string) : "–")
  return (
    <>
      {ROWS.map((field) => (
        <Row key={field} label={t(`settings.staffProfile.fields.${field}`)} value={value(field)} testId={`mailer-staff-profile-${field}`} />
      ))}
      <Row
        label={t("settings.staffProfile.fields.signature_html")}
        value={profile.signature_html ? t("settings.staffProfile.signatureSet") : t("settings.staffProfile.signatureNotSet")}
        testId="mailer-staff-profile-signature_html"
      />
    </>
  )
}

const Row = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <Text size="small" leading="compact" className="break-words" data-testid={testId}>
      {value}
    </Text>
  </div>
)
