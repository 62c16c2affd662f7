import { CheckCircleOutlined, ClockCircleOutlined, LockOutlined, RollbackOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { Submission, SubmissionStatus } from '../api/types';

export const SUBMISSION_STATUS_NAMES: Record<SubmissionStatus, string> = {
  not_submitted: '未上报',
  submitted: '已上报',
  approved: '已审核',
  returned: '已退回',
};

/** Who did what to the village's submission, for the tag's tooltip. */
export function submissionNote(s: Submission): string | null {
  switch (s.status) {
    case 'submitted':
      return `${s.submittedBy ?? ''} 于 ${formatDateTime(s.submittedAt)} 上报${s.onTime === false ? '（逾期）' : ''}`;
    case 'approved':
      return `${s.approvedBy ?? ''} 于 ${formatDateTime(s.approvedAt)} 审核锁定，如需修改请联系镇领导解锁`;
    case 'returned':
      return `${s.reopenedBy ?? ''} 于 ${formatDateTime(s.reopenedAt)} 退回：${s.reason ?? ''}`;
    default:
      return null;
  }
}

/** The village's submission state as a tag; late submissions say so. */
export function SubmissionTag({ submission }: { submission: Submission | undefined }) {
  if (!submission) return null;
  const { status, onTime } = submission;
  const tag = {
    not_submitted: <Tag style={{ marginInlineEnd: 0 }}>未上报</Tag>,
    submitted: (
      <Tag color="blue" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        已上报{onTime === false ? '·逾期' : ''}
      </Tag>
    ),
    approved: (
      <Tag color="green" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        已审核{onTime === false ? '·逾期' : ''}
      </Tag>
    ),
    returned: (
      <Tag color="orange" icon={<RollbackOutlined />} style={{ marginInlineEnd: 0 }}>
        已退回
      </Tag>
    ),
  }[status];
  const note = submissionNote(submission);
  return note ? <Tooltip title={note}>{tag}</Tooltip> : tag;
}

/** The lock of an approved village's row, with who approved it and when. */
export function LockMark({ title }: { title: string }) {
  return (
    <Tooltip title={title}>
      <LockOutlined aria-label="已锁定" style={{ color: '#8c8c8c' }} />
    </Tooltip>
  );
}
