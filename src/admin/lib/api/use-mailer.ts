import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query"
import { mailerFetch, useMailerLanguage, type MailerFetchOptions, type MailerLanguage } from "../client"

/**
 * The two building blocks of every hook in this folder: a query on a plugin route in the
 * dashboard's language, and a mutation that invalidates the areas it changed.
 */
export function useMailerQuery<T>(
  key: (language: MailerLanguage) => QueryKey,
  path: string,
  options: {
    query?: MailerFetchOptions["query"]
    enabled?: boolean
    refetchInterval?: number
    refetchOnWindowFocus?: boolean | "always"
  } = {}
) {
  const language = useMailerLanguage()
  return useQuery({
    queryKey: key(language),
    queryFn: () => mailerFetch<T>(path, { language, query: options.query }),
    enabled: options.enabled,
    refetchInterval: options.refetchInterval,
    // Only when asked for: an explicit undefined would override the dashboard's default (false).
    ...(options.refetchOnWindowFocus === undefined ? {} : { refetchOnWindowFocus: options.refetchOnWindowFocus }),
  })
}

export function useMailerMutation<TBody, TResult>(
  request: (body: TBody) => { path: string; method?: "POST" | "DELETE"; body?: unknown },
  invalidates: readonly QueryKey[]
) {
  const language = useMailerLanguage()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: TBody) => {
      const { path, method = "POST", body } = request(input)
      return mailerFetch<TResult>(path, { language, method, body: body ?? {} })
    },
    onSettled: () => Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey }))),
  })
}
