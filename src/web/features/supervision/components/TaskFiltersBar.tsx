import { DatePicker, Flex, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { TASK_SOURCE_NAMES, TASK_SOURCES, TASK_STATUS_NAMES, TASK_STATUSES } from '../../../../core/supervision';
import { useMe } from '../../../app/auth';
import { useIsMobile } from '../../../components/use-is-mobile';
import type { TaskFilters } from '../api/types';
import { useWorkUnits } from './use-work-units';
import { FilterSearch } from '../../../components/FilterSearch';
import { useTaskAssigners } from '../api/get-task-assigners';

const STATUS_OPTIONS = TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_NAMES[s] }));
const SOURCE_OPTIONS = TASK_SOURCES.map((s) => ({ value: s, label: TASK_SOURCE_NAMES[s] }));

/** Whose tasks: all I may see, those I must handle, those I handed out. */
function MineSwitch({ value, onChange }: { value: TaskFilters['mine']; onChange: (mine: TaskFilters['mine']) => void }) {
  const me = useMe();
  const options = [
    { value: 'all', label: '全部' },
    ...(me.abilities.taskHandle ? [{ value: 'handle', label: '我承办的' }] : []),
    ...(me.abilities.taskAssign ? [{ value: 'assigned', label: '我交办的' }] : []),
  ];
  if (options.length === 1) return null;
  return (
    <Segmented
      aria-label="我的任务"
      options={options}
      value={value ?? 'all'}
      onChange={(v) => onChange(v === 'all' ? undefined : (v as TaskFilters['mine']))}
    />
  );
}

export function TaskFiltersBar({ filters, onChange }: { filters: TaskFilters; onChange: (next: TaskFilters) => void }) {
  const isMobile = useIsMobile();
  const [more, setMore] = useState(false);
  const units = useWorkUnits();
  const assigners = useTaskAssigners();
  const active = [filters.status?.length, filters.source?.length, filters.unit, filters.assigner, filters.dueFrom || filters.dueTo].filter(
    Boolean,
  ).length;
  const width = isMobile ? '100%' : 150;
  const day = (d: dayjs.Dayjs | null | undefined) => d?.format('YYYY-MM-DD');
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <FilterSearch
        placeholder="任务名称或文号"
        ariaLabel="搜索任务"
        width={240}
        value={filters.q}
        onSearch={(q) => onChange({ ...filters, q })}
        isMobile={isMobile}
        active={active}
        more={more}
        onToggleMore={() => setMore(!more)}
      />
      <MineSwitch value={filters.mine} onChange={(mine) => onChange({ ...filters, mine })} />
      {(!isMobile || more) && (
        <>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部状态"
            aria-label="状态"
            style={{ width }}
            value={filters.status ?? []}
            options={STATUS_OPTIONS}
            onChange={(status) => onChange({ ...filters, status: status.length ? status : undefined })}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部来源"
            aria-label="来源"
            style={{ width }}
            value={filters.source ?? []}
            options={SOURCE_OPTIONS}
            onChange={(source) => onChange({ ...filters, source: source.length ? source : undefined })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部牵头单位"
            aria-label="牵头单位"
            style={{ width: isMobile ? '100%' : 170 }}
            value={filters.unit}
            options={units.options}
            loading={units.loading}
            onChange={(unit) => onChange({ ...filters, unit })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部交办领导"
            aria-label="交办领导"
            style={{ width }}
            value={filters.assigner}
            options={assigners.data?.items.map((a) => ({ value: a.id, label: `${a.name}（${a.tasks}）` }))}
            loading={assigners.isPending}
            onChange={(assigner) => onChange({ ...filters, assigner })}
          />
          <DatePicker.RangePicker
            aria-label="到期时间"
            placeholder={['到期起', '止']}
            allowEmpty={[true, true]}
            style={{ width: isMobile ? '100%' : 240 }}
            value={
              filters.dueFrom || filters.dueTo ? [filters.dueFrom ? dayjs(filters.dueFrom) : null, filters.dueTo ? dayjs(filters.dueTo) : null] : null
            }
            onChange={(range) => onChange({ ...filters, dueFrom: day(range?.[0]), dueTo: day(range?.[1]) })}
          />
        </>
      )}
    </Flex>
  );
}
