import { DatePicker, Flex, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { PERIOD_PICKERS } from './period-picker';
import { parsePeriod, periodLabel, periodOf } from '../../../../core/periods';
import { useState } from 'react';
import type { FieldDefinition } from '../../../../core/ledger-fields';
import { useMe } from '../../../app/auth';
import { useIsMobile } from '../../../components/use-is-mobile';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import type { Ledger, RecordFilters } from '../api/types';
import { FilterSearch } from '../../../components/FilterSearch';

/** Fields that filter by equality: choices and yes/no (at most four, to keep the bar on one or two lines). */
export function filterFields(fields: FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => !f.retired && (f.type === 'choice' || f.type === 'boolean')).slice(0, 4);
}

/** The ledger's first date field, filtered by a range: the day a thing happened (签订日期, 发现日期 …). */
export function dateFilterField(fields: FieldDefinition[]): FieldDefinition | undefined {
  return fields.find((f) => !f.retired && f.type === 'date');
}

/** A `from..to` field filter (either end may be open) as a date range picker. */
function DateRangeFilter({
  field,
  value,
  width,
  onChange,
}: {
  field: FieldDefinition;
  value: string | undefined;
  width: number | string;
  onChange: (value: string | undefined) => void;
}) {
  const [from, to] = value ? value.split('..') : [];
  const day = (d: dayjs.Dayjs | null | undefined) => d?.format('YYYY-MM-DD') ?? '';
  return (
    <DatePicker.RangePicker
      aria-label={field.label}
      placeholder={[`${field.label}起`, '止']}
      allowEmpty={[true, true]}
      style={{ width }}
      value={value ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
      onChange={(range) => onChange(range && (range[0] || range[1]) ? `${day(range[0])}..${day(range[1])}` : undefined)}
    />
  );
}

export function RecordFiltersBar({ ledger, filters, onChange }: { ledger: Ledger; filters: RecordFilters; onChange: (next: RecordFilters) => void }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const [more, setMore] = useState(false);
  const active = [filters.orgUnit, filters.status, filters.period, filters.deleted, ...Object.values(filters.fields ?? {})].filter(Boolean).length;
  const width = isMobile ? '100%' : 180;
  const dateField = dateFilterField(ledger.fields);
  const setField = (key: string, value: string | undefined) => onChange({ ...filters, fields: { ...filters.fields, [key]: value ?? '' } });
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <FilterSearch
        placeholder="搜索内容或拼音首字母，如 ytc"
        ariaLabel="搜索"
        width={320}
        value={filters.q}
        onSearch={(q) => onChange({ ...filters, q })}
        isMobile={isMobile}
        active={active}
        more={more}
        onToggleMore={() => setMore(!more)}
      />
      {(!isMobile || more) && (
        <>
          <OrgUnitSelect
            aria-label="单位"
            placeholder="全部单位（可输入拼音首字母）"
            value={filters.orgUnit}
            onChange={(orgUnit) => onChange({ ...filters, orgUnit })}
            style={{ width: isMobile ? '100%' : 220 }}
          />
          {ledger.periodType && (
            <DatePicker
              picker={PERIOD_PICKERS[ledger.periodType]}
              placeholder="全部期间"
              aria-label="期间"
              style={{ width }}
              value={filters.period ? dayjs(parsePeriod(filters.period)?.start) : null}
              format={() => (filters.period && parsePeriod(filters.period) ? periodLabel(parsePeriod(filters.period)!) : '')}
              onChange={(d) => onChange({ ...filters, period: d ? periodOf(ledger.periodType!, d.format('YYYY-MM-DD')).id : undefined })}
            />
          )}
          {ledger.workflow && (
            <Select
              allowClear
              placeholder="全部状态"
              aria-label="状态"
              style={{ width }}
              value={filters.status}
              options={ledger.workflow.states.map((s) => ({ value: s.key, label: s.label }))}
              onChange={(status) => onChange({ ...filters, status })}
            />
          )}
          {filterFields(ledger.fields).map((f) => (
            <Select
              key={f.key}
              allowClear
              placeholder={`${f.label}：全部`}
              aria-label={f.label}
              style={{ width }}
              value={filters.fields?.[f.key] || undefined}
              options={
                f.type === 'boolean'
                  ? [
                      { value: 'true', label: '是' },
                      { value: 'false', label: '否' },
                    ]
                  : (f.choices ?? []).map((c) => ({ value: c, label: c }))
              }
              onChange={(v) => setField(f.key, v)}
            />
          ))}
          {dateField && (
            <DateRangeFilter
              field={dateField}
              value={filters.fields?.[dateField.key]}
              width={isMobile ? '100%' : 260}
              onChange={(value) => setField(dateField.key, value)}
            />
          )}
          {me.abilities.ledgerRestore && (
            <Flex align="center" gap={6}>
              <Switch size="small" checked={!!filters.deleted} onChange={(deleted) => onChange({ ...filters, deleted })} aria-label="只看已删除" />
              <Typography.Text type="secondary">只看已删除</Typography.Text>
            </Flex>
          )}
        </>
      )}
    </Flex>
  );
}
