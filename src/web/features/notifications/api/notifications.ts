// The user's own notifications: a page of them with the unread count, and marking some or all read.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { NotificationList } from '../../../../core/contracts/notifications';
import type { MarkReadInput } from '../../../../core/contracts/notifications-requests';
import { api, errorDetail } from '../../../lib/api-client';

export type { NotificationItem, NotificationKind, NotificationList } from '../../../../core/contracts/notifications';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (page: number, pageSize: number, unreadOnly: boolean) => ['notifications', 'list', page, pageSize, unreadOnly] as const,
};

interface ListOptions {
  page?: number;
  pageSize?: number;
  unreadOnly?: boolean;
  /** Ask again every this many milliseconds (the header's bell). */
  pollMs?: number;
  enabled?: boolean;
}

export function useNotifications({ page = 1, pageSize = 20, unreadOnly = false, pollMs, enabled = true }: ListOptions = {}) {
  return useQuery({
    queryKey: notificationKeys.list(page, pageSize, unreadOnly),
    queryFn: () => api.get<NotificationList>('/api/notifications', { page, pageSize, unreadOnly: unreadOnly ? 'true' : undefined }),
    enabled,
    refetchInterval: pollMs,
    placeholderData: keepPreviousData,
  });
}

/** Marks the given notifications of the user read, or all of them; every list and count is asked again. */
export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadInput) => api.post<{ updated: number; unread: number }>('/api/notifications/read', body),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** 全部标为已读, with the answer said in a message: the bell's drawer and the page do the same. */
export function useMarkAllRead() {
  const { message } = App.useApp();
  const markAll = useMarkNotificationsRead();
  const run = () =>
    markAll.mutate(
      { all: true },
      {
        onSuccess: (r) => message.success(r.updated ? `已将 ${r.updated} 条通知标为已读` : '没有未读通知'),
        onError: (e) => message.error(errorDetail(e)),
      },
    );
  return { run, isPending: markAll.isPending };
}
