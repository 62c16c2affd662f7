// What the demo ledger generators share: the villages (with a size each), a random stream per ledger, date
// helpers for the demo's span (2021-01-01 … 2022-06-30) and the records they produce.
import { addDays } from '../src/core/periods.js';
import { demoPeople, type DemoPeople, type Random } from './demo-people.js';
import { seededRandom } from './seeded-random.js';

export const DEMO_FROM = '2021-01-01';
export const DEMO_TO = '2022-06-30';

export interface DemoVillage {
  id: number;
  code: string;
  name: string;
  /** The village's open villager groups (after the 2022 merges). */
  groups: { id: number; name: string }[];
  households: number;
  population: number;
}

export interface DemoRecord {
  unitId: number;
  values: Record<string, unknown>;
  /** Periodic ledgers: the period id. */
  period?: string;
  /** Ledgers with a workflow: the state key. */
  status?: string;
  /** The day the record was entered (its event date, or the end of its period). */
  on: string;
}

export interface DemoContext {
  townshipUnitId: number;
  villages: DemoVillage[];
  people: DemoPeople;
  /** A random stream of its own for each ledger, so changing one generator leaves the others' data alone. */
  random(ledgerKey: string): Random;
  village(name: string): DemoVillage;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

export function demoContext(seed: number, townshipUnitId: number, villages: Omit<DemoVillage, 'households' | 'population'>[]): DemoContext {
  const sizes = seededRandom(seed);
  const sized = villages.map((v) => {
    const households = sizes.int(330, 720);
    return { ...v, households, population: Math.round(households * (3.2 + sizes.next() * 0.5)) };
  });
  return {
    townshipUnitId,
    villages: sized,
    people: demoPeople(seededRandom(seed ^ 0x5eed)),
    random: (key) => seededRandom((seed ^ hash(key)) >>> 0),
    village(name) {
      const found = sized.find((v) => v.name === name);
      if (!found) throw new Error(`demo village ${name} missing`);
      return found;
    },
  };
}

/** A day between two dates (inclusive), uniformly. */
export function dayBetween(r: Random, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, r.int(0, span));
}

/** Each day from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** A decimal in [min, max] with the given number of decimals. */
export function decimalBetween(r: Random, min: number, max: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((min + r.next() * (max - min)) * f) / f;
}

export const chance = (r: Random, p: number) => r.next() < p;

/** Picks by weight: weighted(r, [['a', 3], ['b', 1]]) gives 'a' three times as often. */
export function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [item, w] of items) {
    if ((x -= w) < 0) return item;
  }
  return items[items.length - 1][0];
}

/** A villager group of the village (the village itself when it has none). */
export function groupOf(r: Random, village: DemoVillage): { id: number; name: string } {
  return village.groups.length ? r.pick(village.groups) : { id: village.id, name: '' };
}

/** The demo's half years: 2021S1, 2021S2, 2022S1, with their date ranges. */
export const HALVES = [
  { id: '2021S1', from: '2021-01-01', to: '2021-06-30' },
  { id: '2021S2', from: '2021-07-01', to: '2021-12-31' },
  { id: '2022S1', from: '2022-01-01', to: '2022-06-30' },
] as const;
