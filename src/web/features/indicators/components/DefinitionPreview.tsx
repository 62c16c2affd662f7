import { Alert, Card, Flex, Statistic, Typography } from 'antd';
import { evaluateFormula, parseFormula, formulaReferences, type FormulaNode } from '../../../../core/formula';
import { definitionProblems, formatValue, type IndicatorSource, type LedgerShape } from '../../../../core/indicators';
import { useLedger } from '../../ledgers/api/get-ledgers';
import { useIndicatorValues, valueOf } from '../api/get-values';
import { usePreviewValue } from '../api/preview-indicator';
import type { Ledger } from '../../ledgers/api/types';
import type { Indicator, IndicatorInput } from '../api/types';
import { choiceLabel, hasTargets, type PeriodChoice } from './period-choice';
import { lastYearChoice } from '../../../../core/periods';

/** The ledger as the definition check sees it. */
function ledgerShapes(ledger: Ledger): Map<string, LedgerShape> {
  return new Map([
    [ledger.key, { name: ledger.name, kind: ledger.kind, fields: ledger.fields, states: ledger.workflow?.states.map((s) => s.key) ?? [] }],
  ]);
}

/** JSON with sorted keys and without empty lists, so that equal sources compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
const sameSource = (a: IndicatorSource | undefined, b: IndicatorSource) => !!a && canonical(a) === canonical(b);

function parsed(formula: string): FormulaNode | null {
  try {
    return parseFormula(formula);
  } catch {
    return null;
  }
}

/** A formula's value, computed here from the values of the indicators it reads (the server computes the same). */
function useFormulaPreview(formula: string, choice: PeriodChoice, enabled: boolean) {
  const node = enabled ? parsed(formula) : null;
  const refs = node ? formulaReferences(node) : [];
  const keys = [...new Set(refs.map((r) => r.key))];
  const lastYear = lastYearChoice(choice.period, choice.asOf);
  const now = useIndicatorValues({ keys, periods: [choice.period], asOf: choice.asOf, targets: hasTargets(choice.period) }, !!node);
  const before = useIndicatorValues({ keys, periods: [lastYear.period], asOf: lastYear.asOf }, !!node && refs.some((r) => r.of === 'last_year'));
  if (!node) return { value: undefined, pending: false };
  const value = evaluateFormula(node, (key, of) => {
    if (of === 'last_year') return valueOf(before.data, key)?.value ?? null;
    const v = valueOf(now.data, key);
    return (of === 'target' ? v?.target : v?.value) ?? null;
  });
  return { value, pending: now.isPending || (refs.some((r) => r.of === 'last_year') && before.isPending) };
}

/**
 * What the definition gives for the chosen period, as the user types: a formula is computed here from the values
 * it reads; a ledger source unchanged shows the saved figure, a changed or new one is tried on the server
 * (POST /api/indicators/preview) once the browser's check finds no problem.
 */
export function DefinitionPreview({
  input,
  saved,
  indicators,
  choice,
}: {
  input: IndicatorInput;
  saved: Indicator | undefined;
  indicators: Indicator[];
  choice: PeriodChoice;
}) {
  const source = input.source;
  const ledger = useLedger(source.type === 'formula' ? undefined : source.ledger || undefined);
  const unchanged = !!saved && sameSource(saved.source, source);
  const savedValue = useIndicatorValues({ keys: saved ? [saved.key] : [], periods: [choice.period], asOf: choice.asOf }, !!saved);
  const formula = useFormulaPreview(source.type === 'formula' ? source.formula : '', choice, source.type === 'formula');

  const draftPreview = usePreviewValue(
    { ...(input.key ? { key: input.key } : {}), source, period: choice.period, asOf: choice.asOf },
    source.type !== 'formula' &&
      !unchanged &&
      !!ledger.data &&
      definitionProblems(
        input.key ?? '',
        source,
        ledgerShapes(ledger.data),
        new Map(indicators.filter((i) => i.key !== input.key).map((i) => [i.key, i.source])),
      ).length === 0,
  );
  const shapes = ledger.data ? ledgerShapes(ledger.data) : new Map<string, LedgerShape>();
  const others = new Map(indicators.filter((i) => i.key !== input.key).map((i) => [i.key, i.source]));
  const ready = source.type === 'formula' ? source.formula.trim() !== '' : !!ledger.data;
  const problems = ready ? definitionProblems(input.key ?? '', source, shapes, others) : [];

  let figure: React.ReactNode;
  let note: string;
  if (!ready) {
    figure = '—';
    note = source.type === 'formula' ? '填写公式后显示数值' : '选择台账后检查口径';
  } else if (problems.length) {
    figure = '—';
    note = '口径还不完整，改正下列问题后显示数值';
  } else if (source.type === 'formula') {
    figure = formula.pending ? '计算中…' : formatValue(formula.value ?? null, input);
    note = '按公式用所引用指标的当前数值算出';
  } else if (unchanged) {
    figure = savedValue.isPending ? '计算中…' : formatValue(valueOf(savedValue.data, saved!.key)?.value ?? null, input);
    note = '按已保存的口径实时计算';
  } else if (draftPreview.isError) {
    figure = '—';
    note = '暂时无法预览：保存时会再检查一次口径';
  } else {
    figure = draftPreview.isPending ? '计算中…' : formatValue(draftPreview.data?.value ?? null, input);
    note = saved ? '按修改后的口径用台账数据实时试算（尚未保存）' : '按当前口径用台账数据实时试算（尚未保存）';
  }

  return (
    <Card size="small" title="数值预览" style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        <Statistic title={`全镇 · ${choiceLabel(choice)}`} value={typeof figure === 'string' ? figure : ''} valueRender={() => figure} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
        {problems.map((p) => (
          <Alert key={p.field + p.message} type="warning" showIcon title={p.message} />
        ))}
      </Flex>
    </Card>
  );
}
