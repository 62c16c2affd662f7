import { AimOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Table, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { shownNumber, shownUnit } from '../../../../core/indicators';
import { isLastYear, LAST_YEAR_PREFIX, periodFileTag } from '../../../../core/periods';
import { rankContestants } from '../../../../core/ranking';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { SheetExportButton } from '../../../components/SheetExportButton';
import { useIsMobile } from '../../../components/use-is-mobile';
import { formatPercent } from '../../../lib/format';
import { useIndicator } from '../api/get-indicators';
import { useIndicatorValues, valueOf } from '../api/get-values';
import type { Indicator } from '../api/types';
import { CompletionBar } from '../components/CompletionBar';
import { TrendCard } from '../components/DashboardParts';
import { choiceLabel, hasTargets, usePeriodChoice, type PeriodChoice } from '../components/period-choice';
import { PeriodPicker } from '../components/PeriodPicker';
import { sourceText } from '../components/source-text';
import { ValueText } from '../components/ValueText';

interface Row {
  code: string;
  name: string;
  township: boolean;
  value: number | null;
  lastYear: number | null;
  /** Change against the same period last year, in %; null without a base. */
  growth: number | null;
  target: number | null;
  completion: number | null;
  rank: number | null;
}

const growthOf = (now: number | null, before: number | null) =>
  now === null || before === null || before === 0 ? null : ((now - before) / before) * 100;

/** The township's and every village's value of one indicator for a period, with last year's and the target's. */
function useUnitRows(indicator: Indicator, choice: PeriodChoice, townshipCode: string | undefined) {
  const { period, asOf } = choice;
  // The same period last year of a LY: choice would be two years back: that column reads nothing then.
  const periods = isLastYear(period) ? [period] : [period, `${LAST_YEAR_PREFIX}${period}`];
  const targets = hasTargets(period);
  const villages = useIndicatorValues({ keys: [indicator.key], periods, asOf, by: 'village', targets });
  const township = useIndicatorValues({ keys: [indicator.key], periods, asOf, targets });
  const row = (data: typeof villages.data, code: string, name: string, isTownship: boolean): Row => {
    const now = valueOf(data, indicator.key, code, period);
    const before = periods[1] ? (valueOf(data, indicator.key, code, periods[1])?.value ?? null) : null;
    return {
      code,
      name,
      township: isTownship,
      value: now?.value ?? null,
      lastYear: before,
      growth: growthOf(now?.value ?? null, before),
      target: now?.target ?? null,
      completion: now?.completion ?? null,
      rank: null,
    };
  };
  const unranked = (villages.data?.orgUnits ?? []).map((u) => row(villages.data, u.code, u.name, false));
  // Places as the boards give them: equal values share one (1, 2, 2, 4); no value, no place.
  const places = rankContestants(
    unranked.map((r) => ({ id: r.code, value: r.value, completion: null, exemption: null })),
    { topN: 0, bottomN: 0, requireTarget: false, higherIsBetter: indicator.higherIsBetter },
  );
  const villageRows = unranked.map((r, i) => ({ ...r, rank: places[i].rank })).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const top = township.data?.orgUnits[0];
  const rows = [...(top ? [row(township.data, top.code, `${top.name}（全镇）`, true)] : []), ...villageRows];
  return {
    rows,
    targets,
    lastYearPeriod: periods[1],
    pending: villages.isPending || township.isPending,
    error: villages.error ?? township.error,
    refetch: () => {
      void villages.refetch();
      void township.refetch();
    },
    townshipCode: top?.code ?? townshipCode,
  };
}

function UnitTable({ indicator, choice }: { indicator: Indicator; choice: PeriodChoice }) {
  const isMobile = useIsMobile();
  const me = useMe();
  const { rows, targets, lastYearPeriod, pending, error, refetch } = useUnitRows(indicator, choice, me.township?.code);
  const unit = shownUnit(indicator);
  const withUnit = (header: string) => (unit ? `${header}（${unit}）` : header);
  const explain = (code: string, period: string) => ({ indicator: indicator.key, period, asOf: choice.asOf, orgUnit: code });
  if (error) return <ApiErrorResult error={error} compact onRetry={refetch} />;
  return (
    <Card
      size="small"
      title={`各村数值 · ${choiceLabel(choice)}`}
      styles={{ body: { padding: 0 } }}
      extra={
        <SheetExportButton
          fileName={`${indicator.name}-各村-${periodFileTag(choice.period)}.xlsx`}
          sheetName="各村数值"
          disabled={!rows.length}
          columns={[
            { header: '名次', width: 8 },
            { header: '单位', width: 18 },
            { header: withUnit(`本期 ${choiceLabel(choice)}`), width: 22 },
            ...(lastYearPeriod
              ? [
                  { header: withUnit('上年同期'), width: 14 },
                  { header: '同比(%)', width: 10 },
                ]
              : []),
            ...(targets
              ? [
                  { header: withUnit('目标'), width: 14 },
                  { header: '完成率(%)', width: 12 },
                ]
              : []),
          ]}
          rows={() =>
            rows.map((r) => [
              r.township ? '' : r.rank,
              r.name,
              shownNumber(r.value, indicator),
              ...(lastYearPeriod ? [shownNumber(r.lastYear, indicator), r.growth === null ? null : Number(r.growth.toFixed(1))] : []),
              ...(targets ? [shownNumber(r.target, indicator), r.completion === null ? null : Number(r.completion.toFixed(1))] : []),
            ])
          }
        />
      }
    >
      <Table<Row>
        rowKey="code"
        size="small"
        loading={pending}
        dataSource={rows}
        pagination={false}
        scroll={isMobile ? { x: 560 } : undefined}
        locale={{ emptyText: emptyText('没有村的数据') }}
        columns={[
          { title: '名次', key: 'rank', width: 56, align: 'center', render: (_, r) => (r.township ? '' : (r.rank ?? '—')) },
          {
            title: '单位',
            key: 'name',
            width: isMobile ? 110 : undefined,
            render: (_, r) => (r.township ? <Typography.Text strong>{r.name}</Typography.Text> : r.name),
          },
          {
            title: '本期',
            key: 'value',
            align: 'right',
            render: (_, r) => <ValueText value={r.value} format={indicator} strong={r.township} explain={explain(r.code, choice.period)} />,
          },
          ...(lastYearPeriod
            ? [
                {
                  title: '上年同期',
                  key: 'lastYear',
                  align: 'right' as const,
                  render: (_: unknown, r: Row) => <ValueText value={r.lastYear} format={indicator} explain={explain(r.code, lastYearPeriod)} />,
                },
                {
                  title: '同比',
                  key: 'growth',
                  align: 'right' as const,
                  width: 90,
                  render: (_: unknown, r: Row) =>
                    r.growth === null ? (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ) : (
                      <Typography.Text style={{ color: r.growth >= 0 ? '#cf1322' : '#389e0d' }}>
                        {r.growth >= 0 ? '+' : ''}
                        {formatPercent(r.growth)}
                      </Typography.Text>
                    ),
                },
              ]
            : []),
          ...(targets
            ? [
                {
                  title: '目标完成',
                  key: 'completion',
                  width: 140,
                  render: (_: unknown, r: Row) => <CompletionBar completion={r.completion} width={120} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** One indicator: what it counts, its value for the township and each village, last year's, the target, the trend. */
export default function IndicatorDetailPage() {
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const indicator = useIndicator(key);
  const [choice, setChoice] = usePeriodChoice();
  if (indicator.isPending) return <PageLoading />;
  if (indicator.error) return <ApiErrorResult error={indicator.error} onRetry={() => indicator.refetch()} />;
  const i = indicator.data;
  return (
    <>
      <PageHeader
        title={i.name}
        subTitle={`${i.workLine ?? '未分条线'} · ${sourceText(i)}`}
        extra={
          <>
            <Button onClick={() => navigate(`/indicators?period=${encodeURIComponent(choice.period)}&asOf=${choice.asOf}`)}>全部指标</Button>
            {me.abilities.indicatorTarget && (
              <Button
                icon={<AimOutlined />}
                onClick={() =>
                  navigate(
                    `/indicators/${i.key}/targets?period=${hasTargets(choice.period) ? choice.period : choice.asOf.slice(0, 4)}&asOf=${choice.asOf}`,
                  )
                }
              >
                目标
              </Button>
            )}
            {me.abilities.indicatorDefine && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/indicators/${i.key}/edit`)}>
                编辑
              </Button>
            )}
          </>
        }
      />
      {i.description && <Typography.Paragraph type="secondary">{i.description}</Typography.Paragraph>}
      <Card size="small" style={{ marginBottom: 12 }}>
        <PeriodPicker value={choice} onChange={setChoice} />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <UnitTable indicator={i} choice={choice} />
        </Col>
        <Col xs={24} xl={9}>
          <TrendCard indicators={[i]} asOf={choice.asOf} title="全镇近12个月走势" />
        </Col>
      </Row>
    </>
  );
}
