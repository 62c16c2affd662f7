// The indicators a dashboard leads with. Chosen per browser (a leader's own view, not a township setting);
// until chosen, the first four indicators of the township.
import { useState } from 'react';
import type { Indicator } from '../api/types';

const STORE = 'zhenwu.keyIndicators';

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
  return [chosen.length ? chosen : list.slice(0, 4), set];
}
