import { XMark } from "@medusajs/icons"
import { FocusModal, Heading, IconButton, Kbd, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { QueryState } from "../../../../../components/query-state"
import { useAccount, usePresets } from "../../../../../lib/api/accounts"
import { AccountForm } from "./account-form"

/**
 * Create (`?create=1`) or edit (`?edit=<id>`) in a focus modal over the list, as the dashboard
 * creates its records; the URL makes the form reachable from the overview and the setup wizard.
 */
export function AccountFormModal({ accountId, onClose }: { accountId: string | null; onClose: () => void }) {
  const { t } = useTranslation("mailer")
  const presets = usePresets()
  const account = useAccount(accountId ?? undefined)
  const editing = !!accountId
  const loading = { ...presets, isLoading: presets.isLoading || (editing && account.isLoading), error: presets.error ?? (editing ? account.error : null) }
  const title = editing
    ? t("accounts.form.editTitle", { name: account.data?.account.name ?? "" })
    : t("accounts.form.createTitle")
  return (
    <FocusModal open onOpenChange={(open) => !open && onClose()}>
      <FocusModal.Content data-testid="mailer-account-modal" aria-describedby={undefined}>
        {/* The library's FocusModal.Header has an unnamed close button (axe: button-name). */}
        <div className="border-ui-border-base flex items-center gap-x-2 border-b px-4 py-2">
          <FocusModal.Close asChild>
            <IconButton size="small" type="button" variant="transparent" aria-label={t("actions.close")}>
              <XMark />
            </IconButton>
          </FocusModal.Close>
          <Kbd>esc</Kbd>
        </div>
        <div className="flex flex-col items-center px-4 pt-6">
          <div className="flex w-full max-w-[720px] flex-col gap-y-1">
            <FocusModal.Title asChild>
              <Heading level="h1" data-testid="mailer-account-modal-title">
                {title}
              </Heading>
            </FocusModal.Title>
            <Text size="small" className="text-ui-fg-subtle">
              {t("accounts.form.description")}
            </Text>
          </div>
        </div>
        <QueryState query={loading}>
          {/* Keyed by id so switching accounts starts from that account's values. */}
          <AccountForm
            key={account.data?.account.id ?? "new"}
            account={editing ? account.data?.account : undefined}
            presets={presets.data?.presets ?? []}
            onDone={onClose}
          />
        </QueryState>
      </FocusModal.Content>
    </FocusModal>
  )
}
