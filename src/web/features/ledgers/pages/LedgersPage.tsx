import { AppstoreAddOutlined, CalendarOutlined, PlusOutlined, SettingOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, Row, Segmented, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { PERIOD_TYPE_NAMES } from '../../../../core/periods';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useLedgers } from '../api/get-ledgers';
import { LibraryModal } from '../components/LibraryModal';
import { LEDGER_KIND_NAMES, type LedgerKind, type LedgerSummary } from '../api/types';

function LedgerCard({ ledger, canDefine }: { ledger: LedgerSummary; canDefine: boolean }) {
  const navigate = useNavigate();
  const open = () => navigate(`/ledgers/${ledger.key}`);
  const actions = [
    <Button key="open" type="link" icon={<TableOutlined />} onClick={open}>
      记录
    </Button>,
    ...(ledger.kind === 'periodic'
      ? [
          <Button key="grid" type="link" icon={<CalendarOutlined />} onClick={() => navigate(`/ledgers/${ledger.key}/grid`)}>
            按期填报
          </Button>,
        ]
      : []),
    ...(canDefine
      ? [
          <Button key="def" type="link" icon={<SettingOutlined />} onClick={() => navigate(`/ledgers/${ledger.key}/definition`)}>
            字段
          </Button>,
        ]
      : []),
  ];
  return (
    <Card size="small" hoverable actions={actions} styles={{ body: { minHeight: 118 } }}>
      <div onClick={open} role="link" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && open()} style={{ cursor: 'pointer' }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {ledger.name}
        </Typography.Text>
        <Flex gap={4} wrap style={{ margin: '8px 0' }}>
          <Tag color={ledger.kind === 'periodic' ? 'purple' : 'blue'}>
            {LEDGER_KIND_NAMES[ledger.kind]}
            {ledger.periodType ? ` · 按${PERIOD_TYPE_NAMES[ledger.periodType]}` : ''}
          </Tag>
          {ledger.hasWorkflow && <Tag color="gold">状态流转</Tag>}
          {ledger.builtin && <Tag>内置</Tag>}
        </Flex>
        {ledger.description && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ fontSize: 13, marginBottom: 4 }}>
            {ledger.description}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ledger.fieldCount} 个字段 · 第 {ledger.version} 版
          {ledger.records !== undefined ? ` · ${ledger.records.toLocaleString('zh-CN')} 条记录` : ''}
        </Typography.Text>
      </div>
    </Card>
  );
}

export default function LedgersPage() {
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { data, isPending, error, refetch } = useLedgers();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<LedgerKind | 'all'>('all');
  const [library, setLibrary] = useState(false);
  const canDefine = me.abilities.ledgerDefine;

  const groups = useMemo(() => {
    const term = q.trim().toLowerCase();
    const list = (data?.items ?? []).filter(
      (l) =>
        (kind === 'all' || l.kind === kind) &&
        (!term ||
          l.name.toLowerCase().includes(term) ||
          l.key.includes(term) ||
          (l.workLine?.name ?? '').includes(term) ||
          (l.description ?? '').includes(term)),
    );
    const byLine = new Map<string, LedgerSummary[]>();
    for (const l of list) {
      const line = l.workLine?.name ?? '未分条线';
      byLine.set(line, [...(byLine.get(line) ?? []), l]);
    }
    return [...byLine.entries()].sort(([a], [b]) => (a === '未分条线' ? 1 : b === '未分条线' ? -1 : a.localeCompare(b, 'zh-CN')));
  }, [data, q, kind]);

  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;

  return (
    <>
      <PageHeader
        title="台账"
        subTitle="每项数据只填一次：按条线分组的登记型和按期填报台账"
        extra={
          canDefine && (
            <>
              <Button icon={<AppstoreAddOutlined />} onClick={() => setLibrary(true)}>
                内置台账库
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/ledgers/new')}>
                新建台账
              </Button>
            </>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索台账名称、条线或说明"
          aria-label="搜索台账"
          style={{ width: isMobile ? '100%' : 320 }}
          onChange={(e) => setQ(e.target.value)}
          onSearch={setQ}
        />
        <Segmented<LedgerKind | 'all'>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: '全部' },
            { value: 'register', label: '登记型' },
            { value: 'periodic', label: '按期填报' },
          ]}
        />
        <Typography.Text type="secondary">共 {data.items.length} 本台账</Typography.Text>
      </Flex>
      {groups.length === 0 ? (
        <Card>
          <Empty description={data.items.length ? '没有找到匹配的台账' : '还没有台账'}>
            {canDefine && !data.items.length && (
              <Button type="primary" onClick={() => navigate('/ledgers/new')}>
                新建台账
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        groups.map(([line, ledgers]) => (
          <div key={line} style={{ marginBottom: 20 }}>
            <Typography.Title level={5} style={{ marginBottom: 10 }}>
              {line}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
                （{ledgers.length}）
              </Typography.Text>
            </Typography.Title>
            <Row gutter={[12, 12]}>
              {ledgers.map((l) => (
                <Col key={l.key} xs={24} sm={12} lg={8} xxl={6}>
                  <LedgerCard ledger={l} canDefine={canDefine} />
                </Col>
              ))}
            </Row>
          </div>
        ))
      )}
      {canDefine && <LibraryModal open={library} onClose={() => setLibrary(false)} />}
    </>
  );
}
