// The 模板键 field of a new template, shared by the editor and the import page: checked as it is typed, and a key
// typed by hand stops following the name.
import { Form, Input } from 'antd';
import type { CSSProperties } from 'react';
import { TEMPLATE_KEY_PATTERN } from './template-key';

export function TemplateKeyField({
  value,
  onChange,
  placeholder,
  tooltip = '用于链接和接口，创建后不能修改',
  itemStyle,
  inputStyle,
}: {
  value: string;
  onChange: (key: string) => void;
  placeholder: string;
  tooltip?: string;
  itemStyle?: CSSProperties;
  inputStyle?: CSSProperties;
}) {
  const bad = !!value && !TEMPLATE_KEY_PATTERN.test(value);
  return (
    <Form.Item
      label="模板键"
      required
      tooltip={tooltip}
      style={itemStyle}
      validateStatus={bad ? 'error' : undefined}
      help={bad ? '小写字母开头的字母、数字或连字符，2到40位' : undefined}
    >
      <Input
        aria-label="模板键"
        maxLength={40}
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        placeholder={placeholder}
        style={inputStyle}
      />
    </Form.Item>
  );
}
