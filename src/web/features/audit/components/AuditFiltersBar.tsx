import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ACTION_NAMES, ENTITY_NAMES, type AuditFilters } from '../api/types';

interface Values {
  user?: string;
  entity?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const actionOptions = Object.entries(ACTION_NAMES).map(([value, label]) => ({ value, label }));
const entityOptions = Object.entries(ENTITY_NAMES).map(([value, label]) => ({ value, label }));

export function AuditFiltersBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const [form] = Form.useForm<Values>();
  const apply = (v: Values) =>
    onChange({
      user: v.user?.trim() || undefined,
      entity: v.entity || undefined,
      action: v.action || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="user" style={{ minWidth: 150 }}>
        <Input placeholder="用户名" allowClear aria-label="用户名" />
      </Form.Item>
      <Form.Item name="entity" style={{ minWidth: 140 }}>
        <Select placeholder="对象类型" allowClear options={entityOptions} aria-label="对象类型" />
      </Form.Item>
      <Form.Item name="action" style={{ minWidth: 170 }}>
        <Select placeholder="操作" allowClear showSearch={{ optionFilterProp: 'label' }} options={actionOptions} aria-label="操作" />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">查询</Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => { form.resetFields(); onChange({}); }}>重置</Button>
      </Form.Item>
    </Form>
  );
}
