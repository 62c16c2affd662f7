import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Drawer, Dropdown, Flex, Layout, Menu, Space, Tag, Tooltip, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api/logout';
import { useTownshipClock } from '../features/supervision/api/get-township-clock';
import { PageLoading } from '../components/PageLoading';
import { useIsMobile } from '../components/use-is-mobile';
import { useTownship } from '../features/org/api/use-township';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { useMe } from './auth';
import { buildMenu, selectedKey } from './menu';

const { Header, Sider, Content } = Layout;

function Brand({ dark }: { dark?: boolean }) {
  return (
    <Flex align="center" gap={10} style={{ height: 56, padding: '0 20px' }}>
      <div
        style={{
          width: 30,
          height: 30,
          borderRadius: 6,
          background: '#fff',
          color: '#1f4e8c',
          fontWeight: 700,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 17,
          flex: 'none',
        }}
      >
        镇
      </div>
      <div style={{ lineHeight: 1.2, color: dark ? '#fff' : undefined }}>
        <div style={{ fontSize: 17, fontWeight: 600, letterSpacing: 2 }}>镇务</div>
        <div style={{ fontSize: 12, opacity: 0.75 }}>乡镇工作系统</div>
      </div>
    </Flex>
  );
}

export function AppLayout() {
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const { message } = AntApp.useApp();
  const logout = useLogout();
  // The township's today, when it runs on a fixed date (the demo's 2022-06-30): deadlines and lights follow it.
  const clock = useTownshipClock(me.township != null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const key = selectedKey(pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(['org', 'indicators', 'supervision', 'system']);

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => navigate('/login', { replace: true }),
      onError: () => message.warning('服务器未确认退出，已返回登录页'),
    });

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[key]}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      items={buildMenu(me.abilities)}
      onClick={({ key: target }) => {
        navigate(target);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const roleNames = [...new Set(me.roles.map((r) => r.roleName))];
  const township = useTownship();
  const townshipName = me.township?.name ?? township.name ?? '系统管理';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <div style={{ background: '#0f2a4a', flex: 'none' }}>
          <Sider width={216} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
            <Brand dark />
            {menu}
          </Sider>
        </div>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#0f2a4a' }, header: { display: 'none' } }}
        >
          <Brand dark />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: isMobile ? '0 12px' : '0 24px',
            height: 56,
            lineHeight: '56px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {isMobile && <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />}
              <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
                {isMobile ? `镇务 · ${townshipName}` : townshipName}
              </Typography.Text>
              {me.township?.demo && (
                <Tooltip title="本镇的台账和统计数据是按固定随机种子生成的演示数据，不是真实数据">
                  <Tag color="orange" style={{ marginInlineEnd: 0, flex: 'none' }}>
                    演示数据
                  </Tag>
                </Tooltip>
              )}
              {clock.data?.fixed && !isMobile && (
                <Tooltip title="本镇按固定日期运行：督办亮灯、到期提醒都按这一天计算">
                  <Tag style={{ marginInlineEnd: 0, flex: 'none' }}>今天 {clock.data.today}</Tag>
                </Tooltip>
              )}
            </Flex>
            {/* the bell and the account, pushed right together */}
            <span style={{ marginInlineStart: 'auto', flex: 'none' }}>
              <NotificationBell />
            </span>
            {isMobile ? (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'who', label: `${me.displayName}（${roleNames.join('、')}）`, disabled: true },
                    { type: 'divider' },
                    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: onLogout },
                  ],
                }}
              >
                <Button type="text" icon={<UserOutlined />} aria-label="账户">
                  {me.displayName}
                </Button>
              </Dropdown>
            ) : (
              <Space size={12}>
                <Space size={4}>
                  <UserOutlined />
                  <Typography.Text>{me.displayName}</Typography.Text>
                </Space>
                <span>
                  {roleNames.map((name) => (
                    <Tag key={name} color="blue" variant="filled" style={{ marginInlineEnd: 4 }}>
                      {name}
                    </Tag>
                  ))}
                </span>
                <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending}>
                  退出登录
                </Button>
              </Space>
            )}
          </Flex>
        </Header>
        <Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          {/* Tighter cards on a phone so tables keep their width */}
          <ConfigProvider theme={{ components: { Card: isMobile ? { bodyPadding: 12, headerPadding: 12 } : {} } }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ConfigProvider>
        </Content>
      </Layout>
    </Layout>
  );
}
