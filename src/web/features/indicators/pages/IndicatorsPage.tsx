import { AimOutlined, AppstoreAddOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { shownNumber, shownUnit } from '../../../../core/indicators';
import { periodFileTag } from '../../../../core/periods';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { SheetExportButton } from '../../../components/SheetExportButton';
import { useIsMobile } from '../../../components/use-is-mobile';
import { errorDetail } from '../../../lib/api-client';
import { useIndicators } from '../api/get-indicators';
import { getValues, useIndicatorValues, valueOf } from '../api/get-values';
import { useDeleteIndicator } from '../api/save-indicator';
import type { Indicator } from '../api/types';
import { CompletionBar } from '../components/CompletionBar';
import { IndicatorLibraryModal } from '../components/IndicatorLibraryModal';
import { choiceLabel, hasTargets, usePeriodChoice } from '../components/period-choice';
import { PeriodPicker } from '../components/PeriodPicker';
import { SOURCE_TYPE_NAMES, sourceText } from '../components/source-text';
import { UnitSelect, useOwnVillage } from '../components/UnitSelect';
import { ValueText } from '../components/ValueText';

type SourceType = keyof typeof SOURCE_TYPE_NAMES;

export default function IndicatorsPage() {
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const canDefine = me.abilities.indicatorDefine;
  const canTarget = me.abilities.indicatorTarget;
  const { data, isPending, error, refetch } = useIndicators();
  const [choice, setChoice] = usePeriodChoice();
  const [q, setQ] = useState('');
  const [line, setLine] = useState<string>();
  const [unit, setUnit] = useState<string>();
  const [type, setType] = useState<SourceType>();
  const [library, setLibrary] = useState(false);
  // A village cadre opens on his village: its figures, and the rows behind them, are his to read.
  const ownVillage = useOwnVillage();
  const [orgUnit, setOrgUnit] = useState<string | undefined>(ownVillage?.code);
  const remove = useDeleteIndicator();

  const all = useMemo(() => data?.items ?? [], [data]);
  const lines = [...new Set(all.map((i) => i.workLine).filter((l): l is string => !!l))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const units = [...new Set(all.map((i) => i.unit).filter(Boolean))];
  const list = useMemo(() => {
    const term = q.trim().toLowerCase();
    return all.filter(
      (i) =>
        (!term || i.name.toLowerCase().includes(term) || i.key.includes(term) || (i.ledgerName ?? '').includes(term)) &&
        (!line || i.workLine === line) &&
        (!unit || i.unit === unit) &&
        (!type || i.source.type === type),
    );
  }, [all, q, line, unit, type]);
  const targets = hasTargets(choice.period);
  // Values for the page shown only: quick on a library of 150 indicators, and one failing figure cannot blank the rest.
  const [page, setPage] = useState(1);
  const pageSize = 20;
  useEffect(() => setPage(1), [q, line, unit, type]);
  const shownKeys = list.slice((page - 1) * pageSize, page * pageSize).map((i) => i.key);
  const values = useIndicatorValues({ keys: shownKeys, periods: [choice.period], asOf: choice.asOf, orgUnit, targets });
  const exportRows = async () => {
    const answers = [];
    for (let i = 0; i < list.length; i += 50) {
      answers.push(await getValues({ keys: list.slice(i, i + 50).map((x) => x.key), periods: [choice.period], asOf: choice.asOf, orgUnit, targets }));
    }
    const items = answers.flatMap((a) => a.items);
    return list.map((i) => {
      const v = items.find((x) => x.indicator === i.key);
      return [
        i.name,
        i.workLine ?? '',
        sourceText(i),
        shownNumber(v?.value, i),
        shownUnit(i),
        shownNumber(v?.target, i),
        v?.completion == null ? null : Number(v.completion.toFixed(1)),
      ];
    });
  };

  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;

  const confirmDelete = (i: Indicator) =>
    modal.confirm({
      title: `删除指标“${i.name}”？`,
      content: '删除后，报告和看板中引用它的位置将不再显示数值。被公式或排行榜引用的指标不能删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        remove
          .mutateAsync(i.key)
          .then(() => {
            message.success('已删除');
          })
          .catch((e) => {
            message.error(errorDetail(e));
          }),
    });

  const valueCell = (i: Indicator) => {
    const v = valueOf(values.data, i.key);
    if (values.isPending) return <Typography.Text type="secondary">计算中…</Typography.Text>;
    return <ValueText value={v?.value ?? null} format={i} strong explain={{ indicator: i.key, period: choice.period, asOf: choice.asOf, orgUnit }} />;
  };

  const columns: ColumnsType<Indicator> = isMobile
    ? [
        {
          title: '指标',
          key: 'name',
          render: (_, i) => (
            <div>
              <Link to={`/indicators/${i.key}?period=${encodeURIComponent(choice.period)}&asOf=${choice.asOf}`} style={{ fontWeight: 600 }}>
                {i.name}
              </Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.workLine ?? '未分条线'} · {SOURCE_TYPE_NAMES[i.source.type]}
                </Typography.Text>
              </div>
              {(canDefine || canTarget) && (
                <Space size={12} style={{ marginTop: 4 }}>
                  {canDefine && <a onClick={() => navigate(`/indicators/${i.key}/edit`)}>编辑</a>}
                  {canTarget && (
                    <a
                      onClick={() =>
                        navigate(`/indicators/${i.key}/targets?period=${targets ? choice.period : choice.asOf.slice(0, 4)}&asOf=${choice.asOf}`)
                      }
                    >
                      目标
                    </a>
                  )}
                </Space>
              )}
            </div>
          ),
        },
        {
          title: '数值',
          key: 'value',
          align: 'right',
          width: 130,
          render: (_, i) => (
            <div>
              {valueCell(i)}
              {targets && valueOf(values.data, i.key)?.completion != null && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    完成 {valueOf(values.data, i.key)!.completion!.toFixed(1)}%
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        },
      ]
    : [
        {
          title: '指标',
          key: 'name',
          render: (_, i) => (
            <div>
              <Link to={`/indicators/${i.key}?period=${encodeURIComponent(choice.period)}&asOf=${choice.asOf}`} style={{ fontWeight: 600 }}>
                {i.name}
              </Link>
              {i.builtin && <Tag style={{ marginInlineStart: 6 }}>内置</Tag>}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {sourceText(i)}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        { title: '条线', key: 'line', width: 110, render: (_, i) => i.workLine ?? '—' },
        {
          title: '来源',
          key: 'type',
          width: 130,
          render: (_, i) => (
            <Tag color={i.source.type === 'formula' ? 'purple' : i.source.type === 'items' ? 'cyan' : 'blue'}>{SOURCE_TYPE_NAMES[i.source.type]}</Tag>
          ),
        },
        { title: `数值（${choiceLabel(choice).replace(/（.*）$/, '')}）`, key: 'value', align: 'right', width: 170, render: (_, i) => valueCell(i) },
        {
          title: '目标完成',
          key: 'completion',
          width: 150,
          render: (_, i) => {
            if (!targets) return <Typography.Text type="secondary">相对期间无目标</Typography.Text>;
            const v = valueOf(values.data, i.key);
            return <CompletionBar completion={v?.completion} />;
          },
        },
        ...(canDefine || canTarget
          ? [
              {
                title: '操作',
                key: 'actions',
                width: 150,
                render: (_: unknown, i: Indicator) => (
                  <Space size={0}>
                    {canTarget && (
                      <Tooltip title="设置各村目标值">
                        <Button
                          type="link"
                          size="small"
                          icon={<AimOutlined />}
                          onClick={() =>
                            navigate(`/indicators/${i.key}/targets?period=${targets ? choice.period : choice.asOf.slice(0, 4)}&asOf=${choice.asOf}`)
                          }
                        >
                          目标
                        </Button>
                      </Tooltip>
                    )}
                    {canDefine && (
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={`编辑${i.name}`}
                        onClick={() => navigate(`/indicators/${i.key}/edit`)}
                      />
                    )}
                    {canDefine && (
                      <Button
                        type="link"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除${i.name}`}
                        onClick={() => confirmDelete(i)}
                      />
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ];

  return (
    <>
      <PageHeader
        title="指标"
        subTitle="指标由台账数据实时计算，点击数值可查看它由哪些数据算出"
        extra={
          canDefine && (
            <>
              <Button icon={<AppstoreAddOutlined />} onClick={() => setLibrary(true)}>
                内置指标库
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/indicators/new')}>
                新建指标
              </Button>
            </>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <PeriodPicker value={choice} onChange={setChoice} />
          <UnitSelect value={orgUnit} onChange={setOrgUnit} />
        </Flex>
        <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
          <Input.Search
            allowClear
            placeholder="搜索指标名称或台账"
            aria-label="搜索指标"
            style={{ width: isMobile ? '100%' : 260 }}
            onChange={(e) => setQ(e.target.value)}
            onSearch={setQ}
          />
          <Select
            allowClear
            placeholder="全部条线"
            aria-label="按条线筛选"
            value={line}
            onChange={setLine}
            style={{ width: isMobile ? 'calc(33% - 6px)' : 140 }}
            options={lines.map((l) => ({ value: l, label: l }))}
          />
          <Select
            allowClear
            placeholder="全部单位"
            aria-label="按计量单位筛选"
            value={unit}
            onChange={setUnit}
            style={{ width: isMobile ? 'calc(33% - 6px)' : 120 }}
            options={units.map((u) => ({ value: u, label: u }))}
          />
          <Select
            allowClear
            placeholder="全部来源"
            aria-label="按来源类型筛选"
            value={type}
            onChange={setType}
            style={{ width: isMobile ? 'calc(34% - 4px)' : 150 }}
            options={Object.entries(SOURCE_TYPE_NAMES).map(([value, label]) => ({ value, label }))}
          />
          {!isMobile && <Typography.Text type="secondary">共 {list.length} 个指标</Typography.Text>}
          <SheetExportButton
            fileName={`指标-${periodFileTag(choice.period)}.xlsx`}
            sheetName="指标"
            disabled={!list.length}
            columns={[
              { header: '指标', width: 28 },
              { header: '条线', width: 12 },
              { header: '来源', width: 40 },
              { header: `数值（${choiceLabel(choice)}）`, width: 22 },
              { header: '单位', width: 8 },
              { header: '目标', width: 14 },
              { header: '完成率(%)', width: 12 },
            ]}
            rows={exportRows}
          />
        </Flex>
      </Card>
      {values.error && <ApiErrorResult error={values.error} compact onRetry={() => values.refetch()} />}
      {all.length === 0 ? (
        <Card>
          <Empty description={canDefine ? '还没有指标：可从内置指标库安装常用指标，或新建指标' : '本镇还没有定义指标'}>
            {canDefine && (
              <Space>
                <Button onClick={() => setLibrary(true)}>打开内置指标库</Button>
                <Button type="primary" onClick={() => navigate('/indicators/new')}>
                  新建指标
                </Button>
              </Space>
            )}
          </Empty>
        </Card>
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<Indicator>
            rowKey="key"
            size="middle"
            columns={columns}
            dataSource={list}
            locale={{ emptyText: emptyText('没有找到匹配的指标') }}
            pagination={{
              current: page,
              pageSize,
              onChange: setPage,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 个指标`,
              size: 'small',
            }}
          />
        </Card>
      )}
      {canDefine && <IndicatorLibraryModal open={library} onClose={() => setLibrary(false)} />}
    </>
  );
}
