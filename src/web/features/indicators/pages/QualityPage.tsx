import { CheckCircleOutlined, DeleteOutlined, EditOutlined, FlagOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Result, Row, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { periodFileTag } from '../../../../core/periods';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { PageHeader } from '../../../components/PageHeader';
import { SheetExportButton } from '../../../components/SheetExportButton';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useTownshipClock } from '../../supervision/api/get-township-clock';
import { CreateTaskDrawer, type TaskDraft } from '../../supervision/components/CreateTaskDrawer';
import { useIndicators } from '../api/get-indicators';
import { useDeleteQualityRule, useSaveQualityRule, useQualityRules, useViolations } from '../api/quality-rules';
import type { QualityOperator, QualityRule, Violation } from '../api/types';
import { FormulaMark, formulaProblem } from '../components/FormulaInput';
import { choiceLabel, usePeriodChoice } from '../components/period-choice';
import { PeriodPicker } from '../components/PeriodPicker';

const OPERATORS: { value: QualityOperator; label: string }[] = [
  { value: '<=', label: '≤ 不大于' },
  { value: '<', label: '< 小于' },
  { value: '=', label: '= 等于' },
  { value: '>=', label: '≥ 不小于' },
  { value: '>', label: '> 大于' },
  { value: '!=', label: '≠ 不等于' },
];
const OP_SIGN: Record<QualityOperator, string> = { '<=': '≤', '<': '<', '=': '=', '>=': '≥', '>': '>', '!=': '≠' };
const FUNCTION_NAMES = new Set(['ratio', 'percent', 'growth', 'diff', 'min', 'max', 'abs', 'round', 'last_year', 'target']);
/** A formula with indicator keys written as their names: land_transferred → 土地流转面积. */
const readable = (formula: string, names: Map<string, string>) =>
  formula.replace(/[a-z][a-z0-9_]*/g, (word) => (FUNCTION_NAMES.has(word) ? word : (names.get(word) ?? word)));
const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 4 }));

/** Adds a rule, or changes the one being edited (then 保存修改 / 取消). */
function RuleForm({ editing, onDone }: { editing: QualityRule | null; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<QualityRule, 'id'>>();
  const create = useSaveQualityRule(editing?.id);
  useEffect(() => {
    if (editing) form.setFieldsValue({ name: editing.name, left: editing.left, operator: editing.operator, right: editing.right });
    else form.resetFields();
  }, [editing, form]);
  const indicators = useIndicators();
  const known = useMemo(() => new Set((indicators.data?.items ?? []).map((i) => i.key)), [indicators.data]);
  const left = (Form.useWatch('left', form) as string | undefined) ?? '';
  const right = (Form.useWatch('right', form) as string | undefined) ?? '';
  const check = (_: unknown, v: string | undefined) => {
    const problem = v?.trim() ? formulaProblem(v, known) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  };
  const onFinish = (v: Omit<QualityRule, 'id'>) =>
    create.mutate(v, {
      onSuccess: () => {
        message.success(editing ? '已保存规则' : '已添加规则');
        form.resetFields();
        onDone();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.errors.length) form.setFields(e.errors.map((x) => ({ name: x.field as never, errors: [x.message] })));
        else message.error(errorDetail(e));
      },
    });
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ operator: '<=' }}>
      <Form.Item name="name" label="规则名称" rules={[{ required: true, whitespace: true, message: '请填写规则名称' }]}>
        <Input placeholder="例如：流转面积不能超过耕地面积" />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} md={10}>
          <Form.Item
            name="left"
            label="左边（公式）"
            rules={[{ required: true, message: '请填写左边的公式' }, { validator: check }]}
            validateDebounce={300}
            extra={left.trim() && formulaProblem(left, known) ? <FormulaMark formula={left} message={formulaProblem(left, known)} /> : undefined}
          >
            <Input style={{ fontFamily: 'monospace' }} placeholder="指标标识或公式" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="operator" label="比较符">
            <Select options={OPERATORS} aria-label="比较符" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="right"
            label="右边（公式）"
            rules={[{ required: true, message: '请填写右边的公式' }, { validator: check }]}
            validateDebounce={300}
            extra={right.trim() && formulaProblem(right, known) ? <FormulaMark formula={right} message={formulaProblem(right, known)} /> : undefined}
          >
            <Input style={{ fontFamily: 'monospace' }} placeholder="指标标识或公式" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        公式写法同指标公式，可引用指标标识、target(x)、last_year(x)。规则逐村检查，任一边没有数据的村不列出。
      </Typography.Paragraph>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={editing ? <SaveOutlined /> : <PlusOutlined />} loading={create.isPending}>
          {editing ? '保存修改' : '添加规则'}
        </Button>
        {editing && <Button onClick={onDone}>取消</Button>}
      </Flex>
    </Form>
  );
}

