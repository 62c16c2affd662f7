import { App, Button, Card, Empty, List, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { useIsMobile } from '../../../components/use-is-mobile';
import { errorDetail } from '../../../lib/api-client';
import { useApproveGrant } from '../api/approve-grant';
import { usePendingGrants } from '../api/get-pending-grants';
import type { PendingGrant } from '../api/types';

const EMPTY = '没有待审批的角色授权';
const scopeOf = (g: PendingGrant) => g.cadreGroup?.name ?? g.orgUnit?.name ?? '全系统';

/** A township leader's list of household-data roles that an administrator granted, each with its approve button. */
export function PendingGrantsCard() {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const { data, isFetching, error, refetch } = usePendingGrants(true);
  const approve = useApproveGrant();

  const approveButton = (g: PendingGrant) => (
    <Popconfirm
      title={`批准${g.user.displayName}的“${g.roleName}”角色？`}
      description="批准后该用户即可查看此范围内的农户数据"
      okText="批准"
      onConfirm={() =>
        approve
          .mutateAsync({ userId: g.user.id, grantId: g.id })
          .then(() => message.success('已批准'))
          .catch((e: unknown) => message.error(errorDetail(e)))
      }
    >
      <Button type="link" size="small">
        批准
      </Button>
    </Popconfirm>
  );
  const roleTag = (g: PendingGrant) => (
    <Tag color="blue">
      {g.roleName} · {scopeOf(g)}
    </Tag>
  );

  const columns: TableColumnsType<PendingGrant> = [
    { title: '用户', key: 'user', width: 180, render: (_, g) => `${g.user.displayName}（${g.user.username}）` },
    { title: '申请的角色', key: 'role', width: 220, render: (_, g) => roleTag(g) },
    { title: '申请人', dataIndex: 'requestedBy', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '操作', key: 'ops', width: 100, fixed: 'right', render: (_, g) => approveButton(g) },
  ];

  // On a phone each grant is a row of its own: who, which role where, who asked, and the button.
  const list = (
    <List<PendingGrant>
      loading={isFetching}
      dataSource={data?.items}
      locale={{ emptyText: <Empty description={EMPTY} /> }}
      renderItem={(g) => (
        <List.Item actions={[approveButton(g)]}>
          <List.Item.Meta
            title={`${g.user.displayName}（${g.user.username}）`}
            description={
              <>
                {roleTag(g)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  申请人：{g.requestedBy ?? '—'}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );

  return (
    <Card title="待审批的角色授权" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        管理员授予的角色若可查看农户数据（镇领导、条线负责人、组长、村干部、网格员），须经本范围的镇领导批准后才生效。
      </Typography.Paragraph>
      {error ? (
        <ApiErrorResult compact error={error} onRetry={() => refetch()} />
      ) : isMobile ? (
        list
      ) : (
        <Table<PendingGrant>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 620 }}
          pagination={false}
          locale={{ emptyText: EMPTY }}
        />
      )}
    </Card>
  );
}
