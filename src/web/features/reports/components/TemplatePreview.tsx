// The template editor's live preview: the unsaved text rendered for a period, date and unit (debounced), the
// official-paper sheet scaled to its column, and the figures it could not fill — a click selects the chip.
import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, List, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { periodOf } from '../../../../core/periods';
import type { RenderWarning } from '../../../../core/report-document';
import { parseTemplate } from '../../../../core/report-template';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageLoading } from '../../../components/PageLoading';
import { PeriodPicker } from '../../indicators/components/PeriodPicker';
import { useDefaultAsOf, type PeriodChoice } from '../../indicators/components/period-choice';
import { useTemplatePreview, type PreviewRequest } from '../api/template-editor-api';
import { ReportSheet, scrollToFigure } from './ReportSheet';
import { ReportUnitSelect, useDefaultReportUnit } from './ReportUnitSelect';

const SHEET_OUTER = 794 + 48;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Shrinks the A4 sheet to the column's width (the browser's zoom keeps text crisp and clicks in place). */
function FitWidth({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setZoom(Math.min(1, Math.max(0.55, el.clientWidth / SHEET_OUTER))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box}>
      <div style={{ zoom }}>{children}</div>
    </div>
  );
}

/** The preview request of a text, or none while the text does not parse. */
export function useLivePreview(body: string) {
  const defaultAsOf = useDefaultAsOf();
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ period: periodOf('half', defaultAsOf).id, asOf: defaultAsOf }));
  const [unit, setUnit] = useState<string | undefined>(useDefaultReportUnit());
  const debouncedBody = useDebounced(body, 600);
  const parses = useMemo(() => parseTemplate(debouncedBody).errors.length === 0, [debouncedBody]);
  const request: PreviewRequest | undefined =
    parses && debouncedBody.trim() ? { body: debouncedBody, period: choice.period, asOf: choice.asOf, orgUnit: unit } : undefined;
  const report = useTemplatePreview(request);
  const problems = useMemo(() => {
    const map = new Map<string, string>();
    for (const w of report.data?.document.warnings ?? []) if (w.placeholder && !map.has(w.placeholder)) map.set(w.placeholder, w.message);
    return map;
  }, [report.data]);
  return { choice, setChoice, unit, setUnit, report, problems, waiting: body !== debouncedBody, parses };
}

function where(w: RenderWarning) {
  return w.line === undefined ? '' : w.column === undefined ? `第${w.line}行` : `第${w.line}行第${w.column}列`;
}

export function TemplatePreview({
  preview,
  hasErrors,
  onSelectPlaceholder,
}: {
  preview: ReturnType<typeof useLivePreview>;
  /** The text being edited does not parse: the preview keeps its last rendering. */
  hasErrors: boolean;
  onSelectPlaceholder: (warning: RenderWarning) => void;
}) {
  const { choice, setChoice, unit, setUnit, report } = preview;
  const shown = report.data;
  const warnings = shown?.document.warnings ?? [];
  return (
    <Card
      size="small"
      title="实时预览"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {report.isFetching || preview.waiting ? '正在更新…' : shown ? `截至 ${shown.asOf}` : ''}
        </Typography.Text>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <PeriodPicker value={choice} onChange={setChoice} kinds={['month', 'quarter', 'half', 'year']} noLastYear />
        <ReportUnitSelect value={unit} onChange={setUnit} />
      </Flex>
      {hasErrors && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="模板有格式错误，改正后预览才会更新（错误见正文下方）" />}
      {warnings.length > 0 && (
        <Card
          size="small"
          type="inner"
          style={{ marginBottom: 12 }}
          title={
            <span>
              <WarningOutlined style={{ color: '#fa8c16', marginRight: 6 }} />
              {warnings.length} 处取不到数据（预览中显示为“—”）
            </span>
          }
          styles={{ body: { padding: 0, maxHeight: 200, overflowY: 'auto' } }}
        >
          <List
            size="small"
            dataSource={warnings}
            renderItem={(w, i) => (
              <List.Item
                key={i}
                style={{ cursor: 'pointer', display: 'block' }}
                aria-label={`定位：${w.message}`}
                onClick={() => {
                  onSelectPlaceholder(w);
                  if (w.index !== undefined) scrollToFigure(w.index);
                }}
              >
                <Typography.Text>{w.message}</Typography.Text>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', wordBreak: 'break-all' }}>
                  {where(w)} {w.placeholder}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
      {report.error && !shown ? (
        <ApiErrorResult error={report.error} onRetry={() => report.refetch()} />
      ) : !shown ? (
        report.isFetching ? (
          <PageLoading tip="正在取数预览…" />
        ) : (
          <Empty description="在左侧写模板正文，这里按所选期间和单位实时显示报告" />
        )
      ) : (
        <div style={{ opacity: report.isFetching ? 0.6 : 1, transition: 'opacity 0.2s' }} aria-label="报告预览">
          <FitWidth>
            <ReportSheet document={shown.document} asOf={shown.asOf} />
          </FitWidth>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            蓝色虚线下划线的是取来的数据，点击可查看它怎么来的；橙色“—”是取不到的数据。
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}
