export interface AccountCandidate {
  id: string
  is_default: boolean
  sales_channel_ids?: { ids?: string[] } | null
}

/**
 * The account a mail is sent from: the template's own account → the account
 * assigned to the order's sales channel → the default account.
 */
export function pickAccount<T extends AccountCandidate>(
  accounts: T[],
  query: { template_account_id?: string | null; sales_channel_id?: string | null }
): T | null {
  if (query.template_account_id) {
    const own = accounts.find((a) => a.id === query.template_account_id)
    if (own) {
      return own
    }
  }
  if (query.sales_channel_id) {
    const forChannel = accounts.find((a) => a.sales_channel_ids?.ids?.includes(query.sales_channel_id!))
    if (forChannel) {
      return forChannel
    }
  }
  return accounts.find((a) => a.is_default) ?? null
}

export interface StaffSource {
  user?: { first_name?: string | null; last_name?: string | null; email?: string | null } | null
  profile?: {
    display_name?: string | null
    email?: string | null
    phone?: string | null
    mobile?: string | null
    fax?: string | null
  } | null
  contact?: {
    contact_name?: string | null
    contact_phone?: string | null
    contact_mobile?: string | null
    contact_email?: string | null
    contact_fax?: string | null
  } | null
}

/**
 * The staff member named by the signature variables: the admin user who acted
 * (with the plugin's profile for phone numbers), else the account's contact person.
 */
export function staffInfoOf(source: StaffSource) {
  if (source.user) {
    const fullName = [source.user.first_name, source.user.last_name].filter(Boolean).join(" ")
    return {
      name: source.profile?.display_name || fullName || null,
      email: source.profile?.email || source.user.email || null,
      phone: source.profile?.phone ?? null,
      mobile: source.profile?.mobile ?? null,
      fax: source.profile?.fax ?? null,
    }
  }
  const c = source.contact ?? {}
  return {
    name: c.contact_name ?? null,
    email: c.contact_email ?? null,
    phone: c.contact_phone ?? null,
    mobile: c.contact_mobile ?? null,
    fax: c.contact_fax ?? null,
  }
}
