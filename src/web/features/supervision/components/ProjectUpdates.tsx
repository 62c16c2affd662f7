// A project's progress lines (进展), newest first, with the investment reported and the photos.
import { Empty, Flex, Image, List, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { attachmentUrl } from '../../ledgers/api/types';
import type { ProjectUpdate } from '../api/projects';
import { formatWan } from './ProjectParts';

export function ProjectUpdates({ updates }: { updates: ProjectUpdate[] }) {
  if (updates.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有进展" />;
  const sorted = [...updates].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <List
      itemLayout="vertical"
      size="small"
      dataSource={sorted}
      renderItem={(u) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex justify="space-between" wrap gap={4}>
            <Typography.Text strong>{u.actorName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(u.at)}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{u.body}</Typography.Paragraph>
          {u.completedInvestment !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
              已完成投资 {formatWan(u.completedInvestment)} 万元
            </Typography.Text>
          )}
          {u.attachmentIds.length > 0 && (
            <Image.PreviewGroup>
              <Flex gap={6} wrap style={{ marginTop: 6 }}>
                {u.attachmentIds.map((id) => (
                  <Image
                    key={id}
                    src={attachmentUrl(id)}
                    alt="进展照片"
                    width={72}
                    height={72}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                    fallback="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='72' height='72'%3E%3Crect width='72' height='72' fill='%23f5f5f5'/%3E%3Ctext x='36' y='40' font-size='12' text-anchor='middle' fill='%23999'%3E附件%3C/text%3E%3C/svg%3E"
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
        </List.Item>
      )}
    />
  );
}
