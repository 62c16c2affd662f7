// 重点工作 (三个一: 重点突破、难点攻坚、创新亮点): a year's goals as cards with their indicators, campaign, tasks
// and projects; township leaders create and edit them.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Select } from 'antd';
import { useState } from 'react';
import { GOAL_KINDS } from '../../../../core/supervision';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useGoals, useTownshipClock, type Goal } from '../api/goals';
import { GoalCard } from '../components/GoalCard';
import { GoalFormModal } from '../components/GoalFormModal';

export default function GoalsPage() {
  const me = useMe();
  const clock = useTownshipClock();
  const thisYear = clock.data ? Number(clock.data.today.slice(0, 4)) : undefined;
  const [chosen, setChosen] = useState<number>();
  const year = chosen ?? thisYear;
  const { data, isPending, error, refetch } = useGoals(year, year !== undefined);
  const [editing, setEditing] = useState<{ goal?: Goal } | null>(null);
  const canWrite = me.abilities.goalWrite;

  if (clock.error) return <ApiErrorResult error={clock.error} onRetry={() => clock.refetch()} />;
  if (year === undefined || isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;

  const years = Array.from({ length: 5 }, (_, i) => (thisYear ?? year) + 1 - i);
  if (!years.includes(year)) years.push(year);
  // 三个一 in their order: 重点突破, 难点攻坚, 创新亮点, then the others
  const goals = [...data.items].sort((a, b) => GOAL_KINDS.indexOf(a.kind) - GOAL_KINDS.indexOf(b.kind) || a.id - b.id);

  return (
    <>
      <PageHeader
        title="重点工作"
        subTitle={`“三个一”：重点突破、难点攻坚、创新亮点，截至 ${data.today}`}
        extra={
          <>
            <Select
              aria-label="年度"
              value={year}
              options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))}
              onChange={setChosen}
              style={{ width: 110 }}
            />
            <ExportButton path="/api/goals/export" query={{ year }} fileName={`重点工作-${year}.xlsx`} />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                新建重点工作
              </Button>
            )}
          </>
        }
      />
      {goals.length === 0 ? (
        <Card>
          <Empty description={`${year}年还没有重点工作`}>
            {canWrite && (
              <Button type="primary" onClick={() => setEditing({})}>
                新建重点工作
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {goals.map((goal) => (
            <Col key={goal.id} xs={24} md={12} xl={8}>
              <GoalCard goal={goal} onEdit={canWrite ? () => setEditing({ goal }) : undefined} />
            </Col>
          ))}
        </Row>
      )}
      <GoalFormModal open={editing !== null} goal={editing?.goal} year={year} onClose={() => setEditing(null)} />
    </>
  );
}
