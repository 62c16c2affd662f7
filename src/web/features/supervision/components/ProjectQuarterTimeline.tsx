// 季度进度: the projects of the list as rows, Q1–Q4 of a chosen year as columns, each stage task in its quarter in
// its state's colour (按时完成 / 逾期完成 / 逾期未完成 / 未到期) as of the township's today.
import { Empty, Flex, Pagination, Progress, Select, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { quarterOf } from '../../../../core/supervision';
import { useProjectsStages } from '../api/project-stages';
import type { ProjectStage, ProjectSummary } from '../api/projects';
import { ProjectStatusTag, STAGE_STATE_NAMES } from './ProjectParts';

const QUARTERS = [1, 2, 3, 4] as const;
const STATE_STYLE: Record<ProjectStage['state'], { background: string; border: string; color: string }> = {
  done: { background: '#f6ffed', border: '#95de64', color: '#237804' },
  done_late: { background: '#fff7e6', border: '#ffc069', color: '#ad4e00' },
  overdue: { background: '#fff1f0', border: '#ff7875', color: '#a8071a' },
  open: { background: '#e6f4ff', border: '#91caff', color: '#0958d9' },
};

function StageChip({ stage, compact }: { stage: ProjectStage; compact: boolean }) {
  const style = STATE_STYLE[stage.state];
  return (
    <Tooltip
      title={
        <>
          <div>{stage.title}</div>
          <div>
            时限 {stage.due}
            {stage.doneOn ? ` · 完成 ${stage.doneOn}` : ''} · {STAGE_STATE_NAMES[stage.state]}
          </div>
        </>
      }
    >
      <div
        tabIndex={0}
        aria-label={`${stage.title}，${STAGE_STATE_NAMES[stage.state]}`}
        style={{
          background: style.background,
          borderInlineStart: `3px solid ${style.border}`,
          borderRadius: 4,
          padding: compact ? '2px 4px' : '3px 6px',
          fontSize: compact ? 11 : 12,
          lineHeight: 1.4,
          color: style.color,
          overflow: 'hidden',
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflowWrap: 'anywhere',
        }}
      >
        {stage.title}
        {!compact && <span style={{ opacity: 0.75, whiteSpace: 'nowrap' }}> · {stage.due.slice(5)}</span>}
      </div>
    </Tooltip>
  );
}

function QuarterCell({ stages, current, compact }: { stages: ProjectStage[] | undefined; current: boolean; compact: boolean }) {
  return (
    <div style={{ background: current ? '#f0f7ff' : undefined, padding: compact ? 3 : 6, minWidth: 0, minHeight: compact ? 28 : 36 }}>
      {stages === undefined ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          …
        </Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          {stages.map((s) => (
            <StageChip key={s.id} stage={s} compact={compact} />
          ))}
        </Flex>
      )}
    </div>
  );
}

function Legend() {
  return (
    <Flex gap={12} wrap style={{ fontSize: 12 }}>
      {(Object.keys(STATE_STYLE) as ProjectStage['state'][]).map((state) => (
        <Flex key={state} align="center" gap={4}>
          <span
            style={{
              width: 12,
              height: 12,
              borderRadius: 2,
              background: STATE_STYLE[state].background,
              border: `2px solid ${STATE_STYLE[state].border}`,
            }}
          />
          {STAGE_STATE_NAMES[state]}
        </Flex>
      ))}
    </Flex>
  );
}

export function ProjectQuarterTimeline({
  items,
  today,
  total,
  page,
  pageSize,
  isMobile,
  onPage,
}: {
  items: ProjectSummary[];
  today: string;
  total: number;
  page: number;
  pageSize: number;
  isMobile: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  const thisYear = Number(today.slice(0, 4)) || new Date().getFullYear();
  // the township's year until one is chosen (today arrives with the list)
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? thisYear;
  const { stages, loaded, failed } = useProjectsStages(items.map((p) => p.id));
  const years = new Set([thisYear, year]);
  for (const list of stages.values()) for (const s of list) years.add(s.year);
  const currentQuarter = year === thisYear ? quarterOf(today) : null;
  const grid = isMobile ? 'repeat(4, minmax(0, 1fr))' : '240px repeat(4, minmax(0, 1fr))';
  const line = '1px solid #f0f0f0';
  const ofYear = (id: number, q: number) =>
    stages
      .get(id)
      ?.filter((s) => s.year === year && s.quarter === q)
      .sort((a, b) => a.due.localeCompare(b.due));

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <Select
            aria-label="年度"
            value={year}
            onChange={setYear}
            options={[...years].sort((a, b) => a - b).map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 100 }}
          />
          {loaded < items.length && (
            <Flex align="center" gap={6} style={{ fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                正在加载阶段任务
              </Typography.Text>
              <Progress percent={Math.round((loaded / Math.max(1, items.length)) * 100)} size="small" style={{ width: 80, margin: 0 }} />
            </Flex>
          )}
          {failed > 0 && <Typography.Text type="danger">{failed} 个项目的阶段任务未能加载</Typography.Text>}
        </Flex>
        <Legend />
      </Flex>
      {items.length === 0 ? (
        <Empty description="没有符合条件的项目" />
      ) : (
        <div style={{ border: line, borderRadius: 6, overflow: 'hidden' }}>
          <div style={{ display: 'grid', gridTemplateColumns: grid, background: '#fafafa', borderBottom: line, fontWeight: 600, fontSize: 13 }}>
            {!isMobile && <div style={{ padding: '8px 10px' }}>项目</div>}
            {QUARTERS.map((q) => (
              <div
                key={q}
                style={{ padding: isMobile ? '6px 4px' : '8px 6px', textAlign: 'center', background: q === currentQuarter ? '#e6f4ff' : undefined }}
              >
                Q{q}
                {q === currentQuarter && <span style={{ fontWeight: 400, fontSize: 12, color: '#1677ff' }}> 本季度</span>}
              </div>
            ))}
          </div>
          {items.map((p, i) => (
            <div key={p.id} style={{ borderTop: i === 0 ? undefined : line }}>
              {isMobile && (
                <Flex justify="space-between" align="center" gap={6} style={{ padding: '6px 6px 0' }}>
                  <Link to={`/supervision/projects/${p.id}`} style={{ fontWeight: 600, fontSize: 13, minWidth: 0 }}>
                    {p.name}
                  </Link>
                  <ProjectStatusTag status={p.status} />
                </Flex>
              )}
              <div style={{ display: 'grid', gridTemplateColumns: grid }}>
                {!isMobile && (
                  <div style={{ padding: '6px 10px', borderInlineEnd: line, minWidth: 0 }}>
                    <Link to={`/supervision/projects/${p.id}`}>{p.name}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.location.name} · {p.leaderName}
                      </Typography.Text>
                    </div>
                  </div>
                )}
                {QUARTERS.map((q) => (
                  <QuarterCell key={q} stages={ofYear(p.id, q)} current={q === currentQuarter} compact={isMobile} />
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
      {total > pageSize && (
        <Flex justify="end" style={{ marginTop: 12 }}>
          <Pagination current={page} pageSize={pageSize} total={total} size="small" simple={isMobile} onChange={onPage} />
        </Flex>
      )}
    </>
  );
}
