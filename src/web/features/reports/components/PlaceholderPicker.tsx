// 插入数据: builds one placeholder without typing a key — the kind, what it reads (an indicator found by name or
// pinyin initials, a ledger field, a fact), the period, the unit and the figure's format — and shows the text it
// will insert. The template editor and the import page both open it; given `initial` it edits that placeholder.
import { Alert, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  DATE_FORMATS,
  DATE_TARGETS,
  MERGE_FACTS,
  parseTemplate,
  PLACEHOLDER_KINDS,
  placeholderText,
  TABLE_KINDS,
  TOWNSHIP_FACTS,
  type PlaceholderKind,
} from '../../../../core/report-template';
import { useMe } from '../../../app/auth';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useIndicators } from '../../indicators/api/get-indicators';
import { useLedger, useLedgers } from '../../ledgers/api/get-ledgers';
import { useProjects } from '../../supervision/api/projects';
import { FormatFields, IndicatorTargetList, PeriodOption, UnitOption, type Options } from './placeholder-picker-parts';

/** The kinds offered, in the order a writer thinks of them ("待绑定" only comes from an imported report). */
const KINDS: PlaceholderKind[] = ['value', 'growth', 'top', 'rank', 'field', 'count', 'project', 'task', 'township', 'date', 'merge', 'table'];
const INDICATOR_KINDS = new Set<PlaceholderKind>(['value', 'growth', 'top', 'rank']);
/** Options are written in this order, so the same choice always reads the same. */
const OPTION_ORDER = [
  'period',
  'unit',
  'where',
  'n',
  'order',
  'by',
  'form',
  'keys',
  'ledger',
  'columns',
  'caption',
  'limit',
  'figure',
  'show',
  'node',
  'format',
  'dp',
  'scale',
  'times',
  'approx',
];

interface Draft {
  kind: PlaceholderKind;
  target: string;
  options: Options;
  flags: string[];
}

function draftOf(raw: string | undefined): Draft {
  const p = raw ? parseTemplate(`# 模板\n${raw}`).placeholders[0] : undefined;
  return p
    ? { kind: p.kind, target: p.target, options: { ...p.options }, flags: [...p.flags] }
    : { kind: 'value', target: '', options: {}, flags: [] };
}

function textOf(d: Draft): string {
  const options: Options = {};
  for (const name of [...OPTION_ORDER, ...Object.keys(d.options)])
    if (d.options[name] !== undefined && !(name in options)) options[name] = d.options[name];
  return placeholderText({ ...d, options });
}

/** The problem of the text the picker would insert, as the server's parser sees it. */
function problemOf(text: string, target: string): string | undefined {
  if (!target) return '请先选择要取的数据';
  const e = parseTemplate(`# 模板\n${text}`).errors.find((x) => x.line === 2);
  return e?.message;
}

const fixedOptions = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

export function PlaceholderPicker({
  open,
  initial,
  onClose,
  onPick,
}: {
  open: boolean;
  /** The placeholder to edit; a new one when absent. */
  initial?: string;
  onClose: () => void;
  onPick: (text: string) => void;
}) {
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={initial ? '修改数据占位符' : '插入数据'}
      size={isMobile ? '100%' : 600}
      destroyOnHidden
      // the caller puts the caret back in the text after the inserted placeholder
      focusable={{ focusTriggerAfterClose: false }}
      styles={{ body: { paddingTop: 12 } }}
    >
      {open && <PickerBody key={initial ?? ''} initial={initial} onPick={onPick} onClose={onClose} />}
    </Drawer>
  );
}

