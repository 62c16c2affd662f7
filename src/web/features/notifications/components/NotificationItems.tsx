// A list of notifications: kind, title (bold while unread), body and China time; opening one goes to its task and
// marks it read.
import { Button, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { chinaDateTime } from '../../../../core/china-time';
import { useMarkNotificationsRead, type NotificationItem } from '../api/notifications';
import { NotificationKindTag } from './notification-kinds';

function ItemRow({ item, onOpen }: { item: NotificationItem; onOpen?: () => void }) {
  const markRead = useMarkNotificationsRead();
  const unread = item.readAt === null;
  const open = () => {
    if (unread) markRead.mutate({ ids: [item.id] });
    onOpen?.();
  };
  const title = (
    <Typography.Text strong={unread} style={{ fontWeight: unread ? 600 : 400 }}>
      {unread && (
        <span
          aria-label="未读"
          style={{
            display: 'inline-block',
            width: 6,
            height: 6,
            borderRadius: 3,
            background: '#ff4d4f',
            marginInlineEnd: 6,
            verticalAlign: 'middle',
          }}
        />
      )}
      {item.title}
    </Typography.Text>
  );
  return (
    <List.Item style={{ display: 'block', paddingInline: 4 }} data-testid="notification-item" data-unread={unread || undefined}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <NotificationKindTag kind={item.kind} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {chinaDateTime(item.createdAt)}
          </Typography.Text>
        </Flex>
        {unread && (
          <Button type="link" size="small" style={{ padding: 0 }} loading={markRead.isPending} onClick={() => markRead.mutate({ ids: [item.id] })}>
            标为已读
          </Button>
        )}
      </Flex>
      <div style={{ marginTop: 4 }}>
        {item.taskId ? (
          <Link to={`/supervision/tasks/${item.taskId}`} onClick={open}>
            {title}
          </Link>
        ) : (
          title
        )}
      </div>
      {item.body && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: '2px 0 0', whiteSpace: 'pre-line' }}
          ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
        >
          {item.body}
        </Typography.Paragraph>
      )}
    </List.Item>
  );
}

export function NotificationItems({
  items,
  loading,
  emptyText = '暂无通知',
  onOpen,
}: {
  items: NotificationItem[];
  loading?: boolean;
  emptyText?: string;
  /** Called when the user follows a notification to its task (the drawer closes). */
  onOpen?: () => void;
}) {
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      renderItem={(item) => <ItemRow key={item.id} item={item} onOpen={onOpen} />}
    />
  );
}
