import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Popover, Row, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { periodLabel, periodOf, samePeriodLastYear, shiftPeriod } from '../../../../core/periods';
import { EChart } from '../../../components/EChart';
import { emptyText } from '../../../components/empty-text';
import { useIndicatorValues, valueOf } from '../api/get-values';
import type { Indicator } from '../api/types';
import { comparisonOption, rankedBarOption, trendOption } from './chart-options';
import { useIsMobile } from '../../../components/use-is-mobile';
import { CompletionBar } from './CompletionBar';
import { choiceLabel, hasTargets, type PeriodChoice } from './period-choice';
import { ValueText } from './ValueText';

/** Picks the dashboard's key indicators. */
export function KeyIndicatorPicker({ all, chosen, onChange }: { all: Indicator[]; chosen: Indicator[]; onChange: (keys: string[]) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title="选择重点指标（最多 8 个）"
      content={
        <Select
          mode="multiple"
          style={{ width: 300 }}
          maxCount={8}
          value={chosen.map((i) => i.key)}
          optionFilterProp="label"
          aria-label="重点指标"
          onChange={onChange}
          options={all.map((i) => ({ value: i.key, label: i.name }))}
        />
      }
    >
      <Button size="small" icon={<SettingOutlined />}>
        重点指标
      </Button>
    </Popover>
  );
}

/** One card per key indicator: its value for the unit and period, and the target's completion. */
export function IndicatorCards({ indicators, choice, orgUnit }: { indicators: Indicator[]; choice: PeriodChoice; orgUnit?: string }) {
  const targets = hasTargets(choice.period);
  const values = useIndicatorValues({ keys: indicators.map((i) => i.key), periods: [choice.period], asOf: choice.asOf, orgUnit, targets });
  return (
    <Row gutter={[12, 12]}>
      {indicators.map((i) => {
        const v = valueOf(values.data, i.key);
        return (
          <Col key={i.key} xs={12} md={8} xl={6}>
            <Card size="small" style={{ height: '100%' }}>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 13 }}>
                {i.name}
              </Typography.Text>
              {values.isPending ? (
                <Skeleton.Input active size="small" />
              ) : (
                <div style={{ fontSize: 20, margin: '4px 0' }}>
                  <ValueText
                    value={v?.value ?? null}
                    format={i}
                    strong
                    explain={{ indicator: i.key, period: choice.period, asOf: choice.asOf, orgUnit }}
                  />
                </div>
              )}
              {targets && <CompletionBar completion={v?.completion} width={160} />}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** The 12 months up to the as-of month, this year against the same months a year earlier. */
export function TrendCard({
  indicators,
  asOf,
  orgUnit,
  title = '近12个月走势',
}: {
  indicators: Indicator[];
  asOf: string;
  orgUnit?: string;
  title?: string;
}) {
  const [key, setKey] = useState<string>();
  const indicator = indicators.find((i) => i.key === key) ?? indicators[0];
  const last = periodOf('month', asOf);
  const months = Array.from({ length: 12 }, (_, i) => shiftPeriod(last, i - 11));
  const before = months.map((m) => samePeriodLastYear(m));
  const values = useIndicatorValues(
    { keys: indicator ? [indicator.key] : [], periods: [...months, ...before].map((m) => m.id), asOf, orgUnit },
    !!indicator,
  );
  const labels = months.map((m, i) => (i === 0 || m.id.endsWith('01') ? periodLabel(m) : `${Number(m.id.slice(4))}月`));
  return (
    <Card
      size="small"
      title={title}
      style={{ height: '100%' }}
      extra={
        indicators.length > 1 && (
          <Select
            size="small"
            value={indicator?.key}
            onChange={setKey}
            style={{ width: 160 }}
            aria-label="走势指标"
            options={indicators.map((i) => ({ value: i.key, label: i.name }))}
          />
        )
      }
    >
      {!indicator ? (
        emptyText('还没有指标')
      ) : values.error ? (
        <Typography.Text type="danger">走势加载失败</Typography.Text>
      ) : (
        <EChart
          ariaLabel={`${indicator.name}近12个月走势图`}
          height={260}
          option={trendOption(
            labels,
            [
              { name: '本期', values: months.map((m) => valueOf(values.data, indicator.key, undefined, m.id)?.value ?? null) },
              { name: '上年同期', values: before.map((m) => valueOf(values.data, indicator.key, undefined, m.id)?.value ?? null), dashed: true },
            ],
            indicator,
          )}
        />
      )}
    </Card>
  );
}

/** Each village's value of one indicator, as bars; a click opens the village's page. */
export function VillageComparisonCard({ indicators, choice, highlight }: { indicators: Indicator[]; choice: PeriodChoice; highlight?: string }) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [key, setKey] = useState<string>();
  const indicator = indicators.find((i) => i.key === key) ?? indicators[0];
  const values = useIndicatorValues(
    { keys: indicator ? [indicator.key] : [], periods: [choice.period], asOf: choice.asOf, by: 'village' },
    !!indicator,
  );
  const units = values.data?.orgUnits ?? [];
  const rows = units
    .map((u) => ({ unit: u, value: valueOf(values.data, indicator!.key, u.code)?.value ?? null }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  return (
    <Card
      size="small"
      title={`各村对比 · ${choiceLabel(choice)}`}
      style={{ height: '100%' }}
      extra={
        indicators.length > 1 && (
          <Select
            size="small"
            value={indicator?.key}
            onChange={setKey}
            style={{ width: 160 }}
            aria-label="对比指标"
            options={indicators.map((i) => ({ value: i.key, label: i.name }))}
          />
        )
      }
    >
      {!indicator ? (
        emptyText('还没有指标')
      ) : values.error ? (
        <Typography.Text type="danger">对比加载失败</Typography.Text>
      ) : rows.length === 0 && !values.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有村的数据" />
      ) : (
        <EChart
          ariaLabel={`各村${indicator.name}对比柱状图`}
          height={isMobile ? Math.max(240, rows.length * 24 + 40) : 260}
          option={
            isMobile
              ? rankedBarOption(
                  rows.map((r) => r.unit.name),
                  [{ name: indicator.name, values: rows.map((r) => r.value) }],
                  indicator,
                  highlight,
                )
              : comparisonOption(
                  rows.map((r) => r.unit.name),
                  rows.map((r) => r.value),
                  indicator,
                  highlight,
                )
          }
          onClick={(name) => {
            const u = units.find((x) => x.name === name);
            if (u) navigate(`/villages/${u.code}?period=${choice.period}&asOf=${choice.asOf}`);
          }}
        />
      )}
      {rows.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          点击柱子查看该村详情
        </Typography.Text>
      )}
    </Card>
  );
}
