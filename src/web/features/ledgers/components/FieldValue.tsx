import { Image, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FieldDefinition } from '../../../../core/ledger-fields';
import { attachmentUrl } from '../api/types';

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A value as text, for tables, conflicts and history. */
export function fieldValueText(field: FieldDefinition | undefined, value: unknown): string {
  if (isEmpty(value)) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return field?.type === 'photos' ? `${value.length}个附件` : value.join('、');
  if (typeof value === 'number') return `${value.toLocaleString('zh-CN')}${field?.unit ?? ''}`;
  if (field?.type === 'datetime' && typeof value === 'string') return dayjs(value).format('YYYY-MM-DD HH:mm');
  return String(value);
}

/** A value for display: photos as thumbnails, everything else as text. */
export function FieldValue({ field, value, thumb = 40 }: { field: FieldDefinition | undefined; value: unknown; thumb?: number }) {
  if (field?.type === 'photos' && Array.isArray(value) && value.length) {
    return (
      <Image.PreviewGroup>
        <Space size={4} wrap>
          {(value as string[]).slice(0, 3).map((id) => (
            <Image key={id} src={attachmentUrl(id)} width={thumb} height={thumb} style={{ objectFit: 'cover', borderRadius: 4 }} alt="照片" />
          ))}
          {value.length > 3 && <Typography.Text type="secondary">+{value.length - 3}</Typography.Text>}
        </Space>
      </Image.PreviewGroup>
    );
  }
  return <>{fieldValueText(field, value)}</>;
}
