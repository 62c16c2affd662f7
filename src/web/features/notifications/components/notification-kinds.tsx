// How each kind of notification is named and coloured in the list.
import {
  BellOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  RollbackOutlined,
  SendOutlined,
  SolutionOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { NotificationKind } from '../api/notifications';

const KINDS: Record<NotificationKind, { label: string; color: string; icon: ReactNode }> = {
  assigned: { label: '新任务', color: 'blue', icon: <SendOutlined /> },
  signed: { label: '已签收', color: 'cyan', icon: <SolutionOutlined /> },
  update: { label: '进展', color: 'geekblue', icon: <EditOutlined /> },
  completion_requested: { label: '申请办结', color: 'purple', icon: <FileDoneOutlined /> },
  returned: { label: '退回', color: 'orange', icon: <RollbackOutlined /> },
  delay_requested: { label: '申请延期', color: 'gold', icon: <FieldTimeOutlined /> },
  delay_decided: { label: '延期审批', color: 'gold', icon: <FieldTimeOutlined /> },
  done: { label: '已办结', color: 'green', icon: <CheckCircleOutlined /> },
  due_soon: { label: '即将到期', color: 'warning', icon: <ClockCircleOutlined /> },
  overdue: { label: '已逾期', color: 'error', icon: <ExclamationCircleOutlined /> },
  digest: { label: '每日提醒', color: 'default', icon: <UnorderedListOutlined /> },
};

export function NotificationKindTag({ kind }: { kind: NotificationKind }) {
  const k = KINDS[kind] ?? { label: '通知', color: 'default', icon: <BellOutlined /> };
  return (
    <Tag color={k.color} icon={k.icon} style={{ marginInlineEnd: 0 }}>
      {k.label}
    </Tag>
  );
}
