import { SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, InputNumber, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { formatValue, roundValue } from '../../../../core/indicators';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { formatPercent } from '../../../lib/format';
import { useIndicator } from '../api/get-indicators';
import { useIndicatorValues, valueOf } from '../api/get-values';
import { targetTemplatePath, useImportTargets, useSaveTargets, useTargets } from '../api/targets';
import type { TargetRow } from '../api/types';
import { CompletionBar } from '../components/CompletionBar';
import { choiceLabel, hasTargets, usePeriodChoice } from '../components/period-choice';
import { PeriodPicker } from '../components/PeriodPicker';
import { ValueText } from '../components/ValueText';

/** Targets of one indicator for one period: the township and each village, editable, with Excel in and out. */
export default function TargetsPage() {
  const { key = '' } = useParams();
  const me = useMe();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const canEdit = me.abilities.indicatorTarget;
  const indicator = useIndicator(key);
  const [choice, setChoice] = usePeriodChoice({ accept: hasTargets, remember: false });
  const targets = useTargets(key, choice.period);
  const township = useIndicatorValues({ keys: [key], periods: [choice.period], asOf: choice.asOf });
  const villages = useIndicatorValues({ keys: [key], periods: [choice.period], asOf: choice.asOf, by: 'village' });
  const save = useSaveTargets(key, choice.period);
  const upload = useImportTargets(key, choice.period);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  useEffect(() => setEdits({}), [choice.period, key]);

  if (indicator.isPending) return <PageLoading />;
  if (indicator.error) return <ApiErrorResult error={indicator.error} />;
  const format = indicator.data;
  const rows = targets.data?.items ?? [];
  const townCode = rows[0]?.orgUnit.code;
  const changed = Object.keys(edits).length;
  const valueAt = (code: string) => (code === townCode ? valueOf(township.data, key)?.value : valueOf(villages.data, key, code)?.value) ?? null;
  const targetAt = (r: TargetRow) => (r.orgUnit.code in edits ? edits[r.orgUnit.code] : r.value);
  const villageSum = rows.slice(1).reduce((s, r) => s + (targetAt(r) ?? 0), 0);

  const onSave = () =>
    save.mutate(
      Object.entries(edits).map(([orgUnit, value]) => ({ orgUnit, value })),
      {
        onSuccess: () => {
          setEdits({});
          message.success('目标值已保存');
        },
        onError: (e) => message.error(errorDetail(e)),
      },
    );
  const saveButtons = (
    <>
      {changed > 0 && <Button onClick={() => setEdits({})}>撤销修改</Button>}
      <Button type="primary" icon={<SaveOutlined />} disabled={!changed} loading={save.isPending} onClick={onSave}>
        保存目标值{changed ? `（${changed}）` : ''}
      </Button>
    </>
  );
  const importErrors = upload.error instanceof ApiError ? upload.error.errors : [];

  return (
    <>
      <PageHeader
        title={`目标值：${format.name}`}
        subTitle={`${choiceLabel(choice)} · 镇的目标不填时取各村目标之和`}
        extra={
          <>
            <ExportButton
              path={targetTemplatePath(key, choice.period)}
              fileName={`${format.name}-目标值-${choice.period}.xlsx`}
              label={canEdit ? '导出Excel（导入模板）' : '导出Excel'}
            />
            {canEdit && changed > 0 && saveButtons}
            {canEdit && (
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate(file, {
                    onSuccess: () => {
                      setEdits({});
                      message.success('已导入目标值');
                    },
                  });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  导入Excel
                </Button>
              </Upload>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <PeriodPicker
          value={choice}
          onChange={(c) => {
            if (!changed || window.confirm('有未保存的目标值，切换期间将丢弃修改，继续吗？')) setChoice(c);
          }}
          kinds={['month', 'quarter', 'half', 'year', 'week', 'day']}
          noLastYear
        />
      </Card>
      {upload.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorDetail(upload.error)}
          closable
          onClose={() => upload.reset()}
          description={
            importErrors.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {importErrors.slice(0, 50).map((e, i) => (
                  <li key={i}>
                    {e.row ? `第 ${e.row} 行${e.field ? ` ${e.field}` : ''}：` : e.field ? `${e.field}：` : ''}
                    {e.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {targets.error ? (
        <ApiErrorResult error={targets.error} onRetry={() => targets.refetch()} compact />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<TargetRow>
            rowKey={(r) => r.orgUnit.code}
            size="middle"
            loading={targets.isPending}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: emptyText('没有可设目标的单位') }}
            onRow={(_, i) => ({ style: i === 0 ? { background: '#f0f5ff' } : undefined })}
            columns={[
              {
                title: '单位',
                key: 'unit',
                width: isMobile ? 92 : 180,
                render: (_, r, i) => <Typography.Text strong={i === 0}>{r.orgUnit.name}</Typography.Text>,
              },
              {
                title: `目标${isMobile ? '' : '值'}${format.unit ? `（${format.scale === 'wan' ? '万' : format.scale === 'yi' ? '亿' : ''}${format.unit}）` : ''}`,
                key: 'target',
                width: isMobile ? 120 : 170,
                render: (_, r, i) => {
                  const t = targetAt(r);
                  const divisor = format.scale === 'wan' ? 1e4 : format.scale === 'yi' ? 1e8 : 1;
                  if (!canEdit) return formatValue(t, format);
                  return (
                    <InputNumber
                      aria-label={`${r.orgUnit.name}目标值`}
                      min={0}
                      value={t === null ? null : roundValue(t, format)! / divisor}
                      placeholder={i === 0 && villageSum ? `各村合计 ${formatValue(villageSum, format)}` : '未设'}
                      style={{ width: '100%', background: r.orgUnit.code in edits ? '#fffbe6' : undefined }}
                      onChange={(v) => setEdits({ ...edits, [r.orgUnit.code]: v === null ? null : Number(v) * divisor })}
                    />
                  );
                },
              },
              {
                title: '当前值',
                key: 'value',
                align: 'right',
                width: isMobile ? undefined : 140,
                render: (_, r, i) => {
                  const t = targetAt(r) ?? (i === 0 && villageSum ? villageSum : null);
                  const v = valueAt(r.orgUnit.code);
                  return (
                    <>
                      <ValueText
                        value={v}
                        format={format}
                        explain={{ indicator: key, period: choice.period, asOf: choice.asOf, orgUnit: r.orgUnit.code }}
                      />
                      {isMobile && t && v !== null && (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            完成 {formatPercent((v / t) * 100)}
                          </Typography.Text>
                        </div>
                      )}
                    </>
                  );
                },
              },
              ...(isMobile
                ? []
                : [
                    {
                      title: '完成率',
                      key: 'completion',
                      width: 150,
                      render: (_: unknown, r: TargetRow, i: number) => {
                        const t = targetAt(r) ?? (i === 0 && villageSum ? villageSum : null);
                        const v = valueAt(r.orgUnit.code);
                        return <CompletionBar completion={t && v !== null ? (v / t) * 100 : null} />;
                      },
                    },
                  ]),
            ]}
          />
        </Card>
      )}
      {canEdit && (
        <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
          {saveButtons}
        </Flex>
      )}
    </>
  );
}
