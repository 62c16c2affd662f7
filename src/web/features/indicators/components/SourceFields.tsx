import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { AGGREGATE_NAMES, AGGREGATES, FILTER_OP_NAMES, FILTER_OPS, VALUELESS_OPS, type FilterOp } from '../../../../core/indicators';
import type { FieldDefinition } from '../../../../core/ledger-fields';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useLedger, useLedgers } from '../../ledgers/api/get-ledgers';
import { FilterValueInput } from './FilterValueInput';

const NUMERIC = ['integer', 'decimal'];
const DATES = ['date', 'datetime'];
const COMPARABLE_OPS: FilterOp[] = ['gt', 'gte', 'lt', 'lte'];

const dateProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

const fieldOptions = (fields: FieldDefinition[], types?: string[]) =>
  fields
    .filter((f) => !f.retired && f.type !== 'photos' && (!types || types.includes(f.type)))
    .map((f) => ({ value: f.key, label: f.unit ? `${f.label}（${f.unit}）` : f.label }));

/** Which ops make sense for a field: comparisons only for numbers and dates, “包含” for text. */
function opsFor(field: FieldDefinition | undefined): FilterOp[] {
  if (!field) return [...FILTER_OPS];
  return FILTER_OPS.filter((op) => {
    if (COMPARABLE_OPS.includes(op)) return NUMERIC.includes(field.type) || DATES.includes(field.type);
    if (op === 'contains') return ['text', 'longtext', 'multichoice'].includes(field.type);
    if (op === 'in' || op === 'notIn') return field.type !== 'boolean';
    return true;
  });
}

