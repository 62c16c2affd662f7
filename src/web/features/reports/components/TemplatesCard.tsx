import { EditOutlined, FileAddOutlined, ImportOutlined, ProfileOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { emptyText } from '../../../components/empty-text';
import type { TemplateSummary } from '../api/types';
import { ProfileDrawer } from './ProfileDrawer';

/** 模板与概况: the township's templates (to edit, for definers), a new one, one from a past report, the profile. */
export function TemplatesCard({ templates, mayEdit, current }: { templates: TemplateSummary[]; mayEdit: boolean; current?: string }) {
  // the server's answer for this township (reportDefine on its templates)
  const define = mayEdit;
  const [profileOpen, setProfileOpen] = useState(false);
  return (
    <Card size="small" title="模板与概况">
      <List
        size="small"
        dataSource={templates}
        locale={{ emptyText: emptyText('还没有报告模板') }}
        renderItem={(t) => (
          <List.Item style={{ paddingInline: 0 }}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong={t.key === current}>{t.name}</Typography.Text>
              {t.builtin && (
                <Tag style={{ marginLeft: 6 }} color="blue">
                  内置
                </Tag>
              )}
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                {t.placeholders} 个数据项 · 第{t.version}版{t.description ? ` · ${t.description}` : ''}
              </div>
              {define && (
                <Link to={`/reports/templates/${t.key}`} aria-label={`编辑模板 ${t.name}`} style={{ fontSize: 13 }}>
                  <EditOutlined /> 编辑模板
                </Link>
              )}
            </div>
          </List.Item>
        )}
      />
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {define && (
          <>
            <Link to="/reports/templates/new">
              <Button size="small" icon={<FileAddOutlined />}>
                新建模板
              </Button>
            </Link>
            <Link to="/reports/import">
              <Button size="small" icon={<ImportOutlined />}>
                从旧报告生成模板
              </Button>
            </Link>
          </>
        )}
        <Button size="small" icon={<ProfileOutlined />} onClick={() => setProfileOpen(true)}>
          乡镇概况
        </Button>
      </Flex>
      <ProfileDrawer open={profileOpen} onClose={() => setProfileOpen(false)} />
    </Card>
  );
}
