// A key project at a glance: who leads it, where, its goal and dates, and its two rates.
import { Card, Col, Descriptions, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { PROJECT_CATEGORY_NAMES } from '../../../../core/supervision';
import { formatPercent } from '../../../lib/format';
import type { ProjectDetail } from '../api/projects';
import { formatWan } from './ProjectParts';

function RateBlock({ title, value, detail }: { title: string; value: number | null; detail: string }) {
  const color = value === null ? undefined : value >= 100 ? '#389e0d' : value >= 60 ? '#1f4e8c' : '#d4380d';
  return (
    <div>
      <Statistic title={title} value={value === null ? '—' : formatPercent(value)} valueStyle={{ color, fontSize: 22 }} />
      {value !== null && <Progress percent={Math.min(100, value)} showInfo={false} size="small" strokeColor={color} style={{ margin: 0 }} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {detail}
      </Typography.Text>
    </div>
  );
}

export function ProjectSummaryCard({ project: p, isMobile }: { project: ProjectDetail; isMobile: boolean }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={15}>
          <Descriptions
            size="small"
            column={isMobile ? 1 : 2}
            items={[
              { key: 'category', label: '类别', children: PROJECT_CATEGORY_NAMES[p.category] },
              { key: 'location', label: '所在村', children: p.location.name },
              { key: 'leader', label: '责任领导', children: p.leaderName },
              { key: 'group', label: '组线', children: p.cadreGroup?.name ?? '—' },
              { key: 'line', label: '工作条线', children: p.workLine ?? '—' },
              { key: 'goal', label: '重点工作', children: p.goal ? <Link to={`/supervision/goals`}>{p.goal.title}</Link> : '—' },
              { key: 'dates', label: '建设周期', children: `${p.startDate} 至 ${p.endDate}` },
              {
                key: 'money',
                label: '投资（万元）',
                children: `已完成 ${formatWan(p.completedInvestment)} / 计划 ${formatWan(p.plannedInvestment)}`,
              },
              ...(p.investmentNote ? [{ key: 'note', label: '投资说明', span: isMobile ? 1 : 2, children: p.investmentNote }] : []),
              ...(p.description
                ? [
                    {
                      key: 'desc',
                      label: '项目简介',
                      span: isMobile ? 1 : 2,
                      children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span>,
                    },
                  ]
                : []),
            ]}
          />
        </Col>
        <Col xs={24} lg={9}>
          <Flex gap={24} wrap>
            <div style={{ flex: '1 1 140px' }}>
              <RateBlock
                title="投资完成率"
                value={p.investmentRate}
                detail={
                  p.plannedInvestment === null ? '未定计划总投资' : `${formatWan(p.completedInvestment)} / ${formatWan(p.plannedInvestment)} 万元`
                }
              />
            </div>
            <div style={{ flex: '1 1 140px' }}>
              <RateBlock
                title="阶段任务按时完成率"
                value={p.onTimeRate}
                detail={
                  p.stagesDue === 0 ? '尚无到期的阶段任务' : `到期 ${p.stagesDue} 项，按时 ${p.stagesOnTime} 项，逾期未完成 ${p.stagesOverdue} 项`
                }
              />
            </div>
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
