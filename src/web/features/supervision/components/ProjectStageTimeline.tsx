// A project's quarterly stage tasks as a timeline: a row per year, Q1–Q4 columns, each stage with its deadline
// and state (按时完成 / 逾期完成 / 逾期未完成 / 未到期) as of the township's today.
import { Col, Empty, Flex, Row, Typography } from 'antd';
import { quarterOf } from '../../../../core/supervision';
import type { ProjectStage } from '../api/projects';
import { StageStateTag } from './ProjectParts';

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

function StageItem({ stage }: { stage: ProjectStage }) {
  const border = { done: '#b7eb8f', done_late: '#ffd591', overdue: '#ffa39e', open: '#d9d9d9' }[stage.state];
  return (
    <div style={{ border: `1px solid ${border}`, borderRadius: 6, padding: '6px 8px', background: '#fff' }}>
      <Typography.Text style={{ display: 'block', fontSize: 13 }}>{stage.title}</Typography.Text>
      <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          时限 {stage.due}
          {stage.doneOn ? ` · 完成 ${stage.doneOn}` : ''}
        </Typography.Text>
        <StageStateTag state={stage.state} />
      </Flex>
    </div>
  );
}

export function ProjectStageTimeline({ stages, today }: { stages: ProjectStage[]; today: string }) {
  if (stages.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有季度阶段任务" />;
  const years = [...new Set(stages.map((s) => s.year))].sort((a, b) => a - b);
  const thisYear = Number(today.slice(0, 4));
  const thisQuarter = quarterOf(today);
  return (
    <>
      {years.map((year) => (
        <div key={year} style={{ marginBottom: 12 }}>
          {years.length > 1 && <Typography.Title level={5}>{year}年</Typography.Title>}
          <Row gutter={[12, 12]}>
            {[1, 2, 3, 4].map((q) => {
              const current = year === thisYear && q === thisQuarter;
              const items = stages.filter((s) => s.year === year && s.quarter === q).sort((a, b) => a.due.localeCompare(b.due));
              return (
                <Col key={q} xs={24} sm={12} lg={6}>
                  <div
                    style={{
                      background: current ? '#e6f4ff' : '#fafafa',
                      border: current ? '1px solid #91caff' : '1px solid #f0f0f0',
                      borderRadius: 8,
                      padding: 8,
                      height: '100%',
                    }}
                  >
                    <Flex justify="space-between" style={{ marginBottom: 8 }}>
                      <Typography.Text strong>{QUARTER_NAMES[q - 1]}</Typography.Text>
                      {current && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          本季度
                        </Typography.Text>
                      )}
                    </Flex>
                    <Flex vertical gap={8}>
                      {items.length === 0 ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          无阶段任务
                        </Typography.Text>
                      ) : (
                        items.map((s) => <StageItem key={s.id} stage={s} />)
                      )}
                    </Flex>
                  </div>
                </Col>
              );
            })}
          </Row>
        </div>
      ))}
    </>
  );
}
