// One field of a ledger definition: its name, type and rules, with the condition that shows it.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, DatePicker, Flex, Input, InputNumber, Popconfirm, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { FIELD_TYPE_NAMES, FIELD_TYPES, type FieldDefinition, type FieldType } from '../../../../core/ledger-fields';

const PERIODIC_TYPES: FieldType[] = ['integer', 'decimal', 'text', 'longtext'];
const UNIQUE_TYPES = new Set<FieldType>(['text', 'idcard', 'mobile', 'uscc', 'integer']);
const CONDITION_TYPES = new Set<FieldType>(['choice', 'multichoice', 'boolean']);

/** Drops the options that do not apply to the new type, so a definition never carries stale rules. */
function withType(field: FieldDefinition, type: FieldType): FieldDefinition {
  const { key, label, required, when, retired } = field;
  const next: FieldDefinition = { key, label, type, required, when, retired };
  if (type === 'choice' || type === 'multichoice') next.choices = field.choices ?? [];
  if (type === 'photos') next.maxFiles = field.maxFiles ?? 9;
  return next;
}

function conditionOptions(source: FieldDefinition | undefined): { value: string | boolean; label: string }[] {
  if (!source) return [];
  if (source.type === 'boolean')
    return [
      { value: true, label: '是' },
      { value: false, label: '否' },
    ];
  return (source.choices ?? []).map((c) => ({ value: c, label: c }));
}

