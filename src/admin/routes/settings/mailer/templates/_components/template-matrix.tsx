import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { SalesChannelOption } from "../../../../../lib/api/sales-channels"
import { useMailerLanguage } from "../../../../../lib/client"
import type { MailerEvent, MailerTemplate } from "../../../../../lib/types"
import { EventSwitch } from "./event-switch"
import { MatrixCell } from "./matrix-cell"
import { buildMatrix, localeName } from "./template-model"

/** Events × languages: which template each mail uses, and whether the event mails at all. */
export const TemplateMatrix = ({
  events,
  templates,
  channels,
}: {
  events: MailerEvent[]
  templates: MailerTemplate[]
  channels: SalesChannelOption[]
}) => {
  const { t } = useTranslation("mailer")
  const language = useMailerLanguage()
  const { locales, rows } = buildMatrix(events, templates)

  return (
    <div className="overflow-x-auto">
      <Table data-testid="mailer-template-matrix">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("templates.matrix.event")}</Table.HeaderCell>
            <Table.HeaderCell>{t("templates.matrix.active")}</Table.HeaderCell>
            {locales.map((locale) => (
              <Table.HeaderCell key={locale}>{localeName(locale, language)}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map(({ event, cells }) => (
            <Table.Row key={event.name} data-testid={`mailer-matrix-row-${event.name}`} className="[&_td]:align-top">
              <Table.Cell className="max-w-[360px] py-2">
                <div className="flex flex-col">
                  <Text size="small" weight="plus">
                    {event.label}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle whitespace-normal">
                    {event.description}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle font-mono">
                    {event.name}
                  </Text>
                </div>
              </Table.Cell>
              <Table.Cell className="py-2">
                <EventSwitch event={event} />
              </Table.Cell>
              {cells.map((cell) => (
                <Table.Cell key={cell.locale}>
                  <MatrixCell eventName={event.name} cell={cell} channels={channels} />
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
