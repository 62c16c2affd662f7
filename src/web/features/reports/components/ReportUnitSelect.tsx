import { Select } from 'antd';
import { useMe } from '../../../app/auth';
import { useIsMobile } from '../../../components/use-is-mobile';
import { UnitSelect, useOwnVillage } from '../../indicators/components/UnitSelect';
import { useOrgChildren } from '../../org/api/get-org-children';

/** The unit a report is written for: the township or one village; a village cadre writes only his village's. */
export function ReportUnitSelect({ value, onChange }: { value: string | undefined; onChange: (code: string | undefined) => void }) {
  const own = useOwnVillage();
  const isMobile = useIsMobile();
  if (own)
    return (
      <Select
        aria-label="单位"
        value={own.code}
        options={[{ value: own.code, label: own.name }]}
        style={{ width: isMobile ? '100%' : 180 }}
        disabled
      />
    );
  return <UnitSelect value={value} onChange={onChange} />;
}

/** The unit filter of the saved versions: all units, the township's own reports, or one village's. */
export function VersionUnitFilter({ value, onChange }: { value: string | undefined; onChange: (code: string | undefined) => void }) {
  const me = useMe();
  const own = useOwnVillage();
  const isMobile = useIsMobile();
  const villages = useOrgChildren(me.township?.code ?? null, {}, !!me.township && !own);
  if (own) return <ReportUnitSelect value={own.code} onChange={onChange} />;
  const options = [
    { value: '', label: '全部单位' },
    ...(me.township ? [{ value: me.township.code, label: `${me.township.name}（镇本级）` }] : []),
    ...(villages.data?.items ?? []).filter((u) => u.level === 'village').map((u) => ({ value: u.code, label: u.name })),
  ];
  return (
    <Select
      aria-label="按单位筛选"
      showSearch
      optionFilterProp="label"
      value={value ?? ''}
      style={{ width: isMobile ? '100%' : 180 }}
      loading={villages.isPending}
      options={options}
      onChange={(v) => onChange(v || undefined)}
    />
  );
}

/** The unit a report opens on: the cadre's own village, else the township (no code). */
export function useDefaultReportUnit(): string | undefined {
  return useOwnVillage()?.code;
}
