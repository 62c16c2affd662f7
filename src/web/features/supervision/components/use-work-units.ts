import { useCadreGroups } from '../../cadre/api/get-cadre-groups';
import { useOwnVillage } from '../../indicators/components/UnitSelect';
import type { CadreGroup } from '../../cadre/api/types';
import { useOrgChildren } from '../../org/api/get-org-children';
import { useTownship } from '../../org/api/use-township';

export interface WorkUnitOption {
  /** An org code, or "cg12" for a cadre group: what the task API takes as a unit. */
  value: string;
  label: string;
}

const flatten = (groups: CadreGroup[]): CadreGroup[] => groups.flatMap((g) => [g, ...flatten(g.children)]);

/**
 * The units work can be handed to in the user's township: the township itself, its villages (社区), and the
 * cadre groups (大组、小组). Villages alone are the choices for a split “到各村”.
 */
export function useWorkUnits(enabled = true) {
  const township = useTownship();
  // A village cadre may not list the township's units (403): his own village is his one choice.
  const ownVillage = useOwnVillage();
  const children = useOrgChildren(township.code ?? null, {}, enabled && !!township.code && !ownVillage);
  const groups = useCadreGroups();
  const villages: WorkUnitOption[] = ownVillage
    ? [{ value: ownVillage.code, label: ownVillage.name }]
    : (children.data?.items ?? []).filter((u) => u.level === 'village').map((u) => ({ value: u.code, label: u.name }));
  const cadreGroups: WorkUnitOption[] = flatten(groups.data?.items ?? []).map((g) => ({ value: `cg${g.id}`, label: g.name }));
  const own: WorkUnitOption[] = township.code && township.name && !ownVillage ? [{ value: township.code, label: `${township.name}（镇本级）` }] : [];
  return {
    villages,
    options: [
      ...(own.length ? [{ label: '镇', title: '镇', options: own }] : []),
      ...(villages.length ? [{ label: '村（社区）', title: '村（社区）', options: villages }] : []),
      ...(cadreGroups.length ? [{ label: '组线', title: '组线', options: cadreGroups }] : []),
    ],
    loading: township.isPending || children.isLoading,
    error: children.error,
  };
}
