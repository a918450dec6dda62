import type { LoadedEmailContext } from "../core/events/types"
import type { DraftReads } from "./types"

type Row = Record<string, any>

/** Everything a mail is built from that lives in the mailer module. */
export interface DraftInputs {
  settings: Row
  templates: Row[]
  accounts: Row[]
  /** The profile of the staff member the signature names, if they have one. */
  profile: Row | undefined
}

/**
 * Reads settings, the event's templates, the accounts and the staff profile
 * once, in parallel: the tables are small, and one read each keeps the
 * pipeline from going back and forth between reads and decisions.
 */
export async function readDraftInputs(
  mailer: DraftReads,
  loaded: Pick<LoadedEmailContext, "event_name" | "staff_user_id">,
  withTemplates = true
): Promise<DraftInputs> {
  const [settings, templates, accounts, profiles] = await Promise.all([
    mailer.getSettings(),
    withTemplates ? mailer.listMailerTemplates({ event_name: loaded.event_name }) : Promise.resolve([]),
    mailer.listMailerAccounts({}),
    loaded.staff_user_id ? mailer.listMailerStaffProfiles({ user_id: loaded.staff_user_id }) : Promise.resolve([]),
  ])
  return { settings, templates, accounts, profile: profiles[0] }
}
