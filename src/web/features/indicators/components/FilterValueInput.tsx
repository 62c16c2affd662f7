import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import type { FieldDefinition } from '../../../../core/ledger-fields';
import type { FilterOp, FilterValue } from '../../../../core/indicators';

/** The value of one filter condition, in the input its field and operator need. */
export function FilterValueInput({
  field,
  op,
  value,
  onChange,
  id,
}: {
  field: FieldDefinition | undefined;
  op: FilterOp | undefined;
  value?: FilterValue;
  onChange?: (v: FilterValue | undefined) => void;
  id?: string;
}) {
  const list = op === 'in' || op === 'notIn';
  const common = { id, style: { width: '100%' }, 'aria-label': '条件取值' };
  if (!field) return <Input {...common} disabled placeholder="先选字段" />;
  if (field.type === 'boolean') {
    return (
      <Select
        {...common}
        value={value as boolean | undefined}
        onChange={onChange}
        placeholder="选择是或否"
        options={[
          { value: true, label: '是' },
          { value: false, label: '否' },
        ]}
      />
    );
  }
  if (field.choices?.length) {
    return (
      <Select
        {...common}
        mode={list ? 'multiple' : undefined}
        value={value as string | string[] | undefined}
        onChange={onChange}
        placeholder="选择取值"
        options={field.choices.map((c) => ({ value: c, label: c }))}
      />
    );
  }
  if (list) {
    return (
      <Select
        {...common}
        mode="tags"
        value={value as string[] | undefined}
        placeholder="输入后回车，可填多个"
        onChange={(v: string[]) => onChange?.(field.type === 'integer' || field.type === 'decimal' ? v.map(Number) : v)}
        open={false}
      />
    );
  }
  if (field.type === 'integer' || field.type === 'decimal') {
    return <InputNumber {...common} value={value as number | undefined} onChange={(v) => onChange?.(v ?? undefined)} placeholder="数值" />;
  }
  if (field.type === 'date' || field.type === 'datetime') {
    return (
      <DatePicker
        {...common}
        value={typeof value === 'string' && value ? dayjs(value) : null}
        onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
        placeholder="选择日期"
      />
    );
  }
  return <Input {...common} value={value as string | undefined} onChange={(e) => onChange?.(e.target.value)} placeholder="取值" />;
}
