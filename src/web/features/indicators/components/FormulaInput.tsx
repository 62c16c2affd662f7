import { Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { formulaReferences, FormulaError, parseFormula } from '../../../../core/formula';
import type { Indicator } from '../api/types';

/** The 1-based character a message like “第 7 个字符处：…” points at. */
export function errorPosition(message: string | undefined): number | null {
  const m = message ? /第 (\d+) 个字符处/.exec(message) : null;
  return m ? Number(m[1]) : null;
}

/** Checks a formula as the server will, without a round trip: syntax, and names of the township's indicators. */
export function formulaProblem(formula: string, known: Set<string>, self?: string): string | null {
  try {
    const refs = formulaReferences(parseFormula(formula));
    const unknown = refs.find((r) => r.key !== self && !known.has(r.key));
    if (unknown) return `第 ${unknown.at} 个字符处：指标“${unknown.key}”不存在`;
    return null;
  } catch (error) {
    if (error instanceof FormulaError) return error.message;
    throw error;
  }
}

/** The formula with the character an error points at marked, so a long formula shows where to look. */
export function FormulaMark({ formula, message }: { formula: string; message: string | null | undefined }) {
  const at = errorPosition(message ?? undefined);
  if (!at || !formula) return null;
  const i = Math.min(at - 1, formula.length);
  return (
    <div
      aria-label="公式出错位置"
      style={{
        fontFamily: 'monospace',
        fontSize: 13,
        background: '#fff2f0',
        border: '1px solid #ffccc7',
        borderRadius: 4,
        padding: '4px 8px',
        marginTop: 4,
        wordBreak: 'break-all',
      }}
    >
      {formula.slice(0, i)}
      <span style={{ background: '#ff4d4f', color: '#fff', padding: '0 2px', borderRadius: 2 }}>{formula[i] ?? '␣'}</span>
      {formula.slice(i + 1)}
    </div>
  );
}

const SNIPPETS = [
  { label: '占比 %', text: 'percent(a, b)' },
  { label: '同比增长 %', text: 'growth(a, last_year(a))' },
  { label: '目标完成率 %', text: 'percent(a, target(a))' },
  { label: '差值', text: 'diff(a, b)' },
];

/** A formula over other indicators, with pickers that insert an indicator's key or a common function. */
export function FormulaInput({
  value,
  onChange,
  indicators,
  id,
}: {
  value?: string;
  onChange?: (v: string) => void;
  indicators: Indicator[];
  id?: string;
}) {
  const ref = useRef<{ resizableTextArea?: { textArea: HTMLTextAreaElement } } | null>(null);
  const insert = (text: string) => {
    const area = ref.current?.resizableTextArea?.textArea;
    const current = value ?? '';
    const at = area ? area.selectionStart : current.length;
    const end = area ? area.selectionEnd : current.length;
    onChange?.(current.slice(0, at) + text + current.slice(end));
  };
  return (
    <div>
      <Input.TextArea
        id={id}
        ref={ref as never}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder="例如 percent(land_transferred, land_contracted)"
        style={{ fontFamily: 'monospace' }}
        aria-label="公式"
      />
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        <Select
          showSearch
          placeholder="插入指标"
          aria-label="插入指标"
          style={{ width: 220 }}
          value={null}
          optionFilterProp="label"
          onChange={(k: string) => insert(k)}
          options={indicators.map((i) => ({ value: i.key, label: `${i.name}（${i.key}）` }))}
        />
        <Space size={4} wrap>
          {SNIPPETS.map((s) => (
            <Tag key={s.label} style={{ cursor: 'pointer' }} onClick={() => insert(s.text)}>
              {s.label}
            </Tag>
          ))}
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
        可用 + - * / 和括号；函数 percent(a, b) 占比、growth(a, b) 增长率、diff、ratio、min、max、abs、round；last_year(x) 取上年同期，target(x)
        取目标值。除数为零或缺数时结果为“—”。
      </Typography.Paragraph>
    </div>
  );
}
