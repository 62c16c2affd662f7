import { Space, Tag, Timeline, Typography } from 'antd';
import type { TaskDetail, TaskNode } from '../api/types';
import { LIGHT_HEX } from '../api/types';
import { dueDistance } from './DueText';

function nodeState(node: TaskNode, today: string): { color: string; tag: { color: string; text: string } } {
  if (node.doneOn) {
    const late = node.doneOn > node.due;
    return { color: LIGHT_HEX.green, tag: { color: late ? 'orange' : 'green', text: late ? `${node.doneOn} 逾期完成` : `${node.doneOn} 完成` } };
  }
  const d = dueDistance(node.due, today);
  if (d.late) return { color: LIGHT_HEX.red, tag: { color: 'red', text: d.text } };
  if (d.soon) return { color: LIGHT_HEX.blue, tag: { color: 'blue', text: d.text } };
  return { color: LIGHT_HEX.grey, tag: { color: 'default', text: d.text } };
}

/** The deadline nodes in order: when each is due (and was, before a delay) and when it was done. */
export function TaskNodesTimeline({ task }: { task: TaskDetail }) {
  if (task.nodes.length === 0) return <Typography.Text type="secondary">没有时限节点</Typography.Text>;
  return (
    <Timeline
      items={task.nodes.map((node, i) => {
        const state = nodeState(node, task.today);
        return {
          key: node.id,
          color: state.color,
          content: (
            <>
              <Typography.Text strong={!node.doneOn}>
                {i + 1}. {node.title}
              </Typography.Text>
              <div>
                <Space size={8} wrap>
                  <Typography.Text type="secondary">时限 {node.due}</Typography.Text>
                  {node.originalDue !== node.due && (
                    <Typography.Text type="secondary" delete style={{ fontSize: 12 }}>
                      原定 {node.originalDue}
                    </Typography.Text>
                  )}
                  <Tag color={state.tag.color} style={{ marginInlineEnd: 0 }}>
                    {state.tag.text}
                  </Tag>
                </Space>
              </div>
            </>
          ),
        };
      })}
    />
  );
}
