import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { SheetExportButton } from '../../../components/SheetExportButton';
import { formatPercent } from '../../../lib/format';
import { shownNumber, shownUnit } from '../../../../core/indicators';
import { periodFileTag } from '../../../../core/periods';
import { useOrgUnit } from '../../org/api/get-org-unit';
import { VillageTasksCard } from '../../supervision/components/VillageTasksCard';
import { useIndicators } from '../api/get-indicators';
import { useIndicatorValues, valueOf } from '../api/get-values';
import { useRankingBoard, useRankings } from '../api/rankings';
import type { Indicator, Ranking } from '../api/types';
import { RankChange } from '../components/BoardColumns';
import { IndicatorCards, TrendCard, VillageComparisonCard } from '../components/DashboardParts';
import { useKeyIndicators } from '../components/key-indicators';
import { choiceLabel, hasTargets, usePeriodChoice, type PeriodChoice } from '../components/period-choice';
import { PeriodPicker } from '../components/PeriodPicker';
import { ValueText } from '../components/ValueText';

function RankingLine({ ranking, code, choice }: { ranking: Ranking; code: string; choice: PeriodChoice }) {
  const board = useRankingBoard(ranking.key, choice.period, choice.asOf);
  const item = board.data?.items.find((i) => i.subject.code === code);
  const ranked = board.data?.items.filter((i) => i.rank !== null).length ?? 0;
  return (
    <List.Item extra={item && <RankChange item={item} earlierFigures={board.data?.previousPeriod?.hasFigures} />}>
      <div style={{ minWidth: 0 }}>
        <Link to={`/indicators/rankings/${ranking.key}?period=${choice.period}&asOf=${choice.asOf}`}>{ranking.name}</Link>
        <div>
          {!board.data ? (
            <Typography.Text type="secondary">正在加载…</Typography.Text>
          ) : !item ? (
            <Typography.Text type="secondary">不在此榜</Typography.Text>
          ) : item.exemption ? (
            <Tag color="gold">豁免：{item.exemption}</Tag>
          ) : (
            <>
              <Typography.Text strong>第 {item.rank ?? '—'} 名</Typography.Text>
              <Typography.Text type="secondary"> / {ranked} 个村</Typography.Text>
              {item.board === 'top' && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {board.data.ranking.boardNames.top}
                </Tag>
              )}
              {item.board === 'bottom' && (
                <Tag color="blue" style={{ marginInlineStart: 8 }}>
                  {board.data.ranking.boardNames.bottom}
                </Tag>
              )}
            </>
          )}
        </div>
      </div>
    </List.Item>
  );
}

/** The village among its peers: its rank on each key indicator. */
function VillageRanks({ indicators, code, choice }: { indicators: Indicator[]; code: string; choice: PeriodChoice }) {
  const targets = hasTargets(choice.period);
  const values = useIndicatorValues({ keys: indicators.map((i) => i.key), periods: [choice.period], asOf: choice.asOf, by: 'village', targets });
  const rows = indicators.map((i) => {
    const all = (values.data?.items ?? []).filter((v) => v.indicator === i.key && v.value !== null).map((v) => v.value!);
    const mine = valueOf(values.data, i.key, code);
    const better = mine?.value == null ? null : all.filter((v) => (i.higherIsBetter ? v > mine.value! : v < mine.value!)).length + 1;
    return { indicator: i, value: mine?.value ?? null, completion: mine?.completion ?? null, rank: better, of: all.length };
  });
  return (
    <Card
      size="small"
      title={`在全镇各村中的位次 · ${choiceLabel(choice)}`}
      styles={{ body: { padding: 0 } }}
      extra={
        <SheetExportButton
          fileName={`村指标-${code}-${periodFileTag(choice.period)}.xlsx`}
          sheetName="本村指标"
          disabled={!rows.length}
          columns={[
            { header: '指标', width: 28 },
            { header: '本村数值', width: 14 },
            { header: '单位', width: 8 },
            { header: '村排名', width: 10 },
            { header: '参与排名村数', width: 12 },
            { header: '目标完成率(%)', width: 14 },
          ]}
          rows={() =>
            rows.map((r) => [
              r.indicator.name,
              shownNumber(r.value, r.indicator),
              shownUnit(r.indicator),
              r.rank,
              r.of,
              r.completion === null ? null : Number(r.completion.toFixed(1)),
            ])
          }
        />
      }
    >
      <Table
        rowKey={(r) => r.indicator.key}
        size="small"
        dataSource={rows}
        pagination={false}
        loading={values.isPending}
        locale={{ emptyText: emptyText('还没有重点指标') }}
        columns={[
          { title: '指标', key: 'name', render: (_, r) => r.indicator.name },
          {
            title: '本村',
            key: 'value',
            align: 'right',
            render: (_, r) => (
              <ValueText
                value={r.value}
                format={r.indicator}
                explain={{ indicator: r.indicator.key, period: choice.period, asOf: choice.asOf, orgUnit: code }}
              />
            ),
          },
          { title: '村排名', key: 'rank', align: 'center', width: 90, render: (_, r) => (r.rank === null ? '—' : `${r.rank} / ${r.of}`) },
          ...(targets
            ? [
                {
                  title: '完成率',
                  key: 'c',
                  align: 'right' as const,
                  width: 80,
                  render: (_: unknown, r: (typeof rows)[number]) => formatPercent(r.completion),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function VillagePage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const unit = useOrgUnit(code);
  const indicators = useIndicators();
  const rankings = useRankings();
  const [choice, setChoice] = usePeriodChoice();
  const [key] = useKeyIndicators(indicators.data?.items);
  if (unit.isPending || indicators.isPending) return <PageLoading />;
  if (unit.error) return <ApiErrorResult error={unit.error} />;
  if (indicators.error) return <ApiErrorResult error={indicators.error} onRetry={() => indicators.refetch()} />;
  const villageRankings = (rankings.data?.items ?? []).filter((r) => r.subject === 'village');

  return (
    <>
      <PageHeader
        title={unit.data.name}
        subTitle={`${unit.data.levelName} · 重点指标、走势和排名`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/')}>
            返回工作台
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <PeriodPicker value={choice} onChange={setChoice} />
      </Card>
      {key.length === 0 ? (
        <Card>
          <Empty description="本镇还没有定义指标" />
        </Card>
      ) : (
        <>
          <IndicatorCards indicators={key} choice={choice} orgUnit={code} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} xl={12}>
              <TrendCard indicators={key} asOf={choice.asOf} orgUnit={code} title={`${unit.data.name}近12个月走势`} />
            </Col>
            <Col xs={24} xl={12}>
              <VillageComparisonCard indicators={key} choice={choice} highlight={unit.data.name} />
            </Col>
            <Col xs={24} xl={14}>
              <VillageRanks indicators={key} code={code} choice={choice} />
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="排行榜中的位置" style={{ height: '100%' }}>
                {villageRankings.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有按村排名的排行榜" />
                ) : (
                  <List size="small" dataSource={villageRankings} renderItem={(r) => <RankingLine ranking={r} code={code} choice={choice} />} />
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
      <div style={{ marginTop: 12 }}>
        <VillageTasksCard code={code} />
      </div>
    </>
  );
}
