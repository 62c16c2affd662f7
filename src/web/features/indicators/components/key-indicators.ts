// The indicators a dashboard leads with. Chosen per browser (a leader's own view, not a township setting);
// until chosen, the built-in headline figures the township has, else its first four indicators.
import { useState } from 'react';
import type { Indicator } from '../api/types';

const STORE = 'zhenwu.keyIndicators';
/** Built-in indicators a township overview leads with, when the township has them (the demo sets their targets). */
const PREFERRED = [
  'land_transferred',
  'first_doses_60_done',
  'toilets_renovated',
  'houses_inspected',
  'booster_doses',
  'hazard_rectification_rate',
  'monitored_households_at_risk',
  'employment_rate',
];

export function useKeyIndicators(all: Indicator[] | undefined): [Indicator[], (keys: string[]) => void] {
  const [keys, setKeys] = useState<string[] | null>(() => {
    try {
      const stored = JSON.parse(localStorage.getItem(STORE) ?? 'null') as unknown;
      return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : null;
    } catch {
      return null;
    }
  });
  const list = all ?? [];
  const chosen = keys ? keys.map((k) => list.find((i) => i.key === k)).filter((i): i is Indicator => !!i) : [];
  const set = (next: string[]) => {
    localStorage.setItem(STORE, JSON.stringify(next));
    setKeys(next);
  };
  const preferred = PREFERRED.map((k) => list.find((i) => i.key === k)).filter((i): i is Indicator => !!i);
  return [chosen.length ? chosen : preferred.length ? preferred : list.slice(0, 4), set];
}