function PickerBody({ initial, onPick, onClose }: { initial?: string; onPick: (text: string) => void; onClose: () => void }) {
  const me = useMe();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const indicators = useIndicators(me.abilities.indicatorRead);
  const ledgers = useLedgers();
  const needsLedger = draft.kind === 'field' ? draft.target.split('.')[0] : undefined;
  const ledger = useLedger(needsLedger || undefined);
  const projects = useProjects({}, 1, 200);

  const { kind, target, options, flags } = draft;
  const spec = PLACEHOLDER_KINDS[kind];
  const has = (name: string) => name in spec.options;
  const set = (name: string, value: string | undefined) =>
    setDraft((d) => {
      const next = { ...d.options };
      if (value === undefined || value === '') delete next[name];
      else next[name] = value;
      return { ...d, options: next };
    });
  const setTarget = (t: string) => setDraft((d) => ({ ...d, target: t }));
  const setKind = (k: PlaceholderKind) =>
    setDraft((d) => {
      const keep = Object.fromEntries(Object.entries(d.options).filter(([n]) => n in PLACEHOLDER_KINDS[k].options));
      const sameTarget = INDICATOR_KINDS.has(k) && INDICATOR_KINDS.has(d.kind);
      return {
        kind: k,
        target: sameTarget ? d.target : '',
        options: keep,
        flags: (PLACEHOLDER_KINDS[k] as { flags?: string[] }).flags ? d.flags : [],
      };
    });

  const text = textOf(draft);
  const problem = problemOf(text, target);
  const ledgerOptions = (ledgers.data?.items ?? []).map((l) => ({ value: l.key, label: l.name }));
  const indicatorItems = indicators.data?.items ?? [];

  let targetField: React.ReactNode;
  if (INDICATOR_KINDS.has(kind)) {
    targetField = <IndicatorTargetList indicators={indicatorItems} loading={indicators.isPending} value={target} onChange={setTarget} />;
  } else if (kind === 'field') {
    const [l, f] = target.split('.');
    targetField = (
      <Flex gap={8} wrap>
        <Select
          aria-label="台账"
          showSearch
          optionFilterProp="label"
          placeholder="选择台账"
          style={{ width: 240 }}
          value={l || undefined}
          onChange={(v: string) => setTarget(`${v}.`)}
          options={ledgerOptions}
        />
        <Select
          aria-label="字段"
          showSearch
          optionFilterProp="label"
          placeholder="选择字段"
          style={{ width: 200 }}
          value={f || undefined}
          disabled={!l}
          loading={ledger.isFetching}
          onChange={(v: string) => setTarget(`${l}.${v}`)}
          options={(ledger.data?.fields ?? []).filter((x) => !x.retired).map((x) => ({ value: x.key, label: x.label }))}
        />
      </Flex>
    );
  } else if (kind === 'count') {
    targetField = (
      <Select
        aria-label="台账"
        showSearch
        optionFilterProp="label"
        placeholder="选择台账"
        style={{ width: 280 }}
        value={target || undefined}
        onChange={setTarget}
        options={ledgerOptions}
      />
    );
  } else if (kind === 'project') {
    targetField = (
      <Select
        aria-label="重点项目"
        showSearch
        optionFilterProp="label"
        placeholder="选择项目"
        style={{ width: '100%' }}
        value={target || undefined}
        onChange={setTarget}
        options={[{ value: 'count', label: '重点项目个数' }, ...(projects.data?.items ?? []).map((p) => ({ value: p.name, label: p.name }))]}
      />
    );
  } else if (kind === 'task') {
    targetField = <Input aria-label="任务标题" placeholder="督办任务的标题" value={target} onChange={(e) => setTarget(e.target.value)} />;
  } else {
    const table = { township: TOWNSHIP_FACTS, date: DATE_TARGETS, merge: MERGE_FACTS, table: TABLE_KINDS, unbound: {} }[kind as 'township'];
    targetField = (
      <Select
        aria-label={spec.target}
        placeholder={`选择${spec.target}`}
        style={{ width: 240 }}
        value={target || undefined}
        onChange={setTarget}
        options={fixedOptions(table)}
      />
    );
  }

  return (
    <Form layout="vertical" component="div">
      <Form.Item label="数据类型" style={{ marginBottom: 12 }}>
        <Radio.Group
          aria-label="数据类型"
          size="small"
          optionType="button"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={KINDS.map((k) => ({ value: k, label: PLACEHOLDER_KINDS[k].label }))}
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 6 }}
        />
      </Form.Item>
      <Form.Item label={`取什么：${spec.target.replace(/键$/, '')}`} style={{ marginBottom: 12 }}>
        {targetField}
      </Form.Item>
      {has('period') && (
        <Form.Item label="期间" style={{ marginBottom: 12 }}>
          <PeriodOption value={options.period} onChange={(v) => set('period', v)} />
        </Form.Item>
      )}
      {has('unit') && (
        <Form.Item label="单位" style={{ marginBottom: 12 }}>
          <UnitOption value={options.unit} onChange={(v) => set('unit', v)} />
        </Form.Item>
      )}
      {kind === 'top' && (
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <span>
            列举{' '}
            <InputNumber
              aria-label="列举个数"
              min={1}
              max={20}
              style={{ width: 72 }}
              value={Number(options.n ?? 3)}
              onChange={(v) => set('n', v ? String(v) : undefined)}
            />{' '}
            个
          </span>
          <Select
            aria-label="排名方向"
            style={{ width: 120 }}
            value={options.order ?? 'best'}
            onChange={(v) => set('order', v === 'best' ? undefined : v)}
            options={[
              { value: 'best', label: '靠前的' },
              { value: 'worst', label: '靠后的' },
            ]}
          />
          <Select
            aria-label="按何排名"
            style={{ width: 130 }}
            value={options.by ?? 'village'}
            onChange={(v) => set('by', v === 'village' ? undefined : v)}
            options={[
              { value: 'village', label: '按村排名' },
              { value: 'cadre_group', label: '按包村工作组' },
            ]}
          />
        </Flex>
      )}
      {kind === 'growth' && (
        <Form.Item label="写法" style={{ marginBottom: 12 }}>
          <Radio.Group
            value={options.form ?? 'rate'}
            onChange={(e) => set('form', e.target.value === 'rate' ? undefined : e.target.value)}
            options={[
              { value: 'rate', label: '增长率（增长12.5%）' },
              { value: 'amount', label: '增减量（增加120亩）' },
            ]}
          />
        </Form.Item>
      )}
      {kind === 'project' && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label="项目写出"
            style={{ width: 150 }}
            value={options.show ?? 'name'}
            onChange={(v) => set('show', v === 'name' ? undefined : v)}
            options={[
              { value: 'name', label: '写项目名称' },
              { value: 'village', label: '写所在村' },
              { value: 'leader', label: '写责任领导' },
              { value: 'group', label: '写工作组' },
              { value: 'investment', label: '写投资额' },
            ]}
          />
          <Input
            aria-label="说明中的数字"
            placeholder="或取项目说明中某词后的数字，如 全长"
            style={{ width: 260 }}
            value={options.figure ?? ''}
            onChange={(e) => set('figure', e.target.value.trim() || undefined)}
          />
        </Flex>
      )}
      {kind === 'task' && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input
            aria-label="节点名称"
            placeholder="节点名称（可空）"
            style={{ width: 200 }}
            value={options.node ?? ''}
            onChange={(e) => set('node', e.target.value.trim() || undefined)}
          />
          <Select
            aria-label="日期写法"
            style={{ width: 170 }}
            value={options.format ?? 'md'}
            onChange={(v) => set('format', v === 'md' ? undefined : v)}
            options={Object.entries(DATE_FORMATS).map(([value, label]) => ({ value, label: `如 ${label}` }))}
          />
        </Flex>
      )}
      {kind === 'date' && (
        <Form.Item label="日期写法" style={{ marginBottom: 12 }}>
          <Select
            aria-label="日期写法"
            style={{ width: 200 }}
            value={options.format ?? ''}
            onChange={(v: string) => set('format', v || undefined)}
            options={[{ value: '', label: '默认' }, ...Object.entries(DATE_FORMATS).map(([value, label]) => ({ value, label: `如 ${label}` }))]}
          />
        </Form.Item>
      )}
      {kind === 'table' && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Input
            aria-label="表题"
            placeholder="表题（可空）"
            value={options.caption ?? ''}
            onChange={(e) => set('caption', e.target.value || undefined)}
          />
          {target === 'grid' && (
            <Select
              mode="multiple"
              aria-label="表中指标"
              placeholder="选择表中的指标"
              showSearch
              optionFilterProp="label"
              value={options.keys ? options.keys.split(',') : []}
              onChange={(v: string[]) => set('keys', v.join(',') || undefined)}
              options={indicatorItems.map((i) => ({ value: i.key, label: i.name }))}
            />
          )}
          {target === 'records' && (
            <Select
              aria-label="记录表台账"
              placeholder="选择台账"
              showSearch
              optionFilterProp="label"
              value={options.ledger}
              onChange={(v: string) => set('ledger', v)}
              options={ledgerOptions}
            />
          )}
        </Flex>
      )}
      {'dp' in spec.options && 'approx' in spec.options && (
        <Form.Item label="数字格式" style={{ marginBottom: 12 }}>
          <FormatFields options={options} flags={flags} set={set} setFlags={(f) => setDraft((d) => ({ ...d, flags: f }))} />
        </Form.Item>
      )}
      {'dp' in spec.options && !('approx' in spec.options) && (
        <Form.Item label="小数位" style={{ marginBottom: 12 }}>
          <InputNumber
            aria-label="小数位"
            min={0}
            max={4}
            precision={0}
            placeholder="默认"
            value={options.dp === undefined ? null : Number(options.dp)}
            onChange={(v) => set('dp', v === null ? undefined : String(v))}
          />
        </Form.Item>
      )}
      <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          将插入：
        </Typography.Text>
        <div aria-label="将插入的占位符" style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {text}
        </div>
      </div>
      {problem && target && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" disabled={!!problem} onClick={() => onPick(text)}>
          {initial ? '保存修改' : '插入'}
        </Button>
      </Flex>
    </Form>
  );
}
