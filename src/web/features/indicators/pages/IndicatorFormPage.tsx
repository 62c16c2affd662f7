import { App, AutoComplete, Button, Card, Col, Collapse, Flex, Form, Input, InputNumber, Radio, Result, Row, Select, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useWorkLines } from '../../cadre/api/get-work-lines';
import { useIndicator, useIndicators } from '../api/get-indicators';
import { useSaveIndicator } from '../api/save-indicator';
import type { Indicator } from '../api/types';
import { DefinitionPreview } from '../components/DefinitionPreview';
import { formNameOf, initialValues, toDefinition, type DefinitionFormValues } from '../components/definition-form';
import { FormulaInput, FormulaMark, formulaProblem } from '../components/FormulaInput';
import { usePeriodChoice } from '../components/period-choice';
import { PeriodPicker } from '../components/PeriodPicker';
import { SourceFields } from '../components/SourceFields';

const UNITS = ['个', '户', '人', '亩', '元', '万元', '剂', '处', '次', '家', '公里', '%'];

function DefinitionForm({ saved, indicators }: { saved: Indicator | undefined; indicators: Indicator[] }) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<DefinitionFormValues>();
  const initial = useMemo(() => initialValues(saved), [saved]);
  const save = useSaveIndicator(saved?.key);
  const workLines = useWorkLines();
  const [choice, setChoice] = usePeriodChoice();
  const values = Form.useWatch([], form) as DefinitionFormValues | undefined;
  const current = values ? toDefinition({ ...initial, ...values }) : toDefinition(initial);
  const sourceType = Form.useWatch('sourceType', form) ?? initial.sourceType;
  const formula = (Form.useWatch('formula', form) as string | undefined) ?? '';
  const known = useMemo(() => new Set(indicators.map((i) => i.key)), [indicators]);
  // The server's message about the formula it was sent, else the same check done here as the user types.
  const [serverFormula, setServerFormula] = useState<{ formula: string; message: string } | null>(null);
  const formulaMessage =
    serverFormula?.formula === formula ? serverFormula.message : formula.trim() ? formulaProblem(formula, known, saved?.key) : null;

  useEffect(() => form.resetFields(), [initial, form]);

  const onFinish = (v: DefinitionFormValues) => {
    save.mutate(toDefinition({ ...initial, ...v }), {
      onSuccess: (result) => {
        message.success(saved ? '已保存指标' : `已创建指标“${result.name}”`);
        navigate(`/indicators?period=${choice.period}&asOf=${choice.asOf}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.errors.length) {
          form.setFields(error.errors.map((e) => ({ name: formNameOf(e.field) as never, errors: [e.message] })));
          const onFormula = error.errors.find((e) => e.field === 'source.formula');
          if (onFormula) setServerFormula({ formula: v.formula ?? '', message: onFormula.message });
          message.error(error.errors[0].message);
        } else message.error(errorDetail(error));
      },
    });
  };

  return (
    <Form<DefinitionFormValues> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" title="基本信息" style={{ marginBottom: 16 }}>
            <Row gutter={12}>
              <Col xs={24} md={14}>
                <Form.Item name="name" label="指标名称" rules={[{ required: true, whitespace: true, message: '请填写指标名称' }, { max: 60 }]}>
                  <Input placeholder="例如：土地流转面积" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="workLine" label="工作条线">
                  <Select
                    allowClear
                    placeholder="选择条线"
                    loading={workLines.isPending}
                    options={(workLines.data?.items ?? []).map((l) => ({ value: l.name, label: l.name }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="description" label="说明（口径说明，可不填）">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          </Card>

          <Card size="small" title="数据来源" style={{ marginBottom: 16 }}>
            <Form.Item name="sourceType" label="来源类型">
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'records', label: '台账记录' },
                  { value: 'items', label: '按期填报数据项' },
                  { value: 'formula', label: '公式' },
                ]}
                onChange={(e) =>
                  form.setFieldsValue({
                    ledger: undefined,
                    field: undefined,
                    item: undefined,
                    filters: [],
                    statuses: undefined,
                    dateField: undefined,
                    aggregate: e.target.value === 'records' ? 'count' : 'sum',
                    timing: 'flow',
                  })
                }
              />
            </Form.Item>
            {sourceType === 'formula' ? (
              <>
                <Form.Item
                  name="formula"
                  label="公式"
                  validateDebounce={300}
                  rules={[
                    {
                      validator: (_, v: string | undefined) => {
                        const problem = formulaProblem(v ?? '', known, saved?.key);
                        return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                      },
                    },
                  ]}
                >
                  <FormulaInput indicators={indicators.filter((i) => i.key !== saved?.key)} />
                </Form.Item>
                <FormulaMark formula={formula} message={formulaMessage} />
              </>
            ) : (
              <SourceFields sourceType={sourceType as 'records' | 'items'} />
            )}
          </Card>

          <Card size="small" title="显示格式" style={{ marginBottom: 16 }}>
            <Row gutter={12}>
              <Col xs={12} md={6}>
                <Form.Item name="unit" label="计量单位">
                  <AutoComplete options={UNITS.map((u) => ({ value: u }))} placeholder="亩、户、人…" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="decimals" label="小数位数">
                  <InputNumber min={0} max={6} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="scale" label="数量级换算">
                  <Radio.Group
                    options={[
                      { value: 'none', label: '不换算' },
                      { value: 'wan', label: '万' },
                      { value: 'yi', label: '亿' },
                    ]}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="higherIsBetter"
              label="越大越好"
              valuePropName="checked"
              extra="用于排行：接种剂次、流转面积越大越好；隐患数、信访量越小越好"
            >
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Card>
          <Collapse
            size="small"
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'key',
                label: '高级：指标标识',
                children: (
                  <Form.Item
                    name="key"
                    label="指标标识（公式和报告模板中引用它）"
                    style={{ marginBottom: 0 }}
                    extra={saved ? undefined : '可留空：保存时按名称的拼音首字母生成，如“重大隐患数”→ zdyhs'}
                    rules={[{ pattern: /^[a-z][a-z0-9_]{1,47}$/, message: '以小写字母开头，只含小写字母、数字和下划线' }]}
                  >
                    <Input disabled={!!saved} style={{ fontFamily: 'monospace' }} placeholder="留空自动生成" />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={9}>
          <div style={{ position: isMobile ? undefined : 'sticky', top: 72 }}>
            <Card size="small" style={{ marginBottom: 8 }}>
              <PeriodPicker value={choice} onChange={setChoice} />
            </Card>
            <DefinitionPreview input={current} saved={saved} indicators={indicators} choice={choice} />
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={save.isPending} block>
                {saved ? '保存修改' : '创建指标'}
              </Button>
              <Button onClick={() => navigate(-1)} block>
                取消
              </Button>
            </Flex>
          </div>
        </Col>
      </Row>
    </Form>
  );
}

export default function IndicatorFormPage() {
  const { key } = useParams();
  const me = useMe();
  const indicator = useIndicator(key);
  const all = useIndicators();
  if (!me.abilities.indicatorDefine) return <Result status="403" title="无权访问" subTitle="只有镇领导和条线负责人可以定义指标" />;
  if ((key && indicator.isPending) || all.isPending) return <PageLoading />;
  if (indicator.error) return <ApiErrorResult error={indicator.error} />;
  if (all.error) return <ApiErrorResult error={all.error} onRetry={() => all.refetch()} />;
  return (
    <>
      <PageHeader
        title={key ? `编辑指标：${indicator.data?.name ?? ''}` : '新建指标'}
        subTitle="选台账、统计方式和条件即可定义指标，无需编写代码；数值由台账数据实时计算"
      />
      <DefinitionForm saved={indicator.data} indicators={all.data.items} />
    </>
  );
}
