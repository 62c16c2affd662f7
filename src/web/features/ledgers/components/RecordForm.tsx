import { Form, Typography } from 'antd';
import { isFieldActive, type FieldDefinition, type RecordValues } from '../../../../core/ledger-fields';
import { FieldInput } from './FieldInput';
import { shownValues } from './record-values';

/** The entry form generated from a ledger's fields: one column, conditional fields appear as they apply. */
export function RecordForm({
  fields,
  values,
  errors,
  onChange,
  disabled,
}: {
  fields: FieldDefinition[];
  values: RecordValues;
  errors: Record<string, string>;
  onChange: (values: RecordValues) => void;
  disabled?: boolean;
}) {
  const shown = shownValues(fields, values);
  return (
    <Form layout="vertical" component="div" disabled={disabled} requiredMark>
      {fields.map((field) => {
        if (field.retired || !isFieldActive(field, shown)) return null;
        const id = `field-${field.key}`;
        const hint = [field.unique ? '不可重复' : null, field.type === 'photos' ? `最多${field.maxFiles ?? 9}个，图片或PDF，每个不超过10 MB` : null]
          .filter(Boolean)
          .join('；');
        return (
          <Form.Item
            key={field.key}
            label={field.label}
            htmlFor={id}
            required={field.required}
            validateStatus={errors[field.key] ? 'error' : undefined}
            help={errors[field.key]}
            extra={
              hint ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {hint}
                </Typography.Text>
              ) : undefined
            }
          >
            <FieldInput field={field} id={id} value={values[field.key]} onChange={(value) => onChange({ ...values, [field.key]: value })} />
          </Form.Item>
        );
      })}
    </Form>
  );
}
