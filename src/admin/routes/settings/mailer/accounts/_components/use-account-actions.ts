import { toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useDeleteAccount, useUpdateAccount, useVerifyAccount } from "../../../../../lib/api/accounts"
import { MailerApiError } from "../../../../../lib/client"
import type { MailerAccount } from "../../../../../lib/types"

/** "What you can do" plus the server's reply, for a toast's description. */
export function errorDescription(hint?: string | null, detail?: string | null): string | undefined {
  return [hint, detail].filter(Boolean).join(" — ") || undefined
}

export function toastApiError(error: unknown) {
  const apiError = error instanceof MailerApiError ? error : null
  toast.error(error instanceof Error ? error.message : String(error), {
    description: errorDescription(apiError?.hint, apiError?.detail),
  })
}

/**
 * The actions on a saved account, shared by the list's row menu and the edit form: verify the
 * connection, make it the default, delete it (the merchant types the sender address first).
 * Every action ends in a toast.
 */
export function useAccountActions(account: MailerAccount, onDeleted?: () => void) {
  const { t } = useTranslation("mailer")
  const prompt = usePrompt()
  const verify = useVerifyAccount(account.id)
  const update = useUpdateAccount(account.id)
  const remove = useDeleteAccount(account.id)

  const verifyConnection = () =>
    verify.mutate(undefined, {
      onSuccess: (result) =>
        result.ok
          ? toast.success(t("accounts.toast.verified", { name: account.name }))
          : toast.error(result.message ?? t("accounts.toast.verifyFailed"), {
              description: errorDescription(result.hint, result.detail),
            }),
      onError: toastApiError,
    })

  const makeDefault = () =>
    update.mutate(
      { is_default: true },
      {
        onSuccess: () => toast.success(t("accounts.toast.madeDefault", { name: account.name })),
        onError: toastApiError,
      }
    )

  const deleteAccount = async () => {
    const confirmed = await prompt({
      title: t("accounts.delete.title", { name: account.name }),
      description: t("accounts.delete.description", { email: account.sender_email }),
      verificationText: account.sender_email,
      verificationInstruction: t("accounts.delete.instruction"),
      confirmText: t("actions.delete"),
      cancelText: t("actions.cancel"),
      variant: "danger",
    })
    if (!confirmed) return
    remove.mutate(
      { confirm: account.sender_email },
      {
        onSuccess: () => {
          toast.success(t("accounts.toast.deleted", { name: account.name }))
          onDeleted?.()
        },
        onError: toastApiError,
      }
    )
  }

  return {
    verifyConnection,
    makeDefault,
    deleteAccount,
    isVerifying: verify.isPending,
    isMakingDefault: update.isPending,
    isDeleting: remove.isPending,
  }
}
