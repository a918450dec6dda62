import { Button, Copy, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useFormContext } from "react-hook-form"
import { useTranslation } from "react-i18next"
import {
  useAccountDkim,
  useDnsCheck,
  useGenerateDkimKey,
  type DnsCheckRecord,
  type DnsRecordStatus,
  type DnsTxtRecord,
} from "../../../../../lib/api/accounts"
import type { MailerAccount } from "../../../../../lib/types"
import type { AccountFormValues } from "./form-schema"

const STATUS_COLOR: Record<DnsRecordStatus, "green" | "orange" | "red" | "grey"> = {
  present: "green",
  missing: "orange",
  wrong: "red",
  unchecked: "grey",
}

/**
 * On a saved account: generate a DKIM key (the server keeps the private half) and show the TXT
 * record to publish, and check what the sender domain publishes for SPF, DKIM and DMARC.
 */
export function DkimDnsPanel({ account }: { account: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const dkim = useAccountDkim(account.id)
  const generate = useGenerateDkimKey(account.id)
  const [checking, setChecking] = useState(false)
  const check = useDnsCheck(account.id, checking)
  const prompt = usePrompt()
  const { setValue } = useFormContext<AccountFormValues>()
  const [hint, setHint] = useState<string | null>(null)

  const onGenerate = async () => {
    if (dkim.data?.dkim.has_private_key) {
      const confirmed = await prompt({
        title: t("accounts.dkimDns.replaceTitle"),
        description: t("accounts.dkimDns.replaceDescription"),
        confirmText: t("accounts.dkimDns.generate"),
        cancelText: t("actions.cancel"),
      })
      if (!confirmed) return
    }
    generate.mutate(
      {},
      {
        onSuccess: (res) => {
          // keep the form in step, so saving it afterwards does not write the old selector back
          setValue("dkim_domain", res.domain)
          setValue("dkim_selector", res.selector)
          setHint(res.hint)
          toast.success(t("accounts.dkimDns.generated"))
        },
        onError: (err) => toast.error((err as Error).message),
      }
    )
  }

  const record = generate.data?.dns_record ?? dkim.data?.dkim.public_record ?? null
  return (
    <div className="flex flex-col gap-y-4 border-t pt-4" data-testid="mailer-account-dkim-dns">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" size="small" variant="secondary" isLoading={generate.isPending} onClick={onGenerate} data-testid="mailer-account-generate-dkim">
          {t("accounts.dkimDns.generate")}
        </Button>
        <Button
          type="button"
          size="small"
          variant="secondary"
          isLoading={check.isFetching}
          onClick={() => (checking ? check.refetch() : setChecking(true))}
          data-testid="mailer-account-check-dns"
        >
          {t("accounts.dkimDns.checkDns")}
        </Button>
      </div>
      {record && <RecordToPublish record={record} title={t("accounts.dkimDns.recordTitle")} hint={hint ?? t("accounts.dkimDns.recordHint")} />}
      {check.data && (
        <div className="flex flex-col gap-y-3" data-testid="mailer-account-dns-results">
          {check.data.records.map((r) => (
            <DnsRecordRow key={r.record} record={r} />
          ))}
        </div>
      )}
      {check.error && <Text size="small" className="text-ui-fg-error">{(check.error as Error).message}</Text>}
    </div>
  )
}

function DnsRecordRow({ record }: { record: DnsCheckRecord }) {
  const { t } = useTranslation("mailer")
  return (
    <div className="flex flex-col gap-y-1 rounded-md border p-3" data-testid={`mailer-dns-${record.record}`}>
      <div className="flex items-center gap-x-2">
        <Heading level="h3" className="txt-compact-small-plus">
          {t(`accounts.dkimDns.kind.${record.record}`)}
        </Heading>
        <StatusBadge color={STATUS_COLOR[record.status]}>{t(`accounts.dkimDns.status.${record.status}`)}</StatusBadge>
        {record.name && (
          <Text size="xsmall" className="text-ui-fg-subtle font-mono">
            {record.name}
          </Text>
        )}
      </div>
      <Text size="small">{record.message}</Text>
      <Text size="small" className="text-ui-fg-subtle">
        {record.hint}
      </Text>
      {record.found.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle break-all font-mono">
          {t("accounts.dkimDns.found")}: {record.found.join(" | ")}
        </Text>
      )}
      {record.publish && <RecordToPublish record={record.publish} title={t("accounts.dkimDns.publish")} />}
    </div>
  )
}

function RecordToPublish({ record, title, hint }: { record: DnsTxtRecord; title: string; hint?: string }) {
  const { t } = useTranslation("mailer")
  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md p-3" data-testid="mailer-dns-record">
      <Text size="small" weight="plus">
        {title}
      </Text>
      <Field label={t("accounts.dkimDns.name")} value={record.name} />
      <Field label={t("accounts.dkimDns.type")} value={record.type} />
      <Field label={t("accounts.dkimDns.value")} value={record.value} />
      {hint && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
  )
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-start gap-x-2">
      <Text size="xsmall" className="text-ui-fg-subtle w-12 shrink-0">
        {label}
      </Text>
      <Text size="xsmall" className="break-all font-mono">
        {value}
      </Text>
      <Copy content={value} className="shrink-0" />
    </div>
  )
}
