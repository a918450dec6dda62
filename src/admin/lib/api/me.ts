import { useQuery } from "@tanstack/react-query"
import { sdk } from "../sdk"

/**
 * The logged-in admin (id, e-mail, name): the setup's "send me a sample" and the
 * profile widget, which the dashboard gives no data.
 */
export const useCurrentUser = () =>
  useQuery({
    queryKey: ["mailer", "me"],
    queryFn: async () => (await sdk.admin.user.me()).user,
    staleTime: 5 * 60_000,
  })
