// A rendered report laid out like the official paper (GB/T 9704: 小标宋 title, 仿宋 body, 黑体/楷体 headings,
// two-character indent) on a white A4-wide sheet. Every figure is marked and clickable: indicator figures open
// "explain this number", the others say where they come from. Reused by the template editor's preview.
import { Button, Popover, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ReportDocument, Run } from '../../../../core/report-document';
import { useMe } from '../../../app/auth';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useIndicators } from '../../indicators/api/get-indicators';
import { ExplainDrawer, type ExplainTarget } from '../../indicators/components/ExplainDrawer';
import { explainable, figureSourceText, type Figure } from './figure-source';

export type { Figure } from './figure-source';

/** Font stacks of the official paper, each ending in what a Linux or Mac browser has. */
export const REPORT_FONTS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", "STSong", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  body: '"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  hei: '"黑体", "SimHei", "STHeiti", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  kai: '"楷体_GB2312", "楷体", "KaiTi", "STKaiti", "Kaiti SC", "Noto Serif CJK SC", serif',
} as const;

/** A4 at 96 dpi: 210 mm wide (the text area, 156 mm, holds 28 characters of 16 pt). */
const SHEET_WIDTH = 794;
/** Margins of the sheet: the paper's on a wide screen; narrow ones on a phone. */
const PAGE_PADDING = '96px 98px 112px 106px';
const PHONE_PADDING = '24px 16px 32px';

/**
 * How much to shrink the sheet so it fits its column on a desktop (never enlarged). On a phone the text reflows to
 * the screen's width instead (a cadre reads it there; the paper's 28 characters a line are the Word file's and the
 * print view's), and only a wide table scrolls sideways.
 */
function useFitScale(width: number, enabled: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) {
      setScale(1);
      return;
    }
    const observer = new ResizeObserver(([entry]) => {
      const available = entry.contentRect.width;
      setScale(available > 0 ? Math.min(1, Math.max(0.6, available / width)) : 1);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [width, enabled]);
  return { ref, scale };
}

const SHEET_CSS = `
.zw-report-sheet .zw-figure { cursor: pointer; border-radius: 2px; padding: 0 1px; background: rgba(22,119,255,0.07);
  border-bottom: 1px dashed rgba(22,119,255,0.55); transition: background 0.15s; }
.zw-report-sheet .zw-figure:hover { background: rgba(22,119,255,0.16); }
.zw-report-sheet .zw-figure:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
.zw-report-sheet .zw-figure.zw-missing { background: #fff7e6; color: #d46b08; border-bottom-color: #fa8c16; }
.zw-report-sheet .zw-figure.zw-missing:hover { background: #ffe7ba; }
.zw-report-sheet .zw-figure.zw-changed { background: #fff1b8; box-shadow: 0 0 0 1px #faad14; border-bottom-color: #d48806; }
.zw-report-sheet table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 16px; line-height: 1.5; text-indent: 0; }
.zw-report-sheet th, .zw-report-sheet td { border: 1px solid #000; padding: 4px 6px; vertical-align: middle; }
.zw-report-sheet th { font-family: ${REPORT_FONTS.hei}; font-weight: normal; text-align: center; }
`;

