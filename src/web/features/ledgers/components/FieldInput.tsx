// One input per field type of src/core/ledger-fields.ts; big, single-column controls that work with a thumb.
import { Checkbox, DatePicker, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { FieldDefinition } from '../../../../core/ledger-fields';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { PhotosInput } from './PhotosInput';

interface Props {
  field: FieldDefinition;
  value: unknown;
  onChange: (value: unknown) => void;
  id?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export function FieldInput({ field, value, onChange, id }: Props) {
  const common = { id, size: 'large' as const, style: { width: '100%' } };
  switch (field.type) {
    case 'text':
      return <Input {...common} value={str(value)} maxLength={field.maxLength ?? 200} onChange={(e) => onChange(e.target.value)} />;
    case 'longtext':
      return (
        <Input.TextArea
          id={id}
          value={str(value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={field.maxLength ?? 5000}
          showCount
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'integer':
    case 'decimal':
      return (
        <InputNumber
          {...common}
          value={typeof value === 'number' ? value : null}
          inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
          precision={field.type === 'integer' ? 0 : undefined}
          suffix={field.unit}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
    case 'date':
      return (
        <DatePicker
          {...common}
          value={typeof value === 'string' && value ? dayjs(value) : null}
          inputReadOnly
          onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
        />
      );
    case 'datetime':
      return (
        <DatePicker
          {...common}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          inputReadOnly
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(d) => onChange(d ? d.toISOString() : undefined)}
        />
      );
    case 'choice': {
      const choices = field.choices ?? [];
      if (choices.length <= 4) {
        return (
          <Radio.Group
            id={id}
            size="large"
            value={value}
            optionType="button"
            buttonStyle="solid"
            onChange={(e) => onChange(e.target.value)}
            options={choices.map((c) => ({ value: c, label: c }))}
          />
        );
      }
      return (
        <Select
          {...common}
          value={value as string | undefined}
          allowClear
          showSearch
          placeholder="请选择"
          options={choices.map((c) => ({ value: c, label: c }))}
          onChange={(v) => onChange(v)}
        />
      );
    }
    case 'multichoice':
      return (
        <Checkbox.Group
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          options={(field.choices ?? []).map((c) => ({ value: c, label: c }))}
          style={{ rowGap: 8 }}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          id={id}
          size="large"
          value={value}
          optionType="button"
          buttonStyle="solid"
          onChange={(e) => onChange(e.target.value)}
          options={[
            { value: true, label: '是' },
            { value: false, label: '否' },
          ]}
        />
      );
    case 'idcard':
      return (
        <Input
          {...common}
          value={str(value)}
          maxLength={18}
          autoComplete="off"
          placeholder="18位身份证号码"
          onChange={(e) => onChange(e.target.value.toUpperCase())}
        />
      );
    case 'mobile':
      return (
        <Input
          {...common}
          value={str(value)}
          inputMode="tel"
          maxLength={20}
          autoComplete="off"
          placeholder="11位手机号码"
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'uscc':
      return (
        <Input
          {...common}
          value={str(value)}
          maxLength={18}
          autoComplete="off"
          placeholder="18位统一社会信用代码"
          onChange={(e) => onChange(e.target.value.toUpperCase())}
        />
      );
    case 'orgunit':
      return <OrgUnitSelect value={typeof value === 'string' ? value : undefined} initialLabel={str(value)} onChange={(v) => onChange(v)} />;
    case 'user':
      return (
        <InputNumber {...common} value={typeof value === 'number' ? value : null} placeholder="用户编号" onChange={(v) => onChange(v ?? undefined)} />
      );
    case 'photos':
      return (
        <PhotosInput id={id} value={Array.isArray(value) ? (value as string[]) : []} maxFiles={field.maxFiles} onChange={(ids) => onChange(ids)} />
      );
  }
}
