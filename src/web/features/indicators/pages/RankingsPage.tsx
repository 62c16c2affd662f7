import { DeleteOutlined, EditOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { BOARD_NAMES } from '../../../../core/ranking';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { errorDetail } from '../../../lib/api-client';
import { useIndicators } from '../api/get-indicators';
import { useDeleteRanking, useRankings } from '../api/rankings';
import type { Ranking } from '../api/types';
import { RankingFormModal } from '../components/RankingFormModal';

export default function RankingsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const canDefine = me.abilities.indicatorDefine;
  const { data, isPending, error, refetch } = useRankings();
  const indicators = useIndicators();
  const remove = useDeleteRanking();
  const [editing, setEditing] = useState<Ranking | null | undefined>(undefined);
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;
  const nameOf = (key: string) => indicators.data?.items.find((i) => i.key === key)?.name ?? key;

  const confirmDelete = (r: Ranking) =>
    modal.confirm({
      title: `删除排行榜“${r.name}”？`,
      content: '删除后看板上不再显示这个榜单，指标和数据不受影响。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        remove
          .mutateAsync(r.key)
          .then(() => {
            message.success('已删除');
          })
          .catch((e) => {
            message.error(errorDetail(e));
          }),
    });

  return (
    <>
      <PageHeader
        title="排行榜"
        subTitle="按工作实绩排名的龙虎榜、红黑榜；只比工作成效，不比打卡和在线时长"
        extra={
          canDefine && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              新建排行榜
            </Button>
          )
        }
      />
      {data.items.length === 0 ? (
        <Card>
          <Empty description={canDefine ? '还没有排行榜：选一个指标，按村或包村小组排名' : '本镇还没有排行榜'}>
            {canDefine && (
              <Button type="primary" onClick={() => setEditing(null)}>
                新建排行榜
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          {data.items.map((r) => (
            <Col key={r.key} xs={24} md={12} xl={8}>
              <Card
                size="small"
                hoverable
                onClick={() => navigate(`/indicators/rankings/${r.key}`)}
                actions={
                  canDefine
                    ? [
                        <Button
                          key="edit"
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={(e) => {
                            e.stopPropagation();
                            setEditing(r);
                          }}
                        >
                          编辑
                        </Button>,
                        <Button
                          key="del"
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={(e) => {
                            e.stopPropagation();
                            confirmDelete(r);
                          }}
                        >
                          删除
                        </Button>,
                      ]
                    : undefined
                }
              >
                <Typography.Text strong style={{ fontSize: 15 }}>
                  <TrophyOutlined style={{ color: '#cf1322' }} /> {r.name}
                </Typography.Text>
                <div style={{ margin: '8px 0' }}>
                  <Tag color="red">{BOARD_NAMES[r.style].title}</Tag>
                  <Tag>{r.subject === 'village' ? '按村（社区）' : '按包村小组'}</Tag>
                  {r.requireTarget && <Tag color="gold">对照目标</Tag>}
                  {r.ties === 'exclude' && <Tag>并列超额不上榜</Tag>}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  指标：{nameOf(r.indicator)} · 前 {r.topN} 名上{BOARD_NAMES[r.style].top}，后 {r.bottomN} 名上{BOARD_NAMES[r.style].bottom}
                  {r.exemptions.length > 0 && ` · 豁免 ${r.exemptions.length} 个`}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {canDefine && (
        <RankingFormModal
          open={editing !== undefined}
          ranking={editing ?? undefined}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved && !editing) navigate(`/indicators/rankings/${saved.key}`);
          }}
        />
      )}
    </>
  );
}