/** 督办整改: a task to the village a finding is about, named after the rule, one node due in 7 days. */
function useRectification() {
  const me = useMe();
  const clock = useTownshipClock(me.abilities.taskAssign);
  const today = clock.data?.today;
  const [open, setOpen] = useState(false);
  // A new key per finding: the drawer's form starts from that finding, not from the last one typed into.
  const [draft, setDraft] = useState<{ key: number; value: TaskDraft }>();
  const start = (v: Violation, finding: string) => {
    if (!today) return;
    setDraft((d) => ({
      key: (d?.key ?? 0) + 1,
      value: {
        title: `整改：${v.rule.name}（${v.orgUnit.name}）`.slice(0, 100),
        source: 'quality',
        sourceRef: v.rule.name.slice(0, 100),
        lead: v.orgUnit.code,
        description: finding,
        nodes: [{ title: '核实并整改数据', due: dayjs(today).add(7, 'day').format('YYYY-MM-DD') }],
      },
    }));
    setOpen(true);
  };
  const drawer = draft && <CreateTaskDrawer key={draft.key} open={open} initial={draft.value} onClose={() => setOpen(false)} />;
  return { enabled: me.abilities.taskAssign, ready: !!today, start, drawer };
}

export default function QualityPage() {
  const me = useMe();
  const isMobile = useIsMobile();
  const { modal, message } = App.useApp();
  const canDefine = me.abilities.indicatorDefine;
  const rules = useQualityRules();
  const [editing, setEditing] = useState<QualityRule | null>(null);
  useEffect(() => {
    if (editing) document.getElementById('rule-form')?.scrollIntoView({ behavior: 'smooth' });
  }, [editing]);
  const remove = useDeleteQualityRule();
  const [choice, setChoice] = usePeriodChoice();
  const violations = useViolations(choice.period, choice.asOf);
  const rectify = useRectification();
  const ruleOf = (id: number) => rules.data?.items.find((r) => r.id === id);
  const indicators = useIndicators();
  const names = useMemo(() => new Map((indicators.data?.items ?? []).map((i) => [i.key, i.name])), [indicators.data]);
  const ruleText = (r: QualityRule) => (
    <>
      <div>
        {readable(r.left, names)} {OP_SIGN[r.operator]} {readable(r.right, names)}
      </div>
      <Typography.Text type="secondary" code style={{ fontSize: 12, whiteSpace: 'normal', wordBreak: 'break-all' }}>
        {r.left} {OP_SIGN[r.operator]} {r.right}
      </Typography.Text>
    </>
  );

  if (!me.abilities.indicatorRead) return <Result status="403" title="无权访问" subTitle="您无权查看数据质量" />;
  const confirmDelete = (r: QualityRule) =>
    modal.confirm({
      title: `删除规则“${r.name}”？`,
      content: '删除后不再检查这条规则，已填报的数据不受影响。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        remove
          .mutateAsync(r.id)
          .then(() => {
            message.success('已删除');
            if (editing?.id === r.id) setEditing(null);
          })
          .catch((e) => {
            message.error(errorDetail(e));
          }),
    });
  const items = violations.data?.items ?? [];
  const finding = (v: Violation) => `${num(v.left)}，应 ${OP_SIGN[ruleOf(v.rule.id)?.operator ?? '<=']} ${num(v.right)}`;

  return (
    <>
      <PageHeader title="数据质量" subTitle="用规则逐村核对填报数据之间的关系，数据一改，问题清单随即更新" />
      <Card
        size="small"
        title="问题清单"
        style={{ marginBottom: 16 }}
        extra={
          !isMobile && (
            <SheetExportButton
              fileName={`数据质量问题-${periodFileTag(choice.period)}.xlsx`}
              sheetName="问题清单"
              disabled={!items.length}
              columns={[
                { header: '规则', width: 30 },
                { header: '村（社区）', width: 16 },
                { header: '左边', width: 14 },
                { header: '比较', width: 8 },
                { header: '右边', width: 14 },
              ]}
              rows={() => items.map((v) => [v.rule.name, v.orgUnit.name, v.left, OP_SIGN[ruleOf(v.rule.id)?.operator ?? '<='], v.right])}
            />
          )
        }
      >
        <div style={{ marginBottom: 12 }}>
          <PeriodPicker value={choice} onChange={setChoice} />
        </div>
        {violations.error ? (
          <ApiErrorResult error={violations.error} compact onRetry={() => violations.refetch()} />
        ) : (
          <>
            {violations.data &&
              (violations.data.checked === 0 ? (
                <Alert type="info" showIcon style={{ marginBottom: 12 }} title="还没有数据质量规则，添加规则后将逐村检查" />
              ) : items.length === 0 ? (
                <Alert
                  type="success"
                  showIcon
                  icon={<CheckCircleOutlined />}
                  style={{ marginBottom: 12 }}
                  title={`${choiceLabel(choice)}：已检查 ${violations.data.checked} 项（规则 × 村），没有发现问题`}
                />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`${choiceLabel(choice)}：已检查 ${violations.data.checked} 项，发现 ${items.length} 处数据不符合规则`}
                />
              ))}
            {isMobile && items.length > 0 && (
              <div style={{ marginBottom: 8 }}>
                <SheetExportButton
                  fileName={`数据质量问题-${periodFileTag(choice.period)}.xlsx`}
                  sheetName="问题清单"
                  columns={[
                    { header: '规则', width: 30 },
                    { header: '村（社区）', width: 16 },
                    { header: '左边', width: 14 },
                    { header: '比较', width: 8 },
                    { header: '右边', width: 14 },
                  ]}
                  rows={() => items.map((v) => [v.rule.name, v.orgUnit.name, v.left, OP_SIGN[ruleOf(v.rule.id)?.operator ?? '<='], v.right])}
                />
              </div>
            )}
            {(items.length > 0 || !violations.data) && (
              <Table<Violation>
                rowKey={(v) => `${v.rule.id}-${v.orgUnit.code}`}
                size="small"
                loading={violations.isPending}
                dataSource={items}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处`, size: 'small' }}
                scroll={{ x: 520 }}
                locale={{ emptyText: emptyText(rules.data?.items.length ? '本期没有发现问题' : '还没有数据质量规则') }}
                columns={[
                  { title: '规则', key: 'rule', render: (_, v) => v.rule.name },
                  { title: '村（社区）', key: 'unit', width: 110, render: (_, v) => v.orgUnit.name },
                  { title: '不符合之处', key: 'values', width: 200, render: (_, v) => <Typography.Text type="danger">{finding(v)}</Typography.Text> },
                  ...(rectify.enabled
                    ? [
                        {
                          title: '操作',
                          key: 'task',
                          width: 100,
                          render: (_: unknown, v: Violation) => (
                            <Button
                              type="link"
                              size="small"
                              icon={<FlagOutlined />}
                              disabled={!rectify.ready}
                              onClick={() =>
                                rectify.start(v, `${violations.data?.period.label ?? ''}${v.orgUnit.name}：${v.rule.name}，${finding(v)}`)
                              }
                              style={{ padding: 0 }}
                            >
                              督办整改
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </>
        )}
      </Card>
      <Row gutter={16}>
        <Col span={24}>
          <Card
            size="small"
            title={`规则（${rules.data?.items.length ?? 0}）`}
            style={{ marginBottom: 16 }}
            styles={{ body: { padding: 0 } }}
            extra={
              <SheetExportButton
                fileName="数据质量规则.xlsx"
                sheetName="规则"
                disabled={!rules.data?.items.length}
                columns={[
                  { header: '规则名称', width: 30 },
                  { header: '左边', width: 30 },
                  { header: '比较', width: 8 },
                  { header: '右边', width: 30 },
                ]}
                rows={() => (rules.data?.items ?? []).map((r) => [r.name, r.left, OP_SIGN[r.operator], r.right])}
              />
            }
          >
            {rules.error ? (
              <ApiErrorResult error={rules.error} compact />
            ) : (
              <Table<QualityRule>
                rowKey="id"
                size="small"
                loading={rules.isPending}
                dataSource={rules.data?.items}
                pagination={false}
                locale={{ emptyText: emptyText(canDefine ? '还没有规则，可在下方添加' : '还没有数据质量规则') }}
                columns={[
                  {
                    title: '名称',
                    key: 'name',
                    render: (_, r) => (
                      <>
                        {r.name}
                        {isMobile && <div style={{ marginTop: 4 }}>{ruleText(r)}</div>}
                      </>
                    ),
                  },
                  ...(isMobile ? [] : [{ title: '规则', key: 'rule', render: (_: unknown, r: QualityRule) => ruleText(r) }]),
                  ...(canDefine
                    ? [
                        {
                          title: '操作',
                          key: 'actions',
                          width: 90,
                          render: (_: unknown, r: QualityRule) => (
                            <Flex>
                              <Button
                                type="link"
                                size="small"
                                icon={<EditOutlined />}
                                aria-label={`编辑规则${r.name}`}
                                onClick={() => setEditing(r)}
                              />
                              <Button
                                type="link"
                                danger
                                size="small"
                                icon={<DeleteOutlined />}
                                aria-label={`删除规则${r.name}`}
                                onClick={() => confirmDelete(r)}
                              />
                            </Flex>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Card>
        </Col>
        {canDefine && (
          <Col span={24}>
            <Card size="small" title={editing ? `编辑规则：${editing.name}` : '添加规则'} id="rule-form">
              <RuleForm editing={editing} onDone={() => setEditing(null)} />
            </Card>
          </Col>
        )}
      </Row>
      {rectify.drawer}
    </>
  );
}
