import { Button, Card, Col, Empty, Flex, Row, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageLoading } from '../../../components/PageLoading';
import { useIndicators } from '../api/get-indicators';
import { IndicatorCards, KeyIndicatorPicker, TrendCard, VillageComparisonCard } from '../components/DashboardParts';
import { useKeyIndicators } from '../components/key-indicators';
import { OverdueCard } from '../components/OverdueCard';
import { usePeriodChoice } from '../components/period-choice';
import { PeriodPicker } from '../components/PeriodPicker';
import { RankingsCard } from '../components/RankingsCard';
import { useOwnVillage } from '../components/UnitSelect';
import { greeting } from '../../../lib/format';
import { DueTasksCard } from '../../supervision/components/DueTasksCard';
import { MyTasksCard } from '../../supervision/components/MyTasksCard';

/** The 工作台 of everyone who reads indicators: the township at a glance, every figure traceable. */
export default function TownshipDashboard() {
  const me = useMe();
  const navigate = useNavigate();
  const indicators = useIndicators();
  const [choice, setChoice] = usePeriodChoice();
  const [key, setKey] = useKeyIndicators(indicators.data?.items);
  const myVillage = useOwnVillage();

  if (indicators.isPending) return <PageLoading />;
  if (indicators.error) return <ApiErrorResult error={indicators.error} onRetry={() => indicators.refetch()} />;
  const all = indicators.data.items;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {greeting()}，{me.displayName}
          </Typography.Title>
          <Typography.Text type="secondary">{me.township?.name ?? ''}工作台 · 数据实时取自台账，点击任一数值可查看来源</Typography.Text>
        </div>
        <Space wrap>
          {myVillage && (
            <Button onClick={() => navigate(`/villages/${myVillage.code}?period=${choice.period}&asOf=${choice.asOf}`)}>
              本村：{myVillage.name}
            </Button>
          )}
          {all.length > 0 && <KeyIndicatorPicker all={all} chosen={key} onChange={setKey} />}
        </Space>
      </Flex>
      {me.abilities.taskRead && (
        // What the user must do next comes first: his tasks, then what is overdue or due within 3 days.
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} lg={12}>
            <MyTasksCard />
          </Col>
          <Col xs={24} lg={12}>
            <DueTasksCard />
          </Col>
        </Row>
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <PeriodPicker value={choice} onChange={setChoice} />
      </Card>
      {all.length === 0 ? (
        <Card style={{ marginBottom: 12 }}>
          <Empty
            description={
              me.abilities.indicatorDefine ? '还没有指标：安装内置指标或新建指标后，这里显示全镇重点指标、走势和排行' : '本镇还没有定义指标'
            }
          >
            {me.abilities.indicatorDefine && (
              <Button type="primary" onClick={() => navigate('/indicators')}>
                去定义指标
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        <>
          <IndicatorCards indicators={key} choice={choice} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} xl={12}>
              <TrendCard indicators={key} asOf={choice.asOf} />
            </Col>
            <Col xs={24} xl={12}>
              <VillageComparisonCard indicators={key} choice={choice} />
            </Col>
          </Row>
        </>
      )}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={14}>
          <RankingsCard choice={choice} />
        </Col>
        <Col xs={24} xl={10}>
          <OverdueCard asOf={choice.asOf} />
        </Col>
      </Row>
    </>
  );
}
