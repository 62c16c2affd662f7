import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { ExportButton } from '../../../components/ExportButton';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useUsers } from '../api/get-users';
import { roleScope } from '../../auth/api/types';
import type { User } from '../api/types';
import { InitialPasswordModal } from '../components/InitialPasswordModal';
import { PendingGrantsCard } from '../components/PendingGrantsCard';
import { UserFormModal } from '../components/UserFormModal';
import { UserRowActions } from '../components/UserRowActions';

function StatusTag({ user }: { user: User }) {
  if (user.disabled) return <Tag color="default">已停用</Tag>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) return <Tag color="error">已锁定</Tag>;
  return (
    <Space size={4} wrap>
      <Tag color="success">正常</Tag>
      {user.mustChangePassword && <Tag color="warning">待改密</Tag>}
    </Space>
  );
}

export default function UsersPage() {
  const me = useMe();
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const { data, isFetching, error, refetch } = useUsers(q, page, pageSize, me.abilities.usersManage);

  if (!me.abilities.usersManage) {
    // A township leader comes here only to approve household-data roles.
    if (me.abilities.grantApprove) {
      return (
        <>
          <PageHeader title="角色审批" subTitle="管理员授予的可查看农户数据的角色，经您批准后生效" />
          <PendingGrantsCard />
        </>
      );
    }
    return <ApiErrorResult error={new ApiError(403, 'FORBIDDEN', '您无权管理用户')} />;
  }

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 120, fixed: isMobile ? undefined : 'left' },
    { title: '姓名', dataIndex: 'displayName', width: 150 },
    { title: '手机', dataIndex: 'phone', width: 120, render: (v: string | null) => v || '—' },
    {
      title: '角色与范围',
      key: 'roles',
      width: 260,
      render: (_, user) =>
        user.roles.map((r) => (
          <Tag
            key={r.id}
            color={r.pending ? 'warning' : 'blue'}
            style={{ marginBottom: 4 }}
            title={r.pending ? '可查看农户数据的角色，须经本范围的镇领导批准后生效' : undefined}
          >
            {r.roleName} · {roleScope(r)}
            {r.pending && '（待审批）'}
          </Tag>
        )),
    },
    { title: '状态', key: 'status', width: 110, render: (_, user) => <StatusTag user={user} /> },
    {
      title: '两步验证',
      dataIndex: 'twoFactorEnabled',
      width: 96,
      render: (on: boolean) => (on ? <Tag color="blue">已开启</Tag> : <Typography.Text type="secondary">未开启</Typography.Text>),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '从未登录') },
    {
      title: '操作',
      key: 'ops',
      width: 130,
      fixed: 'right',
      render: (_, user) => (
        <UserRowActions user={user} onEdit={() => setEditing(user)} onPassword={(username, password) => setShown({ username, password })} />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户与权限"
        subTitle="账号、角色及其数据范围；角色决定能看什么、能改什么"
        extra={
          <Space wrap>
            <ExportButton path="/api/users/export" query={{ q: q || undefined }} fileName="用户列表.xlsx" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增用户
            </Button>
          </Space>
        }
      />
      {me.abilities.grantApprove && <PendingGrantsCard />}
      <Card>
        <Input.Search
          placeholder="搜索用户名、姓名或手机"
          allowClear
          enterButton="搜索"
          style={{ maxWidth: 360, marginBottom: 16 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        {error ? (
          <ApiErrorResult compact error={error} onRetry={() => refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items}
            loading={isFetching}
            scroll={{ x: 1060 }}
            locale={{ emptyText: q ? '没有找到匹配的用户' : '暂无用户' }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 个用户`,
              onChange: (p, s) => {
                setPage(p);
                setPageSize(s);
              },
            }}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          连续5次输错密码的账号将锁定15分钟；停用或强制下线会立即结束该用户的所有会话。
          可查看农户数据的角色（镇领导、条线负责人、组长、村干部、网格员）由管理员授予或重置密码后，须经本范围的镇领导批准才生效。
        </Typography.Paragraph>
      </Card>
      <UserFormModal editing={editing} onClose={() => setEditing(null)} onCreated={(username, password) => setShown({ username, password })} />
      <InitialPasswordModal value={shown?.password ?? null} username={shown?.username} onClose={() => setShown(null)} />
    </>
  );
}