/** Ledger, aggregate, field, filters, statuses, date field and timing of a records or items source. */
export function SourceFields({ sourceType }: { sourceType: 'records' | 'items' }) {
  const isMobile = useIsMobile();
  const form = Form.useFormInstance();
  const ledgers = useLedgers();
  const ledgerKey = Form.useWatch('ledger', form) as string | undefined;
  const aggregate = Form.useWatch('aggregate', form) as string | undefined;
  const timing = Form.useWatch('timing', form) as string | undefined;
  const filters = Form.useWatch('filters', form) as { field?: string; op?: FilterOp }[] | undefined;
  const ledger = useLedger(ledgerKey);
  const fields = ledger.data?.fields ?? [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const kind = sourceType === 'records' ? 'register' : 'periodic';
  const ledgerOptions = (ledgers.data?.items ?? []).filter((l) => l.kind === kind).map((l) => ({ value: l.key, label: l.name }));
  const states = ledger.data?.workflow?.states ?? [];
  const onLedger = () =>
    form.setFieldsValue({ field: undefined, weightField: undefined, item: undefined, dateField: undefined, filters: [], statuses: undefined });

  if (sourceType === 'items') {
    return (
      <>
        <Form.Item name="ledger" label="按期填报台账" rules={[{ required: true, message: '请选择台账' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择按期填报的台账"
            options={ledgerOptions}
            loading={ledgers.isPending}
            onChange={onLedger}
            notFoundContent="还没有按期填报的台账"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="item" label="数据项" rules={[{ required: true, message: '请选择数据项' }]}>
              <Select placeholder={ledgerKey ? '选择数值字段' : '先选台账'} options={fieldOptions(fields, NUMERIC)} disabled={!ledgerKey} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="aggregate" label="统计方式" rules={[{ required: true }]}>
              <Select
                options={AGGREGATES.filter((a) => a !== 'distinct').map((a) => ({
                  value: a,
                  label: a === 'count' ? '计数（填报的单位数）' : AGGREGATE_NAMES[a],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="timing"
          label="口径"
          rules={[{ required: true }]}
          extra="期间发生：期间内各期之和；期末最新值：各单位截至期末最近一期的数；累计：从起始日期起的所有期。"
        >
          <Radio.Group
            options={[
              { value: 'flow', label: '期间发生' },
              { value: 'stock', label: '期末最新值' },
              { value: 'cumulative', label: '累计' },
            ]}
          />
        </Form.Item>
        {timing === 'cumulative' && (
          <Form.Item name="since" label="累计起始日期" {...dateProps}>
            <DatePicker style={{ width: 180 }} placeholder="不填则累计全部" />
          </Form.Item>
        )}
      </>
    );
  }

  return (
    <>
      <Form.Item name="ledger" label="台账" rules={[{ required: true, message: '请选择台账' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择登记型台账"
          options={ledgerOptions}
          loading={ledgers.isPending}
          onChange={onLedger}
          notFoundContent="还没有登记型台账"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="aggregate" label="统计方式" rules={[{ required: true }]}>
            <Select options={AGGREGATES.map((a) => ({ value: a, label: a === 'count' ? '计数（记录条数）' : AGGREGATE_NAMES[a] }))} />
          </Form.Item>
        </Col>
        {aggregate && aggregate !== 'count' && (
          <Col xs={24} md={8}>
            <Form.Item name="field" label={aggregate === 'distinct' ? '去重字段' : '统计字段'} rules={[{ required: true, message: '请选择字段' }]}>
              <Select
                placeholder={ledgerKey ? '选择字段' : '先选台账'}
                disabled={!ledgerKey}
                options={fieldOptions(fields, aggregate === 'distinct' ? undefined : NUMERIC)}
              />
            </Form.Item>
          </Col>
        )}
        {aggregate === 'avg' && (
          <Col xs={24} md={8}>
            <Form.Item name="weightField" label="加权字段（可不选）">
              <Select allowClear placeholder="不加权" options={fieldOptions(fields, NUMERIC)} disabled={!ledgerKey} />
            </Form.Item>
          </Col>
        )}
      </Row>

      <Typography.Text strong>筛选条件</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        同时满足下列全部条件的记录才计入
      </Typography.Text>
      <Form.List name="filters">
        {(items, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {items.map((item, i) => {
              const field = byKey.get(filters?.[i]?.field ?? '');
              const op = filters?.[i]?.op;
              const valueCol =
                op && VALUELESS_OPS.includes(op) ? null : (
                  <Col flex={isMobile ? undefined : 'auto'} span={isMobile ? 24 : undefined} style={{ minWidth: 0 }}>
                    <Form.Item name={[item.name, 'value']} rules={[{ required: true, message: '填取值' }]}>
                      <FilterValueInput field={field} op={op} />
                    </Form.Item>
                  </Col>
                );
              return (
                <Row key={item.key} gutter={8} align="top" wrap={isMobile}>
                  <Col flex={isMobile ? undefined : '200px'} span={isMobile ? 12 : undefined}>
                    <Form.Item name={[item.name, 'field']} rules={[{ required: true, message: '选字段' }]}>
                      <Select
                        placeholder="字段"
                        aria-label={`第${i + 1}个条件字段`}
                        options={fieldOptions(fields)}
                        disabled={!ledgerKey}
                        onChange={() => form.setFieldValue(['filters', item.name, 'value'], undefined)}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex={isMobile ? undefined : '120px'} span={isMobile ? 9 : undefined}>
                    <Form.Item name={[item.name, 'op']} rules={[{ required: true, message: '选条件' }]}>
                      <Select
                        placeholder="条件"
                        aria-label={`第${i + 1}个条件运算`}
                        options={opsFor(field).map((o) => ({ value: o, label: FILTER_OP_NAMES[o] }))}
                        onChange={() => form.setFieldValue(['filters', item.name, 'value'], undefined)}
                      />
                    </Form.Item>
                  </Col>
                  {!isMobile && valueCol}
                  <Col flex="32px" span={isMobile ? 3 : undefined}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第${i + 1}个条件`} onClick={() => remove(item.name)} />
                  </Col>
                  {isMobile && valueCol}
                </Row>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ op: 'eq' })} disabled={!ledgerKey} style={{ marginBottom: 16 }}>
              添加条件
            </Button>
          </div>
        )}
      </Form.List>

      {states.length > 0 && (
        <Form.Item name="statuses" label="只统计这些状态" extra="不选则统计全部状态的记录">
          <Select mode="multiple" allowClear placeholder="全部状态" options={states.map((s) => ({ value: s.key, label: s.label }))} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="dateField" label="日期字段" extra="用来判断记录属于哪个期间">
            <Select allowClear placeholder={ledgerKey ? '选择日期字段' : '先选台账'} options={fieldOptions(fields, DATES)} disabled={!ledgerKey} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="timing"
            label="口径"
            rules={[{ required: true }]}
            extra={timing === 'stock' ? '期末状态：截至期末的全部记录（如累计建档户数）' : '期间发生：日期落在所选期间内的记录（如本月新增）'}
          >
            <Radio.Group
              options={[
                { value: 'flow', label: '期间发生' },
                { value: 'stock', label: '期末状态' },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      {timing === 'stock' && (
        <Form.Item name="since" label="只计此日期之后的记录（可不填）" {...dateProps}>
          <DatePicker style={{ width: 180 }} placeholder="不限" />
        </Form.Item>
      )}
    </>
  );
}
