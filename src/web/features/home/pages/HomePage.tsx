import { ApartmentOutlined, AuditOutlined, NodeIndexOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { lazy, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { greeting } from '../../../lib/format';

// The township overview for everyone who reads indicators; loaded apart from the shell (charts are heavy).
const TownshipDashboard = lazy(() => import('../../indicators/pages/TownshipDashboard'));

interface QuickLink {
  to: string;
  title: string;
  description: string;
  icon: ReactNode;
}

export function HomePage() {
  const me = useMe();
  if (me.abilities.indicatorRead && me.township) return <TownshipDashboard />;
  return <WelcomePage />;
}

/** The start page of those without figures to read (the administrator). */
function WelcomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const links: QuickLink[] = [
    { to: '/org', title: '组织树', description: '查看镇、村、村民小组及其历史变更', icon: <ApartmentOutlined /> },
    { to: '/org/merge-progress', title: '合组进度', description: '各村村民小组合并的计划与完成情况', icon: <NodeIndexOutlined /> },
    { to: '/cadre', title: '组线包村', description: '大组、小组、包村安排与工作条线', icon: <TeamOutlined /> },
  ];
  if (me.abilities.usersManage) {
    links.push({ to: '/system/users', title: '用户与权限', description: '账号、角色与数据范围', icon: <UserSwitchOutlined /> });
  }
  if (me.abilities.auditRead) {
    links.push({ to: '/system/audit', title: '审计日志', description: '谁在何时做了哪些修改', icon: <AuditOutlined /> });
  }

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {greeting()}，{me.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
          欢迎使用{me.township?.name ?? ''}镇务系统。数据一次填报、多处使用，指标与报告均由系统数据实时生成。
        </Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="所属乡镇">{me.township?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
          <Descriptions.Item label="角色与范围" span={2}>
            {me.roles.length === 0 && '未分配角色'}
            {me.roles.map((r, i) => (
              <Tag key={i} color="blue" style={{ marginBottom: 4 }}>
                {r.roleName} · {r.orgUnit?.name ?? '全系统'}
                {r.cadreGroup ? ` · ${r.cadreGroup.name}` : ''}
              </Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={5}>快捷入口</Typography.Title>
      <Row gutter={[16, 16]}>
        {links.map((link) => (
          <Col key={link.to} xs={24} sm={12} lg={8}>
            <Card hoverable onClick={() => navigate(link.to)} style={{ height: '100%' }}>
              <Card.Meta
                avatar={<span style={{ fontSize: 26, color: '#1f4e8c' }}>{link.icon}</span>}
                title={link.title}
                description={link.description}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
