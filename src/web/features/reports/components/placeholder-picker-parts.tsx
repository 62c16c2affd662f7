// Pieces of the placeholder picker: the searchable indicator list, the subject (period and unit) and the figure
// format (decimals, thousands, 万/亿, 约数“余”). Each edits the placeholder's options map in place of a form.
import { Checkbox, Empty, Flex, Input, InputNumber, List, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { RELATIVE_REPORT_PERIODS, SCALE_WORDS } from '../../../../core/report-template';
import { pinyinInitials } from '../../../../core/search-text';
import { useMe } from '../../../app/auth';
import { useCadreGroups } from '../../cadre/api/get-cadre-groups';
import type { Indicator } from '../../indicators/api/types';
import { useOrgChildren } from '../../org/api/get-org-children';

export type Options = Record<string, string>;
export type SetOption = (name: string, value: string | undefined) => void;

/** Indicators found by name, key, pinyin initials (tdlz → 土地流转…) or work line. */
export function matchIndicators(items: Indicator[], query: string): Indicator[] {
  const q = query.trim().toLowerCase();
  if (!q) return items;
  return items.filter(
    (i) =>
      i.name.toLowerCase().includes(q) ||
      i.key.includes(q) ||
      pinyinInitials(i.name).includes(q) ||
      (i.workLine ?? '').includes(q) ||
      (i.workLine ? pinyinInitials(i.workLine).includes(q) : false),
  );
}

export function IndicatorTargetList({
  indicators,
  loading,
  value,
  onChange,
}: {
  indicators: Indicator[];
  loading: boolean;
  value: string;
  onChange: (key: string) => void;
}) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => matchIndicators(indicators, query), [indicators, query]);
  return (
    <div>
      <Input.Search
        allowClear
        placeholder="搜索指标：名称、拼音首字母（如 tdlz）、键或条线"
        aria-label="搜索指标"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <div style={{ maxHeight: 260, overflowY: 'auto', border: '1px solid #f0f0f0', borderRadius: 6 }}>
        <List
          size="small"
          loading={loading}
          dataSource={shown.slice(0, 200)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query ? '没有匹配的指标' : '还没有指标'} /> }}
          renderItem={(i) => {
            const chosen = i.key === value;
            return (
              <List.Item
                role="option"
                aria-selected={chosen}
                aria-label={`指标 ${i.name}`}
                onClick={() => onChange(i.key)}
                style={{ cursor: 'pointer', paddingInline: 10, background: chosen ? '#e6f4ff' : undefined }}
              >
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong={chosen}>{i.name}</Typography.Text>
                  {i.unit && <Typography.Text type="secondary">（{i.unit}）</Typography.Text>}
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{i.key}</div>
                </div>
                {i.workLine && <Tag style={{ marginInlineEnd: 0 }}>{i.workLine}</Tag>}
              </List.Item>
            );
          }}
        />
      </div>
      {shown.length > 200 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          只列出前 200 个，请输入更多文字缩小范围
        </Typography.Text>
      )}
    </div>
  );
}

const PERIOD_CUSTOM = '__custom';

/** 报告期, 上年同期, … or a period id typed in (2021S1, LY:2022). */
export function PeriodOption({ value, onChange }: { value: string | undefined; onChange: (v: string | undefined) => void }) {
  const relative = value === undefined || value in RELATIVE_REPORT_PERIODS;
  const [custom, setCustom] = useState(!relative);
  return (
    <Flex gap={8} wrap>
      <Select
        aria-label="取数期间"
        style={{ width: 160 }}
        value={custom ? PERIOD_CUSTOM : (value ?? 'report')}
        onChange={(v) => {
          setCustom(v === PERIOD_CUSTOM);
          onChange(v === PERIOD_CUSTOM ? value : v === 'report' ? undefined : v);
        }}
        options={[
          ...Object.entries(RELATIVE_REPORT_PERIODS).map(([k, label]) => ({ value: k, label })),
          { value: PERIOD_CUSTOM, label: '指定期间…' },
        ]}
      />
      {custom && (
        <Input
          aria-label="期间代码"
          placeholder="如 2021S1、2022Q2、2022"
          style={{ width: 180 }}
          value={relative ? '' : value}
          onChange={(e) => onChange(e.target.value.trim() || undefined)}
        />
      )}
    </Flex>
  );
}

