import { Alert, Button, Flex, Table, Typography } from 'antd';
import type { FieldDefinition, RecordValues } from '../../../../core/ledger-fields';
import { formatDateTime } from '../../../lib/format';
import type { LedgerRecord } from '../api/types';
import { FieldValue } from './FieldValue';
import { sameValue } from './record-values';

/**
 * A 409 on save: someone saved this record after it was opened. Shows their values next to the user's, and
 * lets the user take theirs or save over them deliberately; nothing is overwritten silently.
 */
export function ConflictPanel({
  fields,
  mine,
  current,
  onTakeTheirs,
  onOverwrite,
  saving,
}: {
  fields: FieldDefinition[];
  mine: RecordValues;
  current: LedgerRecord;
  onTakeTheirs: () => void;
  onOverwrite: () => void;
  saving?: boolean;
}) {
  const rows = fields.filter((f) => !f.retired && !sameValue(mine[f.key], current.values[f.key]));
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title="这条记录已被他人修改"
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {current.updatedBy ?? '其他用户'}于 {formatDateTime(current.updatedAt)} 保存了新的内容。请对照后选择：
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rows}
            locale={{ emptyText: '对方的内容与您的填写相同' }}
            columns={[
              { title: '字段', dataIndex: 'label', width: 96 },
              { title: '您的填写', key: 'mine', render: (_, f) => <FieldValue field={f} value={mine[f.key]} /> },
              {
                title: `${current.updatedBy ?? '对方'}保存的`,
                key: 'theirs',
                render: (_, f) => <FieldValue field={f} value={current.values[f.key]} />,
              },
            ]}
          />
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <Button onClick={onTakeTheirs}>放弃我的修改，载入对方版本</Button>
            <Button danger onClick={onOverwrite} loading={saving}>
              仍以我的填写为准保存
            </Button>
          </Flex>
        </>
      }
    />
  );
}
