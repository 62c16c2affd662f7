import { Checkbox, DatePicker, Flex, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  LAST_YEAR_PREFIX,
  parsePeriod,
  periodLabel,
  periodOf,
  PERIOD_TYPE_NAMES,
  RELATIVE_PERIOD_NAMES,
  RELATIVE_PERIODS,
  splitLastYear,
  type PeriodType,
} from '../../../../core/periods';
import { useIsMobile } from '../../../components/use-is-mobile';
import { periodKind, type PeriodChoice } from './period-choice';

type Kind = PeriodType | 'relative';

const PICKERS: Record<Exclude<PeriodType, 'half'>, 'date' | 'week' | 'month' | 'quarter' | 'year'> = {
  day: 'date',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

const KIND_OPTIONS: { value: Kind; label: string }[] = [
  { value: 'relative', label: '相对期间' },
  ...(['day', 'week', 'month', 'quarter', 'half', 'year'] as const).map((t) => ({ value: t, label: `按${PERIOD_TYPE_NAMES[t]}` })),
];

/**
 * Chooses the period a figure is read for: a type (日/周/月/季度/半年/年 or a relative period such as 昨日, 近7日,
 * 年初至今), the period itself, whether to read it a year back (上年同期), and the as-of date (截至) that caps a
 * running period and anchors relative ones. Produces DHIS2 ids (20220615, 2022W24, 202206, 2022Q2, 2022S1, 2022),
 * prefixed LY: for the same period last year.
 */
export function PeriodPicker({
  value,
  onChange,
  kinds,
  hideAsOf,
  noLastYear,
}: {
  value: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
  /** The kinds offered (all by default). */
  kinds?: Kind[];
  hideAsOf?: boolean;
  /** Hides 上年同期 (screens that need the period itself, such as targets). */
  noLastYear?: boolean;
}) {
  const isMobile = useIsMobile();
  const { base, lastYear } = splitLastYear(value.period);
  const kind = periodKind(base) ?? 'year';
  const period = parsePeriod(base);
  const setBase = (next: string, back = lastYear) => onChange({ ...value, period: back ? `${LAST_YEAR_PREFIX}${next}` : next });
  const setKind = (next: Kind) => setBase(next === 'relative' ? 'YEAR_TO_DATE' : periodOf(next, value.asOf).id);
  const pickDate = (type: PeriodType, date: dayjs.Dayjs | null) => {
    if (date) setBase(periodOf(type, date.format('YYYY-MM-DD')).id);
  };
  const options = KIND_OPTIONS.filter((o) => !kinds || kinds.includes(o.value));
  const width = isMobile ? 132 : 150;

  let picker: React.ReactNode;
  if (kind === 'relative') {
    picker = (
      <Select
        aria-label="相对期间"
        value={base}
        style={{ width }}
        onChange={(p) => setBase(p)}
        options={RELATIVE_PERIODS.map((p) => ({ value: p, label: RELATIVE_PERIOD_NAMES[p] }))}
      />
    );
  } else if (kind === 'half' && period) {
    const year = period.id.slice(0, 4);
    picker = (
      <Flex gap={4}>
        <DatePicker
          picker="year"
          aria-label="选择年份"
          allowClear={false}
          value={dayjs(`${year}-01-01`)}
          style={{ width: 96 }}
          onChange={(d) => d && setBase(`${d.year()}S${period.id.slice(5)}`)}
        />
        <Select
          aria-label="上半年或下半年"
          value={period.id.slice(5)}
          style={{ width: 96 }}
          onChange={(h) => setBase(`${year}S${h}`)}
          options={[
            { value: '1', label: '上半年' },
            { value: '2', label: '下半年' },
          ]}
        />
      </Flex>
    );
  } else if (period) {
    const type = period.type as Exclude<PeriodType, 'half'>;
    picker = (
      <DatePicker
        picker={PICKERS[type]}
        aria-label="选择期间"
        allowClear={false}
        value={dayjs(period.start)}
        style={{ width }}
        format={() => periodLabel(period)}
        onChange={(d) => pickDate(type, d)}
      />
    );
  }

  return (
    <Flex gap={6} wrap align="center">
      <Select aria-label="期间类型" value={kind} onChange={setKind} options={options} style={{ width: isMobile ? 104 : 110 }} />
      {picker}
      {!noLastYear && (
        <Checkbox checked={lastYear} onChange={(e) => setBase(base, e.target.checked)}>
          上年同期
        </Checkbox>
      )}
      {!hideAsOf && (
        <Flex gap={4} align="center">
          <Typography.Text type="secondary">截至</Typography.Text>
          <DatePicker
            aria-label="截至日期"
            allowClear={false}
            value={dayjs(value.asOf)}
            style={{ width: 130 }}
            onChange={(d) => d && onChange({ ...value, asOf: d.format('YYYY-MM-DD') })}
          />
        </Flex>
      )}
    </Flex>
  );
}
