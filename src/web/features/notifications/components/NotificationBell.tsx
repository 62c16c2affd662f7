// The header's bell: the unread count, asked again every minute for those who work on tasks, and a drawer with the latest notifications.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Flex, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { errorDetail } from '../../../lib/api-client';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useMarkAllRead, useNotifications } from '../api/notifications';
import { NotificationItems } from './NotificationItems';

const LATEST = 20;

export function NotificationBell() {
  const me = useMe();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const { data, isPending, error } = useNotifications({ pageSize: LATEST, pollMs: me.abilities.taskRead ? 60_000 : undefined });
  const markAll = useMarkAllRead();
  const unread = data?.unread ?? 0;

  return (
    <>
      <Tooltip title={unread ? `${unread} 条未读通知` : '通知'}>
        <Button type="text" aria-label={unread ? `通知（${unread} 条未读）` : '通知'} onClick={() => setOpen(true)} style={{ paddingInline: 8 }}>
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Tooltip>
      <Drawer
        title={unread ? `通知（${unread} 条未读）` : '通知'}
        placement="right"
        open={open}
        onClose={() => setOpen(false)}
        size={isMobile ? '100%' : 420}
        styles={{ body: { paddingTop: 8 } }}
        extra={
          <Button size="small" onClick={markAll.run} loading={markAll.isPending} disabled={!unread}>
            全部标为已读
          </Button>
        }
        footer={
          <Flex justify="center">
            <Link to="/notifications" onClick={() => setOpen(false)}>
              查看全部通知
            </Link>
          </Flex>
        }
      >
        <NotificationItems
          items={data?.items ?? []}
          loading={isPending && !error}
          emptyText={error ? `通知加载失败：${errorDetail(error)}` : '暂无通知'}
          onOpen={() => setOpen(false)}
        />
      </Drawer>
    </>
  );
}
