import { Button, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd';
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

/** Filters in a grid that stacks on a phone. */
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
  const item = { style: { marginBottom: 0 } };
  return (
    <Form form={form} onFinish={apply} style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="user" {...item}>
            <Input placeholder="用户名" allowClear aria-label="用户名" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="entity" {...item}>
            <Select placeholder="对象类型" allowClear options={entityOptions} aria-label="对象类型" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="action" {...item}>
            <Select placeholder="操作" allowClear showSearch={{ optionFilterProp: 'label' }} options={actionOptions} aria-label="操作" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="range" {...item}>
            <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={4}>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onChange({});
              }}
            >
              重置
            </Button>
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}
