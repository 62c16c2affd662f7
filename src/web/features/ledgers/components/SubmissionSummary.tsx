import { Flex, Progress, Typography } from 'antd';
import { chinaToday } from '../../../../core/china-time';
import type { PeriodSubmissions } from '../api/types';

const rate = (value: number | null) => (value == null ? '—' : `${value}%`);

/** The township's reporting and on-time rates of the period, and its due date. */
export function SubmissionSummary({ data, compact }: { data: PeriodSubmissions; compact: boolean }) {
  const today = chinaToday();
  const overdue = data.dueDate < today && data.reported < data.total;
  return (
    <Flex
      gap={compact ? 12 : 32}
      wrap
      align="center"
      style={{ padding: compact ? '8px 12px' : '12px 16px', background: '#fafafa', borderRadius: 8, marginBottom: 16 }}
      data-testid="submission-summary"
    >
      <Flex vertical gap={2} style={{ minWidth: compact ? 130 : 180 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          全镇上报率（{data.reported}/{data.total}）
        </Typography.Text>
        <Flex align="center" gap={8}>
          <Typography.Text strong style={{ fontSize: compact ? 18 : 22 }}>
            {rate(data.reportingRate)}
          </Typography.Text>
          <Progress percent={data.reportingRate ?? 0} showInfo={false} size="small" style={{ width: compact ? 60 : 90, margin: 0 }} />
        </Flex>
      </Flex>
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          及时率
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: compact ? 18 : 22 }}>
          {rate(data.onTimeRate)}
        </Typography.Text>
      </Flex>
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          上报截止
        </Typography.Text>
        <Typography.Text strong type={overdue ? 'danger' : undefined} style={{ fontSize: compact ? 15 : 17, lineHeight: compact ? '27px' : '33px' }}>
          {data.dueDate}
          {overdue ? '（已过期）' : ''}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
