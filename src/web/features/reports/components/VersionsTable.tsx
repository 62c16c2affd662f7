// 已存版本: the saved versions, filtered by template, period and unit; a row opens the version.
import { Card, Flex, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { parsePeriod, periodLabel } from '../../../../core/periods';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { useIsMobile } from '../../../components/use-is-mobile';
import { formatDateTime } from '../../../lib/format';
import { useDefaultAsOf } from '../../indicators/components/period-choice';
import { useReportTemplates } from '../api/templates';
import type { VersionSummary } from '../api/types';
import { useReportVersions } from '../api/versions';
import { useDefaultReportUnit, VersionUnitFilter } from './ReportUnitSelect';

/** The periods a report is usually written for, this year and last: 年, 半年, 季度, 月. */
function periodOptions(asOf: string) {
  const year = Number(asOf.slice(0, 4));
  return [year, year - 1].map((y) => {
    const ids = [
      `${y}`,
      `${y}S1`,
      `${y}S2`,
      ...[1, 2, 3, 4].map((q) => `${y}Q${q}`),
      ...Array.from({ length: 12 }, (_, m) => `${y}${String(m + 1).padStart(2, '0')}`),
    ];
    return { label: `${y}年`, options: ids.map((id) => ({ value: id, label: periodLabel(parsePeriod(id)!) })) };
  });
}

export function VersionStatus({ version }: { version: Pick<VersionSummary, 'final'> }) {
  return version.final ? <Tag color="green">定稿</Tag> : <Tag>草稿</Tag>;
}

export function VersionsTable() {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const asOf = useDefaultAsOf();
  const templates = useReportTemplates();
  const [template, setTemplate] = useState<string>();
  const [period, setPeriod] = useState<string>();
  const [unit, setUnit] = useState<string | undefined>(useDefaultReportUnit());
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const versions = useReportVersions({ template, period, orgUnit: unit, page, pageSize });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const columns: ColumnsType<VersionSummary> = [
    { title: '报告', key: 'template', render: (_, v) => <Link to={`/reports/versions/${v.id}`}>{v.templateName}</Link> },
    { title: '单位', key: 'unit', render: (_, v) => v.orgUnit.name },
    { title: '报告期', key: 'period', render: (_, v) => v.periodLabel },
    { title: '截止日期', dataIndex: 'asOf', key: 'asOf' },
    { title: '版本', key: 'number', align: 'center', render: (_, v) => `第${v.number}版` },
    { title: '状态', key: 'final', align: 'center', render: (_, v) => <VersionStatus version={v} /> },
    { title: '生成人', key: 'by', render: (_, v) => v.createdBy ?? '—' },
    { title: '生成时间', key: 'at', render: (_, v) => formatDateTime(v.createdAt) },
    { title: '备注', dataIndex: 'note', key: 'note', ellipsis: true, render: (note: string) => note || '—' },
  ];

  return (
    <Card size="small">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="按模板筛选"
          allowClear
          placeholder="全部模板"
          value={template}
          onChange={filter(setTemplate)}
          style={{ width: isMobile ? '100%' : 200 }}
          options={(templates.data?.items ?? []).map((t) => ({ value: t.key, label: t.name }))}
        />
        <Select
          aria-label="按报告期筛选"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部报告期"
          value={period}
          onChange={filter(setPeriod)}
          style={{ width: isMobile ? '100%' : 180 }}
          options={periodOptions(asOf)}
        />
        <VersionUnitFilter value={unit} onChange={filter(setUnit)} />
      </Flex>
      {versions.error ? (
        <ApiErrorResult error={versions.error} onRetry={() => versions.refetch()} compact />
      ) : (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={versions.data?.items}
          loading={versions.isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(v) => ({
            onClick: (e) => !(e.target as HTMLElement).closest('a') && void navigate(`/reports/versions/${v.id}`),
            style: { cursor: 'pointer' },
          })}
          locale={{ emptyText: emptyText('还没有保存的版本：生成报告后点击“保存为版本”') }}
          pagination={{
            current: page,
            pageSize,
            total: versions.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 个版本`,
            size: isMobile ? 'small' : undefined,
          }}
        />
      )}
    </Card>
  );
}
