// Where the overview's links go. The sections belong to other screens; their URLs are kept
// here once so a moved page is one edit.
export const MAILER_PATHS = {
  overview: "/settings/mailer",
  setup: "/settings/mailer/setup",
  accounts: "/settings/mailer/accounts",
  templates: "/settings/mailer/templates",
  log: "/settings/mailer/log",
  general: "/settings/mailer/general",
} as const

export const accountPath = (id: string) => `${MAILER_PATHS.accounts}/${id}`

/** The log filtered to one status and a start time (the log keeps its filters in the URL). */
export const logPath = (filters: { status?: string; created_after?: string }) => {
  const params = new URLSearchParams()
  if (filters.status) params.set("status", filters.status)
  if (filters.created_after) params.set("created_after", filters.created_after)
  const search = params.toString()
  return search ? `${MAILER_PATHS.log}?${search}` : MAILER_PATHS.log
}
