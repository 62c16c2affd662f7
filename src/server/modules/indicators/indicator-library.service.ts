// The built-in indicator library as the township sees it: which indicators it has installed, which it could
// install (their ledgers are installed), and installing them.
import { sourceReferences } from '../../../core/indicators.js';
import type { ServiceContext } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { ledgerShapes } from '../ledgers/index.js';
import { requireTownship } from '../../policy/access.js';
import { INDICATORS } from './indicator-definitions.service.js';
import * as repo from './indicators.repository.js';
import { BUILTIN_INDICATORS } from './library/index.js';
import { installBuiltinIndicators } from './library/install-library.js';

/** The ledgers an indicator reads, through its formula's references. */
function ledgersOf(key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const definition = BUILTIN_INDICATORS.find((d) => d.key === key);
  if (!definition) return [];
  if (definition.source.type !== 'formula') return [definition.source.ledger];
  return [...new Set(sourceReferences(definition.source).flatMap((k) => ledgersOf(k, seen)))];
}

export async function listIndicatorLibrary(ctx: ServiceContext) {
  const township = await requireTownship(ctx, 'indicator.define', ctx.db, INDICATORS);
  const [installed, ledgers] = await Promise.all([repo.listIndicators(ctx.db, [township.id]), ledgerShapes(ctx.db, [township.id])]);
  const installedKeys = new Set(installed.map((i) => i.key));
  const ledgerKeys = new Set(ledgers.map((l) => l.key));
  return {
    items: BUILTIN_INDICATORS.map((d) => {
      const needs = ledgersOf(d.key);
      return {
        key: d.key,
        name: d.name,
        description: d.description ?? null,
        unit: d.unit,
        workLine: d.workLine ?? null,
        sourceType: d.source.type,
        installed: installedKeys.has(d.key),
        ledgers: needs,
        ledgersInstalled: needs.every((l) => ledgerKeys.has(l)),
      };
    }),
  };
}

export function installIndicatorLibrary(ctx: ServiceContext, keys?: string[]) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    const before = new Set((await repo.listIndicators(tx, [township.id])).map((i) => i.key));
    const ids = await installBuiltinIndicators(tx, township.id, ctx.actor.userId, keys);
    const installed = [...ids.keys()].filter((k) => !before.has(k));
    await recordAudit(tx, ctx.actor, { action: 'indicator.install', entity: 'indicator', townshipId: township.id, after: { keys: installed } });
    return { installed };
  });
}
