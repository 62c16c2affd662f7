import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { FieldDefinition, RecordValues } from '../../../../core/ledger-fields';
import { stateLabel, type Workflow } from '../../../../core/ledger-workflow';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageLoading } from '../../../components/PageLoading';
import { formatDateTime } from '../../../lib/format';
import { useRecordHistory } from '../api/get-records';
import type { HistoryEntry } from '../api/types';
import { FieldValue, fieldValueText } from './FieldValue';
import { sameValue } from './record-values';

const ACTIONS: Record<string, { label: string; color: string }> = {
  create: { label: '新增', color: 'green' },
  update: { label: '修改', color: 'blue' },
  delete: { label: '删除', color: 'red' },
  restore: { label: '恢复', color: 'cyan' },
  transition: { label: '状态变更', color: 'purple' },
  import: { label: '导入', color: 'geekblue' },
};

const actionOf = (action: string) => ACTIONS[action.split('.').pop() ?? action] ?? { label: action, color: 'default' };
const valuesOf = (side: HistoryEntry['before']): RecordValues => (side as { values?: RecordValues } | null)?.values ?? {};

function Changes({ entry, fields, workflow }: { entry: HistoryEntry; fields: FieldDefinition[]; workflow: Workflow | null }) {
  const before = entry.before as Record<string, unknown> | null;
  const after = entry.after as Record<string, unknown> | null;
  if (actionOf(entry.action).label === '状态变更') {
    const note = after?.note as string | undefined;
    const photos = after?.photos as string[] | undefined;
    return (
      <Space orientation="vertical" size={4}>
        <span>
          状态：{workflow ? stateLabel(workflow, before?.status as string) : String(before?.status ?? '')} →{' '}
          <Typography.Text strong>{workflow ? stateLabel(workflow, after?.status as string) : String(after?.status ?? '')}</Typography.Text>
        </span>
        {note && <span>说明：{note}</span>}
        {photos?.length ? <FieldValue field={{ key: 'photos', label: '照片', type: 'photos' }} value={photos} thumb={56} /> : null}
      </Space>
    );
  }
  if (!before || !after) return null;
  const oldValues = valuesOf(before);
  const newValues = valuesOf(after);
  const changed = fields.filter((f) => !sameValue(oldValues[f.key], newValues[f.key]));
  if (!changed.length) return null;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {changed.map((f) => (
        <div key={f.key} style={{ wordBreak: 'break-all' }}>
          <Typography.Text type="secondary">{f.label}：</Typography.Text>
          {f.type === 'photos' ? (
            <FieldValue field={f} value={newValues[f.key]} />
          ) : (
            <>
              <Typography.Text delete type="secondary">
                {fieldValueText(f, oldValues[f.key])}
              </Typography.Text>
              {' → '}
              <span>{fieldValueText(f, newValues[f.key])}</span>
            </>
          )}
        </div>
      ))}
    </Space>
  );
}

/** Who changed what and when, newest first. */
export function RecordHistory({
  ledgerKey,
  recordId,
  fields,
  workflow,
}: {
  ledgerKey: string;
  recordId: number;
  fields: FieldDefinition[];
  workflow: Workflow | null;
}) {
  const { data, isPending, error, refetch } = useRecordHistory(ledgerKey, recordId);
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult compact error={error} onRetry={() => refetch()} />;
  if (!data.items.length) return <Empty description="暂无修改记录" />;
  const items = [...data.items].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      items={items.map((entry, i) => {
        const action = actionOf(entry.action);
        return {
          key: i,
          color: action.color === 'red' ? 'red' : action.color === 'green' ? 'green' : 'blue',
          content: (
            <>
              <Space size={6} wrap style={{ marginBottom: 4 }}>
                <Tag color={action.color} style={{ marginInlineEnd: 0 }}>
                  {action.label}
                </Tag>
                <Typography.Text>{entry.by ?? '系统'}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
              </Space>
              <Changes entry={entry} fields={fields} workflow={workflow} />
            </>
          ),
        };
      })}
    />
  );
}
