import { useQuery } from "@tanstack/react-query"
import { mailerKeys } from "../query-keys"
import { sdk } from "../sdk"

export interface SalesChannelOption {
  id: string
  name: string
}

/**
 * The shop's sales channels (id and name) through the dashboard's own API: templates and
 * accounts can be bound to one. Shops have a handful; 200 is "all of them".
 */
export const useSalesChannels = () =>
  useQuery({
    queryKey: mailerKeys.salesChannels.list("any"),
    queryFn: async (): Promise<SalesChannelOption[]> => {
      const { sales_channels } = await sdk.admin.salesChannel.list({ fields: "id,name", limit: 200 })
      return sales_channels.map((channel) => ({ id: channel.id, name: channel.name }))
    },
    staleTime: 60_000,
  })