/** 报告单位 (no option), a village of the township, or a cadre group (包村小组) by name. */
export function UnitOption({ value, onChange }: { value: string | undefined; onChange: (v: string | undefined) => void }) {
  const me = useMe();
  const villages = useOrgChildren(me.township?.code ?? null, {}, !!me.township);
  const groups = useCadreGroups();
  const options = [
    { value: '', label: '报告单位（随生成报告时所选单位）' },
    {
      label: '村（社区）',
      options: (villages.data?.items ?? []).filter((u) => u.level === 'village').map((u) => ({ value: u.name, label: u.name })),
    },
    { label: '包村工作组', options: (groups.data?.items ?? []).filter((g) => g.kind === 'small').map((g) => ({ value: g.name, label: g.name })) },
  ];
  return (
    <Select
      aria-label="取数单位"
      showSearch
      optionFilterProp="label"
      style={{ width: '100%', maxWidth: 320 }}
      value={value ?? ''}
      loading={villages.isPending}
      options={options}
      onChange={(v: string) => onChange(v || undefined)}
    />
  );
}

/** The figure's format: decimals, thousands separators, a scale word, and 约数“余” with its step and rule. */
export function FormatFields({
  options,
  flags,
  set,
  setFlags,
}: {
  options: Options;
  flags: string[];
  set: SetOption;
  setFlags: (f: string[]) => void;
}) {
  const [step, rule] = (options.approx ?? '').split(':');
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap align="center">
        <span>
          小数位{' '}
          <InputNumber
            aria-label="小数位"
            min={0}
            max={4}
            precision={0}
            placeholder="按指标"
            style={{ width: 96 }}
            value={options.dp === undefined ? null : Number(options.dp)}
            onChange={(v) => set('dp', v === null ? undefined : String(v))}
          />
        </span>
        <Checkbox
          checked={flags.includes('sep')}
          onChange={(e) => setFlags(e.target.checked ? [...flags.filter((f) => f !== 'sep'), 'sep'] : flags.filter((f) => f !== 'sep'))}
        >
          千分位（7,929.6）
        </Checkbox>
        <span>
          单位换算{' '}
          <Select
            aria-label="单位换算"
            style={{ width: 110 }}
            value={options.scale ?? ''}
            onChange={(v: string) => set('scale', v || undefined)}
            options={[{ value: '', label: '不换算' }, ...Object.keys(SCALE_WORDS).map((w) => ({ value: w, label: `以${w}计` }))]}
          />
        </span>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Checkbox checked={!!options.approx} onChange={(e) => set('approx', e.target.checked ? '10' : undefined)}>
          约数“余”（7,900余亩）
        </Checkbox>
        {options.approx && (
          <>
            <span>
              取整到{' '}
              <InputNumber
                aria-label="取整单位"
                min={0.01}
                style={{ width: 96 }}
                value={Number(step) || 10}
                onChange={(v) => set('approx', `${v ?? 10}${rule ? `:${rule}` : ''}`)}
              />
            </span>
            <Select
              aria-label="取整方式"
              style={{ width: 120 }}
              value={rule === 'nearest' ? 'nearest' : 'floor'}
              onChange={(r) => set('approx', `${step || 10}${r === 'nearest' ? ':nearest' : ''}`)}
              options={[
                { value: 'floor', label: '向下取整' },
                { value: 'nearest', label: '四舍五入' },
              ]}
            />
          </>
        )}
      </Flex>
    </Flex>
  );
}
