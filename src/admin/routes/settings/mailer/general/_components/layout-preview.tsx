import { Label, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { mailerFetch, useMailerLanguage } from "../../../../../lib/client"
import { mailerKeys } from "../../../../../lib/query-keys"
import { renderLayoutSample, type LayoutSample } from "./render-layout-sample"

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * The draft layout around a sample mail, in a sandboxed iframe (no scripts, no same origin).
 * An empty draft means the shipped layout, whose source lives on the server: while the stored
 * layout is the shipped one too, the server renders a sample through the real preview.
 */
export const LayoutPreview = ({ draft, storedIsShipped }: { draft: string; storedIsShipped: boolean }) => {
  const { t } = useTranslation("mailer")
  const sample: LayoutSample = {
    subject: t("settings.layout.sampleSubject"),
    bodyHtml: `<h1>${t("settings.layout.sampleHeading")}</h1><p>${t("settings.layout.sampleText")}</p>`,
    locale: useMailerLanguage(),
  }
  const debouncedDraft = useDebounced(draft, 400)
  const shipped = useShippedLayoutSample(sample, debouncedDraft.trim() === "" && storedIsShipped)
  const html = debouncedDraft.trim() !== "" ? renderLayoutSample(debouncedDraft, sample) : shipped.data?.html ?? null

  return (
    <div className="flex flex-col gap-y-2" data-testid="mailer-settings-layout-preview">
      <Label size="small" weight="plus">
        {t("settings.layout.preview")}
      </Label>
      {html ? (
        <iframe
          sandbox=""
          title={t("settings.layout.preview")}
          srcDoc={html}
          className="bg-ui-bg-base h-[400px] w-full rounded-lg border"
        />
      ) : (
        <Text size="small" className="text-ui-fg-subtle rounded-lg border px-4 py-3">
          {shipped.isLoading ? t("states.loading") : t("settings.layout.previewAfterSave")}
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("settings.layout.previewNote")}
      </Text>
    </div>
  )
}

/** The shipped layout rendered by the server around the sample (POST /templates/preview). */
function useShippedLayoutSample(sample: LayoutSample, enabled: boolean) {
  const language = useMailerLanguage()
  const body = { event_name: "order.placed", subject: sample.subject, body_html: sample.bodyHtml }
  return useQuery({
    queryKey: [...mailerKeys.settings.all, "layout-sample", language, body],
    queryFn: () => mailerFetch<{ html: string }>("/templates/preview", { language, method: "POST", body }),
    enabled,
    retry: false,
  })
}
