// 对比: a version's figures against today's data or another version of the same template, unit and period.
import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Flex, List, Row, Select, Typography } from 'antd';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import type { VersionSummary } from '../api/types';
import { useReportVersions, useVersionComparison } from '../api/versions';
import { ReportSheet, scrollToFigure } from './ReportSheet';

type Other = number | 'today' | undefined;

/** 第2版（2022-06-30） already names its day; 当前数据 gets （截至…）. */
const withAsOf = (side: { label: string; asOf: string }) => (side.label.includes(side.asOf) ? side.label : `${side.label}（截至${side.asOf}）`);

export function CompareSelect({ version, value, onChange }: { version: VersionSummary; value: Other; onChange: (v: Other) => void }) {
  const isMobile = useIsMobile();
  const siblings = useReportVersions({
    template: version.templateKey,
    period: version.period,
    orgUnit: version.orgUnit.code,
    page: 1,
    pageSize: 100,
  });
  const others = (siblings.data?.items ?? []).filter((s) => s.id !== version.id && s.orgUnit.code === version.orgUnit.code);
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Text>对比：</Typography.Text>
      <Select<string>
        aria-label="对比对象"
        value={value === undefined ? 'none' : String(value)}
        style={{ width: isMobile ? '100%' : 300 }}
        loading={siblings.isPending}
        onChange={(v) => onChange(v === 'none' ? undefined : v === 'today' ? 'today' : Number(v))}
        options={[
          { value: 'none', label: '不对比（显示本版全文）' },
          { value: 'today', label: '与当前数据对比' },
          ...others.map((s) => ({ value: String(s.id), label: `与第${s.number}版对比（截至${s.asOf}${s.final ? '，定稿' : ''}）` })),
        ]}
      />
      {value !== undefined && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          左为本版（第{version.number}版），右为对比对象；变化的数据在报告中以黄色标出。
        </Typography.Text>
      )}
    </Flex>
  );
}

export function VersionComparisonView({ id, other }: { id: number; other: number | 'today' }) {
  const comparison = useVersionComparison(id, other);
  if (comparison.isPending) return <PageLoading tip="正在对比…" />;
  if (comparison.error) return <ApiErrorResult error={comparison.error} onRetry={() => comparison.refetch()} />;
  const c = comparison.data;
  const changed = new Set(c.changes.map((x) => x.index).filter((i) => i >= 0));
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={{ span: 7, order: 2 }}>
        <Card
          size="small"
          title={`变化的数据（${c.changes.length} / ${c.figures}）`}
          styles={{ body: { padding: c.changes.length ? 0 : 12, maxHeight: 560, overflowY: 'auto' } }}
        >
          {c.changes.length === 0 ? (
            emptyText(`${c.left.label}与${c.right.label}的数据完全一致`)
          ) : (
            <List
              size="small"
              dataSource={c.changes}
              renderItem={(x, i) => (
                <List.Item
                  key={i}
                  style={{ display: 'block', cursor: x.index >= 0 ? 'pointer' : undefined }}
                  onClick={x.index >= 0 ? () => scrollToFigure(x.index) : undefined}
                >
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {x.context ? `…${x.context}` : x.placeholder}
                  </Typography.Text>
                  <div>
                    <Typography.Text delete type="secondary">
                      {x.before}
                    </Typography.Text>
                    <ArrowRightOutlined style={{ margin: '0 6px', color: '#faad14' }} />
                    <Typography.Text strong>{x.after}</Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          )}
          <div style={{ padding: '8px 12px', fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
            原值：{withAsOf(c.left)}；新值：{withAsOf(c.right)}
          </div>
        </Card>
      </Col>
      <Col xs={24} xl={{ span: 17, order: 1 }}>
        <ReportSheet document={c.document} asOf={c.right.asOf} highlight={changed} />
      </Col>
    </Row>
  );
}
