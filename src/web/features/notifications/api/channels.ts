// The township's outbound channels (e-mail, WeCom and DingTalk robots): read and replaced as a whole.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelList } from '../../../../core/contracts/notifications';
import type { ChannelsInput } from '../../../../core/contracts/notifications-requests';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from '../../cadre/api/use-cadre-township';

export type { ChannelKind, ChannelList, ChannelView } from '../../../../core/contracts/notifications';
export type { ChannelsInput } from '../../../../core/contracts/notifications-requests';

const channelKeys = { list: (township: string) => ['notification-channels', township] as const };

// The same township rule as the cadre endpoints: only an administrator above townships names one.
export function useChannels(enabled = true) {
  const { township, ready } = useCadreTownship();
  return useQuery({
    queryKey: channelKeys.list(township ?? ''),
    queryFn: () => api.get<ChannelList>('/api/notification-channels', { township }),
    enabled: ready && enabled,
  });
}

export function useSaveChannels() {
  const client = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: (body: ChannelsInput) => api.put<ChannelList>(withQuery('/api/notification-channels', { township }), body),
    onSuccess: (data) => client.setQueryData(channelKeys.list(township ?? ''), data),
  });
}
