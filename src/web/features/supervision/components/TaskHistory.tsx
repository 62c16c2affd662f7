import { FilePdfOutlined } from '@ant-design/icons';
import { Empty, Image, Space, Tag, Timeline, Typography } from 'antd';
import { TASK_STATUS_NAMES, TASK_TRANSITION_NAMES, type TaskStatus, type TaskTransition } from '../../../../core/supervision';
import { formatDateTime } from '../../../lib/format';
import { attachmentUrl } from '../../ledgers/api/types';
import type { TaskEvent } from '../api/types';

const KINDS: Record<TaskEvent['kind'], { label: string; color: string }> = {
  created: { label: '交办', color: 'blue' },
  split: { label: '分派到各村', color: 'blue' },
  transition: { label: '流转', color: 'geekblue' },
  update: { label: '进展', color: 'cyan' },
  node_done: { label: '节点完成', color: 'green' },
  delay_requested: { label: '申请延期', color: 'orange' },
  delay_decided: { label: '延期审批', color: 'purple' },
};

const transitionName = (t: string | null) => (t && t in TASK_TRANSITION_NAMES ? TASK_TRANSITION_NAMES[t as TaskTransition] : null);
const statusName = (s: string | null) => (s && s in TASK_STATUS_NAMES ? TASK_STATUS_NAMES[s as TaskStatus] : null);

function label(e: TaskEvent): string {
  if (e.kind !== 'transition') return KINDS[e.kind].label;
  return transitionName(e.transition) ?? KINDS.transition.label;
}

function Attachments({ items }: { items: TaskEvent['attachments'] }) {
  if (items.length === 0) return null;
  const images = items.filter((a) => a.mimeType.startsWith('image/'));
  const files = items.filter((a) => !a.mimeType.startsWith('image/'));
  return (
    <div style={{ marginTop: 6 }}>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space size={6} wrap>
            {images.map((a) => (
              <Image key={a.id} src={attachmentUrl(a.id)} width={64} height={64} alt={a.fileName} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {files.map((a) => (
        <div key={a.id}>
          <a href={attachmentUrl(a.id)} target="_blank" rel="noopener noreferrer">
            <FilePdfOutlined /> {a.fileName}
          </a>
        </div>
      ))}
    </div>
  );
}

/** What happened to the task, newest first: moves, reports with their photos, nodes done, delays. */
export function TaskHistory({ events }: { events: TaskEvent[] }) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  const items = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Timeline
      items={items.map((e) => {
        const kind = KINDS[e.kind];
        const move =
          e.kind === 'transition' && statusName(e.toStatus) && e.fromStatus !== e.toStatus
            ? `${statusName(e.fromStatus) ?? ''} → ${statusName(e.toStatus)}`
            : null;
        return {
          key: e.id,
          color: e.transition === 'return' ? 'red' : e.kind === 'node_done' ? 'green' : 'blue',
          content: (
            <>
              <Space size={6} wrap>
                <Tag color={e.transition === 'return' ? 'red' : kind.color} style={{ marginInlineEnd: 0 }}>
                  {label(e)}
                </Tag>
                <Typography.Text>{e.actorName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
              </Space>
              {move && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {move}
                  </Typography.Text>
                </div>
              )}
              {e.body && (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                  {e.kind === 'node_done' ? `完成节点：${e.body}` : e.body}
                </Typography.Paragraph>
              )}
              <Attachments items={e.attachments} />
            </>
          ),
        };
      })}
    />
  );
}
