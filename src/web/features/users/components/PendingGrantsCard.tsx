import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { errorDetail } from '../../../lib/api-client';
import { useApproveGrant } from '../api/approve-grant';
import { usePendingGrants } from '../api/get-pending-grants';
import type { PendingGrant } from '../api/types';

/** A township leader's list of household-data roles that an administrator granted, each with its approve button. */
export function PendingGrantsCard() {
  const { message } = App.useApp();
  const { data, isFetching, error, refetch } = usePendingGrants(true);
  const approve = useApproveGrant();

  const columns: TableColumnsType<PendingGrant> = [
    { title: '用户', key: 'user', width: 180, render: (_, g) => `${g.user.displayName}（${g.user.username}）` },
    {
      title: '申请的角色', key: 'role', width: 220,
      render: (_, g) => <Tag color="blue">{g.roleName} · {g.cadreGroup?.name ?? g.orgUnit?.name ?? '全系统'}</Tag>,
    },
    { title: '申请人', dataIndex: 'requestedBy', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: '操作', key: 'ops', width: 100, fixed: 'right',
      render: (_, g) => (
        <Popconfirm title={`批准${g.user.displayName}的“${g.roleName}”角色？`} description="批准后该用户即可查看此范围内的农户数据" okText="批准"
          onConfirm={() => approve.mutateAsync({ userId: g.user.id, grantId: g.id })
            .then(() => message.success('已批准'))
            .catch((e: unknown) => message.error(errorDetail(e)))}>
          <Button type="link" size="small">批准</Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title="待审批的角色授权" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        管理员授予的角色若可查看农户数据（镇领导、条线负责人、组长、村干部、网格员），须经本范围的镇领导批准后才生效。
      </Typography.Paragraph>
      {error ? <ApiErrorResult compact error={error} onRetry={() => refetch()} /> : (
        <Table<PendingGrant> rowKey="id" size="middle" columns={columns} dataSource={data?.items} loading={isFetching}
          scroll={{ x: 620 }} pagination={false} locale={{ emptyText: '没有待审批的角色授权' }} />
      )}
    </Card>
  );
}
