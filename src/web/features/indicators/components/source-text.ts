import { AGGREGATE_NAMES, TIMING_NAMES } from '../../../../core/indicators';
import type { Indicator } from '../api/types';

export const SOURCE_TYPE_NAMES = { records: '台账记录', items: '按期填报数据项', formula: '公式计算' } as const;

/** One line on where a figure comes from: 台账记录 · 安全隐患排查整治台账 · 计数 · 期间发生. */
export function sourceText(indicator: Indicator): string {
  const s = indicator.source;
  if (s.type === 'formula') return `公式：${s.formula}`;
  return [indicator.ledgerName ?? s.ledger, AGGREGATE_NAMES[s.aggregate], TIMING_NAMES[s.timing]].join(' · ');
}
