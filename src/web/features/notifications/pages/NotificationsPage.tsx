// The user's notification centre: all or unread only, a page at a time, and marking all read.
import { Button, Card, Flex, Pagination, Tabs } from 'antd';
import { useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useMarkAllRead, useNotifications } from '../api/notifications';
import { NotificationItems } from '../components/NotificationItems';

const PAGE_SIZE = 20;

export default function NotificationsPage() {
  const isMobile = useIsMobile();
  const [tab, setTab] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const { data, isPending, isFetching, error, refetch } = useNotifications({ page, pageSize: PAGE_SIZE, unreadOnly: tab === 'unread' });
  const markAll = useMarkAllRead();
  const unread = data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title="通知"
        subTitle="督办任务的交办、进展、审批和到期提醒"
        extra={
          <Button onClick={markAll.run} loading={markAll.isPending} disabled={!unread}>
            全部标为已读
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as 'all' | 'unread');
            setPage(1);
          }}
          items={[
            { key: 'all', label: '全部' },
            { key: 'unread', label: unread ? `未读（${unread}）` : '未读' },
          ]}
          style={{ marginTop: -8 }}
        />
        {error ? (
          <ApiErrorResult error={error} onRetry={() => refetch()} compact />
        ) : (
          <>
            <NotificationItems
              items={data?.items ?? []}
              loading={isPending || (isFetching && !data)}
              emptyText={tab === 'unread' ? '没有未读通知' : '暂无通知'}
            />
            {(data?.total ?? 0) > PAGE_SIZE && (
              <Flex justify="end" style={{ marginTop: 16 }}>
                <Pagination
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={data?.total ?? 0}
                  onChange={setPage}
                  showSizeChanger={false}
                  size={isMobile ? 'small' : undefined}
                  showTotal={isMobile ? undefined : (total) => `共 ${total} 条`}
                />
              </Flex>
            )}
          </>
        )}
      </Card>
    </>
  );
}
