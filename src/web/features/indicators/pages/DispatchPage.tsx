import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatValue } from '../../../../core/indicators';
import { periodWindow } from '../../../../core/periods';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { EChart } from '../../../components/EChart';
import { emptyText } from '../../../components/empty-text';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { SheetExportButton } from '../../../components/SheetExportButton';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useLedgers } from '../../ledgers/api/get-ledgers';
import { useOrgUnit } from '../../org/api/get-org-unit';
import { useTownshipClock } from '../../supervision/api/get-township-clock';
import { CreateTaskDrawer, type TaskDraft } from '../../supervision/components/CreateTaskDrawer';
import { useIndicators } from '../api/get-indicators';
import { useIndicatorValues, valueOf } from '../api/get-values';
import type { Indicator, IndicatorMeta } from '../api/types';
import { rankedBarOption } from '../components/chart-options';
import { DEMO_AS_OF } from '../components/period-choice';
import { today } from '../../../lib/format';
import { ValueText } from '../components/ValueText';
import { DailyNoticeButton } from '../../reports/components/DailyNoticeButton';

const PERIODS = ['YESTERDAY', 'LAST_7_DAYS'] as const;

/** Ranks subjects by a value, best first by the indicator's direction; units without a value last. */
function ranked<T extends { value: number | null }>(rows: T[], higherIsBetter: boolean): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : higherIsBetter ? b.value - a.value : a.value - b.value));
  return sorted.map((r, i) => {
    const first = sorted.findIndex((s) => s.value === r.value);
    return { ...r, rank: r.value === null ? null : (first === -1 ? i : first) + 1 };
  });
}

function TownshipRank({ indicator, asOf }: { indicator: IndicatorMeta; asOf: string }) {
  const me = useMe();
  const township = useOrgUnit(me.township?.code);
  const county = township.data?.parentCode ?? undefined;
  const towns = useIndicatorValues({ keys: [indicator.key], periods: [...PERIODS], asOf, orgUnit: county, by: 'town' }, !!county);
  const units = towns.data?.orgUnits ?? [];
  // Only one township with data: a rank among one is no information, so the card is not shown.
  if (!county || towns.error || units.length < 2) return null;
  const rows = ranked(
    units.map((u) => ({ unit: u, value: valueOf(towns.data, indicator.key, u.code, 'LAST_7_DAYS')?.value ?? null })),
    indicator.higherIsBetter,
  );
  const mine = rows.find((r) => r.unit.code === me.township?.code);
  return (
    <Card size="small" title="本镇在全县的位次（近7日）" style={{ marginBottom: 12 }}>
      <Flex gap={24} wrap>
        <Statistic title="位次" value={mine?.rank ?? '—'} suffix={`/ ${units.length}`} />
        <Statistic title="本镇近7日" value={formatValue(mine?.value ?? null, indicator)} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rows
          .filter((r) => r.rank !== null)
          .slice(0, 3)
          .map((r) => `${r.rank}. ${r.unit.name}`)
          .join('　')}
      </Typography.Text>
    </Card>
  );
}

