import { Select } from 'antd';
import { useIsMobile } from '../../../components/use-is-mobile';
import { UnitSelect, useOwnVillage } from '../../indicators/components/UnitSelect';

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

/** The unit a report opens on: the cadre's own village, else the township (no code). */
export function useDefaultReportUnit(): string | undefined {
  return useOwnVillage()?.code;
}
