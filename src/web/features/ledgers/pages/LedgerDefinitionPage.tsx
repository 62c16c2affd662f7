import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { fieldList, type FieldDefinition } from '../../../../core/ledger-fields';
import { workflowDefinition, type Workflow } from '../../../../core/ledger-workflow';
import { PERIOD_TYPE_NAMES, PERIOD_TYPES, type PeriodType } from '../../../../core/periods';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useWorkLines } from '../../cadre/api/get-work-lines';
import { useLedger } from '../api/get-ledgers';
import { useCreateLedger, useUpdateLedgerDefinition } from '../api/save-ledger';
import type { Ledger, LedgerKind } from '../api/types';
import { FieldEditor } from '../components/FieldEditor';
import { WorkflowEditor } from '../components/WorkflowEditor';

interface Meta {
  name: string;
  key: string;
  kind: LedgerKind;
  workLineId?: number;
  description?: string;
  periodType?: PeriodType;
}

interface Problems {
  byField: Record<number, string[]>;
  general: string[];
}

const NO_PROBLEMS: Problems = { byField: {}, general: [] };
// zod's own messages are English; the definitions' rules carry Chinese ones
const chinese = (message: string) => (/^[\x20-\x7E]+$/.test(message) ? '填写不完整或不正确' : message);

/** Drops empty options so the saved definition only says what was set. */
function tidy(field: FieldDefinition): FieldDefinition {
  return Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as FieldDefinition;
}

function nextFieldKey(fields: FieldDefinition[]): string {
  for (let i = fields.length + 1; ; i++) if (!fields.some((f) => f.key === `f${i}`)) return `f${i}`;
}

/** Problems of the definition by the shared schemas, before anything is sent. */
function checkDefinition(fields: FieldDefinition[], workflow: Workflow | null): Problems {
  const problems: Problems = { byField: {}, general: [] };
  const parsed = fieldList.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [index] = issue.path;
      if (typeof index === 'number') (problems.byField[index] ??= []).push(chinese(issue.message));
      else problems.general.push(chinese(issue.message));
    }
  }
  if (workflow) {
    const wf = workflowDefinition.safeParse(workflow);
    if (!wf.success) problems.general.push(...wf.error.issues.map((i) => `状态流转：${chinese(i.message)}`));
  }
  return problems;
}

/** `fields.2.choices` → the third field's problem; everything else is general. */
function serverProblems(error: unknown): Problems {
  if (!(error instanceof ApiError)) return { byField: {}, general: [errorDetail(error)] };
  const problems: Problems = { byField: {}, general: [] };
  for (const e of error.errors) {
    const m = /^fields\.(\d+)/.exec(e.field);
    if (m) (problems.byField[Number(m[1])] ??= []).push(e.message);
    else problems.general.push(e.message);
  }
  if (!error.errors.length) problems.general.push(error.detail);
  return problems;
}