/** 布置次日任务: a task from today's dispatch, its one node due tomorrow on the township's clock. */
function NextDayTaskButton({ indicator }: { indicator?: IndicatorMeta }) {
  const clock = useTownshipClock();
  const today = clock.data?.today;
  const [open, setOpen] = useState(false);
  // A new draft (and key) each time: the drawer's form starts from it, not from what was typed before.
  const [draft, setDraft] = useState<{ key: number; value: TaskDraft }>();
  const start = () => {
    if (!today) return;
    setDraft((d) => ({
      key: (d?.key ?? 0) + 1,
      value: {
        source: 'dispatch',
        sourceRef: `每日调度 ${today}`,
        description: indicator ? `调度指标：${indicator.name}` : undefined,
        nodes: [{ title: '完成并上报', due: dayjs(today).add(1, 'day').format('YYYY-MM-DD') }],
      },
    }));
    setOpen(true);
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} disabled={!today} onClick={start}>
        布置次日任务
      </Button>
      {draft && <CreateTaskDrawer key={draft.key} open={open} initial={draft.value} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The daily dispatch (调度): one daily figure per village, yesterday and the last 7 days, ranked. */
export default function DispatchPage() {
  const isMobile = useIsMobile();
  const indicators = useIndicators();
  const ledgers = useLedgers();
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  // Today's dispatch reports yesterday; the demo's figures end on its last day, so its dispatch is the day after.
  const asOf = search.get('asOf') ?? (me.township?.demo ? dayjs(DEMO_AS_OF).add(1, 'day').format('YYYY-MM-DD') : today());
  const daily = useMemo(() => {
    const dayLedgers = new Set((ledgers.data?.items ?? []).filter((l) => l.periodType === 'day').map((l) => l.key));
    const list = indicators.data?.items ?? [];
    const byKey = new Map(list.map((i) => [i.key, i]));
    // A daily item, or a formula over daily figures only (the booster total adds two daily items).
    const isDaily = (i: Indicator, seen = new Set<string>()): boolean => {
      if (i.source.type === 'items') return dayLedgers.has(i.source.ledger);
      if (i.source.type !== 'formula' || i.dependsOn.length === 0 || seen.has(i.key)) return false;
      seen.add(i.key);
      return i.dependsOn.every((k) => {
        const d = byKey.get(k);
        return !!d && isDaily(d, seen);
      });
    };
    // The booster total leads: the figure the daily dispatch of 2022 was about.
    const dailies = list.filter((i) => isDaily(i)).sort((a, b) => Number(b.key === 'booster_doses') - Number(a.key === 'booster_doses'));
    return { dailies, others: list.filter((i) => !isDaily(i)) };
  }, [indicators.data, ledgers.data]);
  const all = [...daily.dailies, ...daily.others];
  const key = search.get('indicator') ?? all[0]?.key;
  const indicator = all.find((i) => i.key === key);
  const values = useIndicatorValues({ keys: key ? [key] : [], periods: [...PERIODS], asOf, by: 'village' }, !!indicator);
  const set = (next: Record<string, string>) => setSearch((prev) => ({ ...Object.fromEntries(prev), ...next }), { replace: true });

  if (indicators.isPending) return <PageLoading />;
  if (indicators.error) return <ApiErrorResult error={indicators.error} onRetry={() => indicators.refetch()} />;

  const rows = indicator
    ? ranked(
        (values.data?.orgUnits ?? []).map((u) => ({
          unit: u,
          yesterday: valueOf(values.data, indicator.key, u.code, 'YESTERDAY')?.value ?? null,
          value: valueOf(values.data, indicator.key, u.code, 'LAST_7_DAYS')?.value ?? null,
        })),
        indicator.higherIsBetter,
      )
    : [];
  const total = (k: 'yesterday' | 'value') => rows.reduce<number | null>((s, r) => (r[k] === null ? s : (s ?? 0) + r[k]!), null);
  const yLabel = periodWindow('YESTERDAY', asOf)!.label;
  const wLabel = periodWindow('LAST_7_DAYS', asOf)!.label;

  return (
    <>
      <PageHeader
        title="每日调度"
        subTitle="选一项每日填报的数据，看各村昨日和近7日的进度排名"
        extra={
          <>
            {me.abilities.reportRead && (
              <DailyNoticeButton indicator={indicator?.key} asOf={asOf} disabled={!daily.dailies.some((i) => i.key === key)} />
            )}
            {me.abilities.taskAssign && <NextDayTaskButton indicator={indicator} />}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Select
            showSearch
            optionFilterProp="label"
            aria-label="调度指标"
            placeholder="选择指标"
            value={indicator?.key}
            style={{ width: isMobile ? '100%' : 300 }}
            onChange={(k: string) => set({ indicator: k })}
            options={[
              ...(daily.dailies.length ? [{ label: '每日填报', options: daily.dailies.map((i) => ({ value: i.key, label: i.name })) }] : []),
              ...(daily.others.length ? [{ label: '其他指标', options: daily.others.map((i) => ({ value: i.key, label: i.name })) }] : []),
            ]}
            notFoundContent="还没有指标"
          />
          <Typography.Text type="secondary">调度日</Typography.Text>
          <DatePicker
            aria-label="调度日"
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(d) => d && set({ asOf: d.format('YYYY-MM-DD') })}
            style={{ width: 140 }}
          />
        </Flex>
      </Card>
      {!indicator ? (
        <Card>
          <Empty description="还没有可调度的指标：请先在“指标”中定义每日填报数据的指标（如加强针接种剂次）" />
        </Card>
      ) : values.error ? (
        <ApiErrorResult error={values.error} onRetry={() => values.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={yLabel}
                  valueRender={() => (
                    <ValueText
                      strong
                      style={{ fontSize: 22 }}
                      value={total('yesterday')}
                      format={indicator}
                      explain={{ indicator: indicator.key, period: 'YESTERDAY', asOf }}
                    />
                  )}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={wLabel}
                  valueRender={() => (
                    <ValueText
                      strong
                      style={{ fontSize: 22 }}
                      value={total('value')}
                      format={indicator}
                      explain={{ indicator: indicator.key, period: 'LAST_7_DAYS', asOf }}
                    />
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small">
                <Typography.Text type="secondary">昨日未填报</Typography.Text>
                <div style={{ marginTop: 6 }}>
                  {rows.filter((r) => r.yesterday === null).length === 0 ? (
                    <Tag color="green">各村均已填报</Tag>
                  ) : (
                    rows
                      .filter((r) => r.yesterday === null)
                      .map((r) => (
                        <Tag key={r.unit.code} color="orange" style={{ marginBottom: 4 }}>
                          {r.unit.name}
                        </Tag>
                      ))
                  )}
                </div>
              </Card>
            </Col>
          </Row>
          <TownshipRank indicator={indicator} asOf={asOf} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="各村近7日排名">
                {rows.length === 0 ? (
                  emptyText('没有村的数据')
                ) : (
                  <EChart
                    ariaLabel="各村近7日和昨日柱状图"
                    height={Math.max(240, rows.length * 34 + 40)}
                    option={rankedBarOption(
                      rows.map((r) => r.unit.name),
                      [
                        { name: '近7日', values: rows.map((r) => r.value) },
                        { name: '昨日', values: rows.map((r) => r.yesterday) },
                      ],
                      indicator,
                    )}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title="明细"
                styles={{ body: { padding: 0 } }}
                extra={
                  <SheetExportButton
                    fileName={`${indicator.name}-调度-${asOf}.xlsx`}
                    sheetName="每日调度"
                    disabled={!rows.length}
                    columns={[
                      { header: '排名', width: 8 },
                      { header: '村（社区）', width: 16 },
                      { header: yLabel, width: 22 },
                      { header: wLabel, width: 28 },
                    ]}
                    rows={() => rows.map((r) => [r.rank, r.unit.name, r.yesterday, r.value])}
                  />
                }
              >
                <Table
                  rowKey={(r) => r.unit.code}
                  size="small"
                  dataSource={rows}
                  pagination={false}
                  loading={values.isFetching}
                  locale={{ emptyText: emptyText('没有村的数据') }}
                  columns={[
                    { title: '排名', key: 'rank', width: 56, align: 'center', render: (_, r) => r.rank ?? '—' },
                    { title: '村（社区）', key: 'unit', render: (_, r) => r.unit.name },
                    {
                      title: '昨日',
                      key: 'y',
                      align: 'right',
                      render: (_, r) => (
                        <ValueText
                          value={r.yesterday}
                          format={indicator}
                          explain={{ indicator: indicator.key, period: 'YESTERDAY', asOf, orgUnit: r.unit.code }}
                        />
                      ),
                    },
                    {
                      title: '近7日',
                      key: 'w',
                      align: 'right',
                      render: (_, r) => (
                        <ValueText
                          value={r.value}
                          format={indicator}
                          explain={{ indicator: indicator.key, period: 'LAST_7_DAYS', asOf, orgUnit: r.unit.code }}
                        />
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
