import { Progress, Typography } from 'antd';
import { formatPercent } from '../../../lib/format';

/** Completion of a target: a bar up to 100 %, the figure written out (it may pass 100 %). */
export function CompletionBar({ completion, width = 120 }: { completion: number | null | undefined; width?: number }) {
  if (completion === null || completion === undefined) return <Typography.Text type="secondary">未设目标</Typography.Text>;
  const color = completion >= 100 ? '#389e0d' : completion >= 60 ? '#1f4e8c' : '#d4380d';
  return (
    <div style={{ width, maxWidth: '100%' }}>
      <Progress percent={Math.min(100, Math.max(0, completion))} showInfo={false} size="small" strokeColor={color} style={{ margin: 0 }} />
      <Typography.Text style={{ fontSize: 12, color }}>完成 {formatPercent(completion)}</Typography.Text>
    </div>
  );
}