export default function LedgerDefinitionPage() {
  const { key } = useParams();
  const me = useMe();
  const { data, isPending, error, refetch } = useLedger(key);
  if (!me.abilities.ledgerDefine) return <ApiErrorResult error={new ApiError(403, 'FORBIDDEN', '只有镇领导和条线负责人可以定义台账')} />;
  if (key && isPending) return <PageLoading />;
  if (key && error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;
  return <DefinitionEditor key={data ? `${data.key}-${data.version}` : 'new'} ledger={data ?? null} />;
}

function DefinitionEditor({ ledger }: { ledger: Ledger | null }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const workLines = useWorkLines();
  const [meta, setMeta] = useState<Meta>({ name: '', key: `tz_${Date.now().toString(36)}`, kind: 'register' });
  const [fields, setFields] = useState<FieldDefinition[]>(ledger?.fields ?? [{ key: 'f1', label: '', type: 'text', required: true }]);
  const [workflow, setWorkflow] = useState<Workflow | null>(ledger?.workflow ?? null);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const saved = useMemo(() => new Set(ledger?.fields.map((f) => f.key) ?? []), [ledger]);
  const lockedStates = useMemo(() => new Set(ledger?.workflow?.states.map((s) => s.key) ?? []), [ledger]);
  const create = useCreateLedger();
  const update = useUpdateLedgerDefinition(ledger?.key ?? '');
  const kind = ledger?.kind ?? meta.kind;
  const periodic = kind === 'periodic';

  const move = (i: number, step: -1 | 1) => {
    const next = [...fields];
    [next[i], next[i + step]] = [next[i + step], next[i]];
    setFields(next);
  };

  const onSave = () => {
    const tidied = fields.map(tidy);
    const wf = periodic ? null : workflow;
    const local = checkDefinition(tidied, wf);
    if (!ledger) {
      if (!meta.name.trim()) local.general.unshift('请填写台账名称');
      if (!/^[a-z][a-z0-9_-]{0,59}$/.test(meta.key)) local.general.unshift('台账标识应以小写字母开头，只含小写字母、数字、下划线和连字符');
      if (periodic && !meta.periodType) local.general.unshift('按期填报的台账需要选择填报周期');
    }
    setProblems(local);
    if (local.general.length || Object.keys(local.byField).length) {
      message.error('请按提示修改后再保存');
      return;
    }
    const onError = (e: unknown) => setProblems(serverProblems(e));
    if (!ledger) {
      create.mutate(
        {
          key: meta.key,
          name: meta.name.trim(),
          kind,
          workLineId: meta.workLineId ?? null,
          description: meta.description?.trim() || undefined,
          periodType: periodic ? meta.periodType : undefined,
          workflow: wf ?? undefined,
          fields: tidied,
        },
        {
          onSuccess: (l) => {
            message.success(`已创建台账“${l.name}”`);
            navigate(`/ledgers/${l.key}`);
          },
          onError,
        },
      );
      return;
    }
    const fieldsChanged = JSON.stringify(tidied) !== JSON.stringify(ledger.fields.map(tidy));
    const workflowChanged = !periodic && JSON.stringify(wf) !== JSON.stringify(ledger.workflow);
    if (!fieldsChanged && !workflowChanged) {
      message.info('没有修改');
      return;
    }
    update.mutate(
      { fields: fieldsChanged ? tidied : undefined, workflow: workflowChanged ? wf : undefined },
      {
        onSuccess: (l) => {
          message.success(`已保存为第 ${l?.version ?? ''} 版`);
          navigate(`/ledgers/${ledger.key}`);
        },
        onError,
      },
    );
  };

  const lines = workLines.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={ledger ? `编辑字段：${ledger.name}` : '新建台账'}
        subTitle={ledger ? `当前第 ${ledger.version} 版；保存后生成新版本，已填数据不会丢失` : '不需要编程：定义字段和规则后即可填报、导入和导出'}
        extra={
          <>
            <Button onClick={() => navigate(ledger ? `/ledgers/${ledger.key}` : '/ledgers')}>取消</Button>
            <Button type="primary" loading={create.isPending || update.isPending} onClick={onSave}>
              {ledger ? '保存新版本' : '创建台账'}
            </Button>
          </>
        }
      />
      {problems.general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="未能保存"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.general.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {!ledger && (
        <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
          <Form layout="vertical" component="div">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item label="台账名称" required htmlFor="ledger-name">
                  <Input
                    id="ledger-name"
                    value={meta.name}
                    maxLength={60}
                    placeholder="如：安全隐患排查台账"
                    onChange={(e) => setMeta({ ...meta, name: e.target.value })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="工作条线" htmlFor="ledger-line">
                  <Select
                    id="ledger-line"
                    allowClear
                    value={meta.workLineId}
                    placeholder="选择所属条线"
                    loading={workLines.isPending}
                    options={lines.map((l) => ({ value: l.id, label: l.name }))}
                    onChange={(workLineId) => setMeta({ ...meta, workLineId })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="类型" required>
                  <Radio.Group
                    value={meta.kind}
                    onChange={(e) => setMeta({ ...meta, kind: e.target.value })}
                    options={[
                      { value: 'register', label: '登记型（一事一条）' },
                      { value: 'periodic', label: '按期填报（各村每期一行）' },
                    ]}
                  />
                </Form.Item>
              </Col>
              {periodic && (
                <Col xs={24} md={12}>
                  <Form.Item label="填报周期" required htmlFor="ledger-period">
                    <Select
                      id="ledger-period"
                      value={meta.periodType}
                      placeholder="选择周期"
                      onChange={(periodType) => setMeta({ ...meta, periodType })}
                      options={PERIOD_TYPES.map((t) => ({ value: t, label: `每${PERIOD_TYPE_NAMES[t]}` }))}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item label="说明" htmlFor="ledger-desc">
                  <Input.TextArea
                    id="ledger-desc"
                    value={meta.description}
                    maxLength={500}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    placeholder="填报口径、适用范围"
                    onChange={(e) => setMeta({ ...meta, description: e.target.value })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="标识" htmlFor="ledger-key" extra="英文标识，供指标和接口引用，创建后不能修改">
                  <Input id="ledger-key" value={meta.key} onChange={(e) => setMeta({ ...meta, key: e.target.value.trim() })} />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Card>
      )}
      <Card
        title={periodic ? '数据项' : '字段'}
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          <Typography.Text type="secondary">
            {fields.filter((f) => !f.retired).length} 个在用
            {fields.some((f) => f.retired) ? `，${fields.filter((f) => f.retired).length} 个已停用` : ''}
          </Typography.Text>
        }
      >
        {periodic && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="按期填报的数据项为整数、小数或文本（备注），各村每期填一行。" />}
        {fields.map((f, i) => (
          <FieldEditor
            key={i}
            field={f}
            index={i}
            count={fields.length}
            earlier={fields.slice(0, i)}
            saved={saved.has(f.key)}
            periodic={periodic}
            problems={problems.byField[i] ?? []}
            onChange={(next) => setFields(fields.map((x, j) => (j === i ? next : x)))}
            onMove={(step) => move(i, step)}
            onRemove={() => setFields(fields.filter((_, j) => j !== i))}
          />
        ))}
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          onClick={() => setFields([...fields, { key: nextFieldKey(fields), label: '', type: periodic ? 'integer' : 'text' }])}
        >
          添加字段
        </Button>
      </Card>
      {!periodic && (
        <Card title="状态流转（可选）" size="small">
          <WorkflowEditor value={workflow} onChange={setWorkflow} lockedStates={lockedStates} />
        </Card>
      )}
    </>
  );
}
