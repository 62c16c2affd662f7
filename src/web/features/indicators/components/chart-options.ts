// ECharts options of the dashboards, built from values answers. Numbers in tooltips and labels use the
// indicator's own format (万/亿, unit, decimals), never ECharts' English defaults.
import type { EChartsCoreOption } from 'echarts/core';
import { formatValue, type IndicatorFormat } from '../../../../core/indicators';

const COLORS = ['#1f4e8c', '#f08c00', '#389e0d', '#cf1322', '#722ed1'];
const SCALE = { none: 1, wan: 1e4, yi: 1e8 } as const;

/** Axis numbers in the indicator's scale: 12,000 with scale 万 reads 1.2. */
const axisLabel = (format: IndicatorFormat) => ({
  formatter: (v: number) => (v / SCALE[format.scale]).toLocaleString('zh-CN', { maximumFractionDigits: 2 }),
});
const unitName = (format: IndicatorFormat) => `${format.scale === 'wan' ? '万' : format.scale === 'yi' ? '亿' : ''}${format.unit}`;

/** Horizontal bars, one row per unit in the given order (first on top), one bar per series. */
export function rankedBarOption(
  names: string[],
  series: { name: string; values: (number | null)[] }[],
  format: IndicatorFormat,
  highlight?: string,
): EChartsCoreOption {
  return {
    color: COLORS,
    grid: { left: 8, right: 48, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => formatValue(v ?? null, format) },
    xAxis: { type: 'value', name: unitName(format), axisLabel: axisLabel(format), splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: [...names].reverse(), axisTick: { show: false } },
    series: [
      ...series.map((s) => ({
        type: 'bar',
        name: s.name,
        barMaxWidth: 16,
        data: [...s.values]
          .reverse()
          .map((value, i) => (highlight && [...names].reverse()[i] === highlight ? { value, itemStyle: { color: '#f08c00' } } : value)),
        label: {
          show: series.length === 1,
          position: 'right',
          formatter: (p: { value: number | null }) => formatValue(p.value, { ...format, unit: '' }).trim(),
        },
      })),
    ],
  };
}

/** A line over periods, one line per series (this year, last year, target). */
export function trendOption(
  labels: string[],
  series: { name: string; values: (number | null)[]; dashed?: boolean }[],
  format: IndicatorFormat,
): EChartsCoreOption {
  return {
    color: COLORS,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: series.map((s) => s.name) },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatValue(v ?? null, format) },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', name: unitName(format), axisLabel: axisLabel(format), splitLine: { lineStyle: { type: 'dashed' } } },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      smooth: false,
      symbolSize: 6,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
    })),
  };
}

/** Vertical bars per unit (a village comparison), highlighted bar for one unit. */
export function comparisonOption(names: string[], values: (number | null)[], format: IndicatorFormat, highlight?: string): EChartsCoreOption {
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => formatValue(v ?? null, format) },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', name: unitName(format), axisLabel: axisLabel(format), splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: values.map((v, i) => ({ value: v, itemStyle: { color: names[i] === highlight ? '#f08c00' : '#1f4e8c' } })),
      },
    ],
  };
}
