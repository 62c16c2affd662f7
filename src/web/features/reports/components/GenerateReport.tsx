// The 生成报告 tab: template, period, as-of date and unit → the preview, its files and 保存为版本.
import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { periodOf } from '../../../../core/periods';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { PeriodPicker } from '../../indicators/components/PeriodPicker';
import { useDefaultAsOf, type PeriodChoice } from '../../indicators/components/period-choice';
import { useRenderedReport, type RenderRequest } from '../api/render-report';
import { useReportTemplates } from '../api/templates';
import { ReportExportButtons } from './ReportExportButtons';
import { ReportSheet } from './ReportSheet';
import { ReportUnitSelect, useDefaultReportUnit } from './ReportUnitSelect';
import { ReportWarnings } from './ReportWarnings';
import { SaveVersionButton } from './SaveVersionButton';
import { TemplatesCard } from './TemplatesCard';

export const DEFAULT_TEMPLATE = 'half-year';

/** The report asked for, kept in the address so a refresh or a link shows the same report. */
function useRequestInAddress(): [RenderRequest | undefined, (r: RenderRequest) => void] {
  const [search, setSearch] = useSearchParams();
  const template = search.get('template');
  const period = search.get('period');
  const request =
    template && period ? { template, period, asOf: search.get('asOf') ?? undefined, orgUnit: search.get('unit') ?? undefined } : undefined;
  const set = (r: RenderRequest) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('template', r.template);
        next.set('period', r.period);
        if (r.asOf) next.set('asOf', r.asOf);
        else next.delete('asOf');
        if (r.orgUnit) next.set('unit', r.orgUnit);
        else next.delete('unit');
        return next;
      },
      { replace: true },
    );
  return [request, set];
}

export function GenerateReport() {
  const me = useMe();
  const isMobile = useIsMobile();
  const defaultAsOf = useDefaultAsOf();
  const defaultUnit = useDefaultReportUnit();
  const templates = useReportTemplates();
  const [request, setRequest] = useRequestInAddress();
  const [template, setTemplate] = useState<string | undefined>(request?.template);
  const [choice, setChoice] = useState<PeriodChoice>({
    period: request?.period ?? periodOf('half', request?.asOf ?? defaultAsOf).id,
    asOf: request?.asOf ?? defaultAsOf,
  });
  const [unit, setUnit] = useState<string | undefined>(request ? request.orgUnit : defaultUnit);
  const report = useRenderedReport(request);

  if (templates.isPending) return <PageLoading />;
  if (templates.error) return <ApiErrorResult error={templates.error} onRetry={() => templates.refetch()} />;
  const items = templates.data.items;
  const chosen = template ?? (items.find((t) => t.key === DEFAULT_TEMPLATE) ?? items[0])?.key;
  const next: RenderRequest | undefined = chosen ? { template: chosen, period: choice.period, asOf: choice.asOf, orgUnit: unit } : undefined;
  const changed = !!request && !!next && JSON.stringify(next) !== JSON.stringify(request);
  const shown = report.data;

  const sidebar = (
    <Flex vertical gap={12}>
      {shown && <ReportWarnings warnings={shown.document.warnings} />}
      <TemplatesCard templates={items} mayEdit={templates.data.mayEdit} current={chosen} />
    </Flex>
  );

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Select
            aria-label="报告模板"
            placeholder="选择模板"
            value={chosen}
            style={{ width: isMobile ? '100%' : 220 }}
            onChange={setTemplate}
            options={items.map((t) => ({ value: t.key, label: t.name }))}
            notFoundContent="还没有报告模板"
          />
          <PeriodPicker value={choice} onChange={setChoice} kinds={['month', 'quarter', 'half', 'year']} noLastYear />
          <ReportUnitSelect value={unit} onChange={setUnit} />
          <Button type="primary" icon={<FileSearchOutlined />} disabled={!next} loading={report.isFetching} onClick={() => next && setRequest(next)}>
            生成报告
          </Button>
        </Flex>
        {changed && (
          <Typography.Text type="warning" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            条件已更改，点击“生成报告”更新预览。
          </Typography.Text>
        )}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={18}>
          {!request ? (
            <Card>
              <Empty
                description={items.length ? '选择模板、报告期和单位后，点击“生成报告”预览全文' : '还没有报告模板，请先新建模板或从旧报告生成模板'}
              />
            </Card>
          ) : report.error ? (
            <Card>
              <ApiErrorResult error={report.error} onRetry={() => report.refetch()} />
            </Card>
          ) : !shown ? (
            <Card>
              <PageLoading tip="正在取数生成报告…" />
            </Card>
          ) : (
            <Card
              size="small"
              title={
                <span style={{ whiteSpace: 'normal' }}>
                  {shown.template.name} · {shown.orgUnit.name} · {shown.period.label}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8, fontSize: 12 }}>
                    截至 {shown.asOf}
                  </Typography.Text>
                </span>
              }
              styles={{ body: { padding: isMobile ? 0 : 12 } }}
            >
              <Space wrap style={{ marginBottom: 12, padding: isMobile ? '12px 12px 0' : 0 }}>
                <ReportExportButtons
                  request={{ method: 'POST', path: '/api/reports/render', body: { ...request } }}
                  document={shown.document}
                  fileName={`${shown.template.name}-${shown.orgUnit.name}-${shown.period.label}`}
                  disabled={report.isFetching}
                />
                {me.abilities.reportGenerate && <SaveVersionButton request={request} disabled={report.isFetching} />}
              </Space>
              {shown.document.warnings.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12, marginInline: isMobile ? 12 : 0 }}
                  title={`有 ${shown.document.warnings.length} 处数据缺失，报告中显示为“—”（橙色），请核对后再导出`}
                />
              )}
              <div style={{ opacity: report.isFetching ? 0.6 : 1 }}>
                <ReportSheet document={shown.document} asOf={shown.asOf} />
              </div>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 12px 4px' }}>
                蓝色虚线下划线的是从台账和指标取来的数据，点击可查看它怎么来的。
              </Typography.Paragraph>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={6}>
          {sidebar}
        </Col>
      </Row>
    </>
  );
}
