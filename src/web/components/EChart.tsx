import { Flex, Spin } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/** A chart drawn by ECharts, which is loaded on first use; resizes with its box. */
export function EChart({
  option,
  height = 300,
  ariaLabel,
  onClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  ariaLabel: string;
  /** Clicked data item: its category name and series index. */
  onClick?: (name: string, seriesIndex: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !box.current) return;
      chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.current.on('click', (p) =>
        clickRef.current?.(String((p as { name?: string }).name ?? ''), (p as { seriesIndex?: number }).seriesIndex ?? 0),
      );
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // No drawing animation: figures are read, not watched, and a half-drawn line must never be mistaken for data.
    if (ready) chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', width: '100%', height }} role="img" aria-label={ariaLabel}>
      <div ref={box} style={{ width: '100%', height: '100%' }} />
      {!ready && (
        <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0 }}>
          <Spin />
        </Flex>
      )}
    </div>
  );
}
