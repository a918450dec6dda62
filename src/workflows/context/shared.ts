import type { Query } from "./types"

/** Query results carry BigNumber objects and Dates; templates get plain JSON. */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null))
}

export async function loadStore(query: Query): Promise<{ name: string; locales: string[]; metadata: unknown }> {
  const { data } = await query.graph({
    entity: "store",
    fields: ["id", "name", "metadata", "supported_locales.locale_code"],
  })
  const store = data[0] ?? {}
  return {
    name: store.name ?? "",
    locales: (store.supported_locales ?? []).map((l: { locale_code: string }) => l.locale_code),
    metadata: store.metadata ?? null,
  }
}

export async function loadStaffUser(query: Query, userId: string | null | undefined) {
  if (!userId) {
    return null
  }
  const { data } = await query.graph({
    entity: "user",
    fields: ["id", "first_name", "last_name", "email"],
    filters: { id: userId },
  })
  return data[0] ?? null
}

export function fullName(person: { first_name?: string | null; last_name?: string | null } | null | undefined) {
  return [person?.first_name, person?.last_name].filter(Boolean).join(" ")
}