/** Scrolls the first mark of a figure into view and flashes it (the warnings list and the comparison use it). */
export function scrollToFigure(index: number) {
  const el = document.querySelector<HTMLElement>(`.zw-report-sheet [data-figure-index="${index}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
  el.animate?.([{ boxShadow: '0 0 0 3px #fa8c16' }, { boxShadow: '0 0 0 3px transparent' }], { duration: 1600, iterations: 2 });
  el.focus({ preventScroll: true });
}

interface FigureRunProps {
  run: Run & { figure: Figure };
  changed: boolean;
  warning?: string;
  onOpen: (figure: Figure) => void;
  explain: (figure: Figure) => void;
  indicatorName: (key: string) => string | undefined;
  custom: boolean;
}

function FigureRun({ run, changed, warning, onOpen, explain, indicatorName, custom }: FigureRunProps) {
  const [open, setOpen] = useState(false);
  const figure = run.figure;
  const direct = custom || explainable(figure.source);
  const className = ['zw-figure', figure.missing ? 'zw-missing' : '', changed ? 'zw-changed' : ''].filter(Boolean).join(' ');
  const activate = () => (direct ? onOpen(figure) : setOpen(true));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate();
    }
  };
  const title = figure.missing ? '缺少数据' : undefined;
  const span = (
    <span
      className={className}
      role="button"
      tabIndex={0}
      data-figure-index={figure.index}
      data-figure-kind={figure.source.kind}
      title={direct ? (figure.missing ? `缺少数据：${warning ?? '点击查看数据来源'}` : '点击查看这个数怎么来的') : undefined}
      onClick={direct ? activate : undefined}
      onKeyDown={onKeyDown}
    >
      {run.text}
    </span>
  );
  if (direct) return span;
  const source = figure.source;
  // Rankings are read from one indicator too: offer its figures from the popover.
  const canExplain = (source.kind === 'top' || source.kind === 'rank') && !!source.period;
  const content: ReactNode = (
    <div style={{ maxWidth: 300, fontSize: 13 }}>
      <div>{figureSourceText(source, indicatorName)}</div>
      {warning && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }}>
          {warning}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" code style={{ display: 'inline-block', marginTop: 6, fontSize: 12, wordBreak: 'break-all' }}>
        {figure.placeholder}
      </Typography.Text>
      {canExplain && (
        <div style={{ marginTop: 6 }}>
          <Button
            size="small"
            type="link"
            style={{ padding: 0 }}
            onClick={() => {
              setOpen(false);
              explain(figure);
            }}
          >
            查看指标数据
          </Button>
        </div>
      )}
    </div>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={title ?? '数据来源'} content={content}>
      {span}
    </Popover>
  );
}

/** The official-paper preview of a rendered report; `highlight` marks changed figures (by placeholder index). */
export function ReportSheet({
  document: doc,
  asOf,
  onFigureClick,
  highlight,
}: {
  document: ReportDocument;
  /** The as-of date the figures were read on: "explain this number" reads the same day. */
  asOf: string;
  /** Replaces the default (explain drawer or source popover) for every figure. */
  onFigureClick?: (figure: Figure) => void;
  highlight?: Set<number>;
}) {
  const isMobile = useIsMobile();
  const me = useMe();
  const indicators = useIndicators(me.abilities.indicatorRead);
  const names = useMemo(() => new Map((indicators.data?.items ?? []).map((i) => [i.key, i.name])), [indicators.data]);
  const warnings = useMemo(() => {
    const byIndex = new Map<number, string>();
    for (const w of doc.warnings) if (w.index !== undefined && !byIndex.has(w.index)) byIndex.set(w.index, w.message);
    return byIndex;
  }, [doc.warnings]);
  const [target, setTarget] = useState<ExplainTarget>();
  const { ref, scale } = useFitScale(SHEET_WIDTH, !isMobile);

  const explain = (figure: Figure) => {
    const s = figure.source;
    if (s.period) setTarget({ indicator: s.target, period: s.period, asOf, orgUnit: s.orgUnit });
  };
  const open = onFigureClick ?? explain;

  const runs = (list: Run[]) =>
    list.map((run, i) =>
      run.figure ? (
        <FigureRun
          key={i}
          run={run as Run & { figure: Figure }}
          changed={!!highlight?.has(run.figure.index)}
          warning={warnings.get(run.figure.index)}
          onOpen={open}
          explain={explain}
          indicatorName={(k) => names.get(k)}
          custom={!!onFigureClick}
        />
      ) : (
        <span key={i}>{run.text}</span>
      ),
    );

  return (
    <div ref={ref} style={{ overflowX: isMobile ? 'hidden' : 'auto', background: '#f0f2f5', padding: isMobile ? 4 : 24, borderRadius: 8 }}>
      <style href="zw-report-sheet" precedence="default">
        {SHEET_CSS}
      </style>
      <article
        className="zw-report-sheet"
        aria-label={doc.title || '报告'}
        style={{
          width: isMobile ? '100%' : SHEET_WIDTH,
          minWidth: isMobile ? 0 : SHEET_WIDTH,
          zoom: scale === 1 ? undefined : scale,
          margin: '0 auto',
          boxSizing: 'border-box',
          padding: isMobile ? PHONE_PADDING : PAGE_PADDING,
          background: '#fff',
          color: '#000',
          boxShadow: '0 1px 4px rgba(0,0,0,0.15)',
          fontFamily: REPORT_FONTS.body,
          fontSize: isMobile ? '17px' : '16pt',
          lineHeight: 1.8,
          textAlign: 'justify',
          wordBreak: 'break-all',
        }}
      >
        <h1
          style={{
            fontFamily: REPORT_FONTS.title,
            fontSize: isMobile ? '22px' : '22pt',
            fontWeight: 'normal',
            textAlign: 'center',
            lineHeight: 1.5,
            margin: '0 0 8px',
          }}
        >
          {doc.title || '（无标题）'}
        </h1>
        {doc.subtitle && <p style={{ fontFamily: REPORT_FONTS.kai, textAlign: 'center', margin: '0 0 16px' }}>{doc.subtitle}</p>}
        <div style={{ height: doc.subtitle ? 8 : 24 }} />
        {doc.blocks.map((block, i) => {
          if (block.type === 'heading')
            return (
              <p
                key={i}
                role="heading"
                aria-level={block.level + 1}
                style={{ margin: 0, textIndent: '2em', fontFamily: block.level === 1 ? REPORT_FONTS.hei : REPORT_FONTS.kai }}
              >
                {runs(block.runs)}
              </p>
            );
          if (block.type === 'paragraph')
            return (
              <p key={i} style={{ margin: 0, textIndent: '2em' }}>
                {runs(block.runs)}
              </p>
            );
          return (
            <div key={i} style={{ overflowX: 'auto' }}>
              <table style={isMobile ? { minWidth: 120 * Math.max(1, block.header.length) } : undefined}>
                {block.caption && <caption style={{ fontFamily: REPORT_FONTS.hei, captionSide: 'top', padding: '4px 0' }}>{block.caption}</caption>}
                <thead>
                  <tr>
                    {block.header.map((h, j) => (
                      <th key={j}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.length === 0 ? (
                    <tr>
                      <td colSpan={Math.max(1, block.header.length)} style={{ textAlign: 'center', color: '#d46b08' }}>
                        （无数据）
                      </td>
                    </tr>
                  ) : (
                    block.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, c) => (
                          <td key={c}>{runs([cell])}</td>
                        ))}
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
          );
        })}
      </article>
      {target && <ExplainDrawer key={JSON.stringify(target)} target={target} onClose={() => setTarget(undefined)} />}
    </div>
  );
}
