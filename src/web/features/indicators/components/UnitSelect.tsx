import { Select } from 'antd';
import { useMe } from '../../../app/auth';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useOrgChildren } from '../../org/api/get-org-children';

/** The user's own village, when his roles are scoped to one village (a village cadre). */
export function useOwnVillage(): { code: string; name: string } | undefined {
  const me = useMe();
  const units = me.roles.map((r) => r.orgUnit).filter((u): u is { code: string; name: string } => !!u && u.code !== me.township?.code);
  return units.length === 1 ? units[0] : undefined;
}

/** The township or one of its villages: whose figures a list shows. */
export function UnitSelect({ value, onChange }: { value: string | undefined; onChange: (code: string | undefined) => void }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const own = useOwnVillage();
  // A village cadre may not list the township's units (403): he chooses between the township and his village.
  const villages = useOrgChildren(me.township?.code ?? null, {}, !!me.township && !own);
  const listed = (villages.data?.items ?? []).filter((u) => u.level === 'village').map((u) => ({ value: u.code, label: u.name }));
  const options = [
    { value: '', label: `${me.township?.name ?? '全镇'}（全镇）` },
    ...(own && !listed.some((o) => o.value === own.code) ? [{ value: own.code, label: own.name }] : []),
    ...listed,
  ];
  return (
    <Select
      aria-label="单位"
      showSearch
      optionFilterProp="label"
      value={value ?? ''}
      style={{ width: isMobile ? '100%' : 180 }}
      loading={!own && villages.isPending}
      options={options}
      onChange={(v) => onChange(v || undefined)}
    />
  );
}