export function FieldEditor({
  field,
  index,
  count,
  earlier,
  saved,
  periodic,
  problems,
  onChange,
  onMove,
  onRemove,
}: {
  field: FieldDefinition;
  index: number;
  count: number;
  /** Fields before this one: a condition may only look back. */
  earlier: FieldDefinition[];
  /** Saved in an earlier version: retired instead of removed, type fixed. */
  saved: boolean;
  periodic: boolean;
  problems: string[];
  onChange: (field: FieldDefinition) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  const set = (patch: Partial<FieldDefinition>) => onChange({ ...field, ...patch });
  const num = (v: number | null) => (v === null ? undefined : v);
  const types = periodic ? PERIODIC_TYPES : [...FIELD_TYPES];
  const sources = earlier.filter((f) => !f.retired && CONDITION_TYPES.has(f.type));
  const source = sources.find((f) => f.key === field.when?.field);
  const equals = field.when ? (Array.isArray(field.when.equals) ? field.when.equals : [field.when.equals]) : [];
  const small = { fontSize: 12 };

  const title = (
    <Flex align="center" gap={8} wrap>
      <Typography.Text type="secondary">{index + 1}.</Typography.Text>
      <Typography.Text strong delete={field.retired}>
        {field.label || '（未命名字段）'}
      </Typography.Text>
      <Tag>{FIELD_TYPE_NAMES[field.type]}</Tag>
      {field.required && <Tag color="red">必填</Tag>}
      {field.unique && <Tag color="purple">不可重复</Tag>}
      {field.when && <Tag color="gold">有条件</Tag>}
      {field.retired && <Tag color="default">已停用</Tag>}
    </Flex>
  );
  const extra = (
    <Space size={0}>
      <Tooltip title="上移">
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} aria-label="上移" />
      </Tooltip>
      <Tooltip title="下移">
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label="下移" />
      </Tooltip>
      {!saved ? (
        <Tooltip title="删除（尚未保存的字段）">
          <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label="删除字段" />
        </Tooltip>
      ) : field.retired ? (
        <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => set({ retired: undefined })}>
          恢复启用
        </Button>
      ) : (
        <Popconfirm
          title={`停用“${field.label}”？`}
          description="已填的数据会保留并可查看，但表单中不再显示，也不能再填写。"
          okText="停用"
          okButtonProps={{ danger: true }}
          onConfirm={() => set({ retired: true, required: undefined })}
        >
          <Button type="link" size="small" danger icon={<StopOutlined />}>
            停用
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      title={title}
      extra={extra}
      style={{ marginBottom: 12, opacity: field.retired ? 0.6 : 1 }}
      styles={{ header: { flexWrap: 'wrap', paddingBlock: 6 } }}
    >
      {field.retired ? (
        <Typography.Text type="secondary">已停用的字段保留原有数据，不再出现在填报表单和导入模板中。</Typography.Text>
      ) : (
        <Row gutter={[12, 8]}>
          <Col xs={24} sm={10}>
            <Typography.Text style={small}>字段名称</Typography.Text>
            <Input
              value={field.label}
              maxLength={40}
              placeholder="如：户主姓名"
              aria-label={`第${index + 1}个字段名称`}
              onChange={(e) => set({ label: e.target.value })}
            />
          </Col>
          <Col xs={14} sm={8}>
            <Typography.Text style={small}>类型</Typography.Text>
            <Select
              value={field.type}
              style={{ width: '100%' }}
              disabled={saved}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={`第${index + 1}个字段类型`}
              options={types.map((t) => ({ value: t, label: FIELD_TYPE_NAMES[t] }))}
              onChange={(t) => onChange(withType(field, t))}
            />
          </Col>
          <Col xs={10} sm={6}>
            <Typography.Text style={small}>标识</Typography.Text>
            <Input value={field.key} disabled={saved} aria-label={`第${index + 1}个字段标识`} onChange={(e) => set({ key: e.target.value.trim() })} />
          </Col>
          <Col span={24}>
            <Space wrap size={16}>
              <Checkbox checked={!!field.required} onChange={(e) => set({ required: e.target.checked || undefined })}>
                必填
              </Checkbox>
              {UNIQUE_TYPES.has(field.type) && !periodic && (
                <Checkbox checked={!!field.unique} onChange={(e) => set({ unique: e.target.checked || undefined })}>
                  台账内不可重复
                </Checkbox>
              )}
            </Space>
          </Col>
          {(field.type === 'choice' || field.type === 'multichoice') && (
            <Col span={24}>
              <Typography.Text style={small}>选项（输入后按回车）</Typography.Text>
              <Select
                mode="tags"
                value={field.choices ?? []}
                style={{ width: '100%' }}
                open={false}
                tokenSeparators={[',', '，', '、']}
                aria-label={`第${index + 1}个字段选项`}
                placeholder="如：一般、较大、重大"
                onChange={(choices) => set({ choices })}
              />
            </Col>
          )}
          {(field.type === 'integer' || field.type === 'decimal') && (
            <>
              <Col xs={12} sm={6}>
                <Typography.Text style={small}>单位</Typography.Text>
                <Input
                  value={field.unit}
                  maxLength={10}
                  placeholder="户、人、亩"
                  aria-label={`第${index + 1}个字段单位`}
                  onChange={(e) => set({ unit: e.target.value || undefined })}
                />
              </Col>
              <Col xs={12} sm={6}>
                <Typography.Text style={small}>最小值</Typography.Text>
                <InputNumber
                  value={field.min}
                  aria-label={`第${index + 1}个字段最小值`}
                  style={{ width: '100%' }}
                  onChange={(v) => set({ min: num(v) })}
                />
              </Col>
              <Col xs={12} sm={6}>
                <Typography.Text style={small}>最大值</Typography.Text>
                <InputNumber
                  value={field.max}
                  aria-label={`第${index + 1}个字段最大值`}
                  style={{ width: '100%' }}
                  onChange={(v) => set({ max: num(v) })}
                />
              </Col>
              {field.type === 'decimal' && (
                <Col xs={12} sm={6}>
                  <Typography.Text style={small}>小数位数</Typography.Text>
                  <InputNumber
                    value={field.decimals}
                    aria-label={`第${index + 1}个字段小数位数`}
                    min={0}
                    max={6}
                    precision={0}
                    style={{ width: '100%' }}
                    onChange={(v) => set({ decimals: num(v) })}
                  />
                </Col>
              )}
            </>
          )}
          {(field.type === 'text' || field.type === 'longtext') && (
            <>
              <Col xs={12} sm={6}>
                <Typography.Text style={small}>最多字数</Typography.Text>
                <InputNumber
                  value={field.maxLength}
                  aria-label={`第${index + 1}个字段最多字数`}
                  min={1}
                  max={10000}
                  precision={0}
                  style={{ width: '100%' }}
                  onChange={(v) => set({ maxLength: num(v) })}
                />
              </Col>
              <Col xs={12} sm={9}>
                <Typography.Text style={small}>格式（正则表达式，可不填）</Typography.Text>
                <Input
                  value={field.pattern}
                  aria-label={`第${index + 1}个字段格式`}
                  placeholder="如 [0-9]{6}"
                  onChange={(e) => set({ pattern: e.target.value || undefined })}
                />
              </Col>
              <Col xs={24} sm={9}>
                <Typography.Text style={small}>格式不符时的提示</Typography.Text>
                <Input
                  value={field.patternMessage}
                  maxLength={100}
                  placeholder="如：应为6位数字"
                  onChange={(e) => set({ patternMessage: e.target.value || undefined })}
                />
              </Col>
            </>
          )}
          {field.type === 'date' && (
            <>
              <Col xs={12} sm={8}>
                <Typography.Text style={small}>最早日期</Typography.Text>
                <DatePicker
                  value={field.minDate ? dayjs(field.minDate) : null}
                  style={{ width: '100%' }}
                  onChange={(d) => set({ minDate: d?.format('YYYY-MM-DD') })}
                />
              </Col>
              <Col xs={12} sm={8}>
                <Typography.Text style={small}>最晚日期</Typography.Text>
                <DatePicker
                  value={field.maxDate ? dayjs(field.maxDate) : null}
                  style={{ width: '100%' }}
                  onChange={(d) => set({ maxDate: d?.format('YYYY-MM-DD') })}
                />
              </Col>
            </>
          )}
          {field.type === 'photos' && (
            <Col xs={12} sm={6}>
              <Typography.Text style={small}>最多几个</Typography.Text>
              <InputNumber
                value={field.maxFiles}
                aria-label={`第${index + 1}个字段最多几个`}
                min={1}
                max={20}
                precision={0}
                style={{ width: '100%' }}
                onChange={(v) => set({ maxFiles: num(v) })}
              />
            </Col>
          )}
          {!periodic && (sources.length > 0 || field.when) && (
            <Col span={24}>
              <Typography.Text style={small}>显示条件（可不设）：仅当</Typography.Text>
              <Flex gap={8} wrap align="center">
                <Select
                  allowClear
                  placeholder="前面的单选/多选/是否字段"
                  style={{ minWidth: 200 }}
                  value={field.when?.field}
                  disabled={!sources.length}
                  aria-label={`第${index + 1}个字段的条件字段`}
                  options={sources.map((f) => ({ value: f.key, label: f.label }))}
                  onChange={(key) =>
                    set({ when: key ? { field: key, equals: conditionOptions(sources.find((f) => f.key === key))[0]?.value ?? '' } : undefined })
                  }
                />
                <Typography.Text>为</Typography.Text>
                <Select
                  mode="multiple"
                  style={{ minWidth: 180 }}
                  disabled={!field.when}
                  placeholder="取值"
                  value={equals as (string | boolean)[]}
                  options={conditionOptions(source)}
                  aria-label={`第${index + 1}个字段的条件取值`}
                  onChange={(list: (string | boolean)[]) =>
                    field.when && set({ when: { field: field.when.field, equals: list.length === 1 ? list[0] : list } })
                  }
                />
                <Typography.Text type="secondary" style={small}>
                  时显示{field.required ? '并必填' : ''}
                </Typography.Text>
              </Flex>
            </Col>
          )}
        </Row>
      )}
      {problems.map((p) => (
        <Typography.Text key={p} type="danger" style={{ display: 'block', marginTop: 6 }}>
          {p}
        </Typography.Text>
      ))}
    </Card>
  );
}
