// Where a key project is: the township itself or one of its villages (社区).
import { Select } from 'antd';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useOrgChildren } from '../../org/api/get-org-children';
import { useTownship } from '../../org/api/use-township';
import { useOwnVillage } from '../../indicators/components/UnitSelect';

/** The township and its villages as select options (the township first). */
export function useProjectPlaces() {
  const township = useTownship();
  // A village cadre may not list the township's villages (403): his own village is the one he knows.
  const own = useOwnVillage();
  const children = useOrgChildren(township.code ?? null, {}, !!township.code && !own);
  const villages = own
    ? [{ value: own.code, label: own.name }]
    : (children.data?.items ?? []).filter((u) => u.level === 'village').map((u) => ({ value: u.code, label: u.name }));
  const options = township.code ? [{ value: township.code, label: `${township.name}（镇本级）` }, ...villages] : villages;
  return { options, villages, isPending: township.isPending || (!own && children.isPending), failed: children.isError };
}

/** The list's village filter: all, or one village. */
export function ProjectVillageFilter({ value, onChange }: { value: string | undefined; onChange: (code: string | undefined) => void }) {
  const isMobile = useIsMobile();
  const places = useProjectPlaces();
  // a village cadre chooses between the township and his own village; no filter if the villages failed to load
  if (places.failed) return null;
  return (
    <Select
      aria-label="所在村"
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="所在村（全部）"
      value={value}
      loading={places.isPending}
      options={places.options}
      style={{ width: isMobile ? '100%' : 180 }}
      onChange={(v?: string) => onChange(v || undefined)}
    />
  );
}
