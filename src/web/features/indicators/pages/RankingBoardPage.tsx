import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { boardXlsxPath, useRankingBoard } from '../api/rankings';
import type { BoardItem } from '../api/types';
import { boardColumns, BoardPair } from '../components/BoardColumns';
import { usePeriodChoice } from '../components/period-choice';
import { PeriodPicker } from '../components/PeriodPicker';
import { RankingFormModal } from '../components/RankingFormModal';

export default function RankingBoardPage() {
  const { key = '' } = useParams();
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [choice, setChoice] = usePeriodChoice();
  const { data, error, isPending, isFetching, refetch } = useRankingBoard(key, choice.period, choice.asOf);
  const [editing, setEditing] = useState(false);
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;
  const exempt = data.items.filter((i) => i.exemption);

  return (
    <>
      <PageHeader
        title={data.ranking.name}
        subTitle={`${data.ranking.boardNames.title} · 按“${data.indicator.name}”${data.indicator.higherIsBetter ? '从高到低' : '从低到高'}排名 · ${data.period.label}`}
        extra={
          <>
            <Button onClick={() => navigate('/indicators/rankings')}>全部排行榜</Button>
            <ExportButton path={boardXlsxPath(key)} query={{ period: choice.period, asOf: choice.asOf }} fileName={`${data.ranking.name}.xlsx`} />
            {me.abilities.indicatorDefine && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <PeriodPicker value={choice} onChange={setChoice} />
      </Card>
      <div style={{ opacity: isFetching ? 0.6 : 1 }}>
        <BoardPair board={data} asOf={choice.asOf} />
        <Card
          size="small"
          title="完整排名"
          style={{ marginTop: 12 }}
          styles={{ body: { padding: 0 } }}
          extra={exempt.length > 0 && <Typography.Text type="secondary">{exempt.length} 个豁免，不参与排名</Typography.Text>}
        >
          <Table<BoardItem>
            rowKey={(i) => i.subject.code}
            size="small"
            dataSource={data.items}
            pagination={false}
            columns={boardColumns(data, choice.asOf, isMobile)}
            scroll={isMobile ? undefined : { x: 760 }}
            locale={{ emptyText: emptyText('本期没有可排名的数据') }}
          />
        </Card>
      </div>
      {editing && (
        <RankingFormModal
          open
          ranking={data.ranking}
          onClose={() => {
            setEditing(false);
            void refetch();
          }}
        />
      )}
    </>
  );
}
