import {
  ApartmentOutlined,
  BarChartOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Abilities } from '../features/auth/api/types';

type MenuItem = Required<MenuProps>['items'][number];

/** The side menu, without the entries this user cannot use (the server still enforces them). */
export function buildMenu(abilities: Abilities): MenuItem[] {
  const system: MenuItem[] = [];
  if (abilities.usersManage) system.push({ key: '/system/users', label: '用户与权限' });
  else if (abilities.grantApprove) system.push({ key: '/system/users', label: '角色审批' });
  if (abilities.auditRead) system.push({ key: '/system/audit', label: '审计日志' });
  if (abilities.systemBackup) system.push({ key: '/system/backup', label: '数据备份' });
  // the township's outbound channels: under 督办, or under 系统 for an administrator who sees no tasks
  const channels = abilities.cadreWrite ? [{ key: '/supervision/notification-channels', label: '通知设置' }] : [];
  if (!abilities.taskRead) system.push(...channels);
  // everyone's own password and two-factor login
  system.push({ key: '/system/account', label: '账户安全' });
  const items: MenuItem[] = [
    { key: '/', icon: <HomeOutlined />, label: '工作台' },
    {
      key: 'org',
      icon: <ApartmentOutlined />,
      label: '组织架构',
      children: [
        { key: '/org', label: '组织树' },
        { key: '/org/merge-progress', label: '合组进度' },
      ],
    },
    { key: '/cadre', icon: <TeamOutlined />, label: '组线包村' },
    // administrators see no household data: the server refuses them every ledger
    ...(abilities.ledgerRead ? [{ key: '/ledgers', icon: <TableOutlined />, label: '台账' }] : []),
    ...(abilities.indicatorRead
      ? [
          {
            key: 'indicators',
            icon: <BarChartOutlined />,
            label: '指标',
            children: [
              { key: '/indicators', label: '指标' },
              { key: '/indicators/rankings', label: '排行榜' },
              { key: '/indicators/quality', label: '数据质量' },
              { key: '/indicators/dispatch', label: '每日调度' },
            ],
          },
        ]
      : []),
    ...(abilities.taskRead
      ? [
          {
            key: 'supervision',
            icon: <FlagOutlined />,
            label: '督办',
            children: [
              { key: '/supervision', label: '督办任务' },
              { key: '/supervision/projects', label: '重点项目' },
              { key: '/supervision/goals', label: '重点工作' },
              ...channels,
            ],
          },
        ]
      : []),
    // grid workers and the administrator read no reports: the server refuses them
    ...(abilities.reportRead ? [{ key: '/reports', icon: <FileTextOutlined />, label: '报告' }] : []),
  ];
  if (system.length) {
    items.push({ key: 'system', icon: <SettingOutlined />, label: '系统', children: system });
  }
  return items;
}

/** The menu key a path belongs to: /org/430681105229 → /org. */
export function selectedKey(pathname: string): string {
  if (pathname.startsWith('/org/merge-progress')) return '/org/merge-progress';
  if (pathname.startsWith('/org')) return '/org';
  for (const sub of [
    '/indicators/rankings',
    '/indicators/quality',
    '/indicators/dispatch',
    '/supervision/projects',
    '/supervision/goals',
    '/supervision/notification-channels',
  ]) {
    if (pathname.startsWith(sub)) return sub;
  }
  const match = [
    '/cadre',
    '/ledgers',
    '/indicators',
    '/supervision',
    '/reports',
    '/system/users',
    '/system/audit',
    '/system/backup',
    '/system/account',
  ].find((key) => pathname.startsWith(key));
  return match ?? '/';
}

export function openKeyOf(key: string): string | undefined {
  if (key.startsWith('/org')) return 'org';
  if (key.startsWith('/system')) return 'system';
  if (key.startsWith('/indicators')) return 'indicators';
  if (key.startsWith('/supervision')) return 'supervision';
  return undefined;
}
