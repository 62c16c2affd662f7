import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RecordValues } from '../../../../core/ledger-fields';
import { stateLabel, transitionsFrom, type Transition } from '../../../../core/ledger-workflow';
import { useMe } from '../../../app/auth';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { getRecord } from '../api/get-records';
import { useCreateRecord, useDeleteRecord, useUpdateRecord } from '../api/save-record';
import type { Ledger, LedgerRecord } from '../api/types';
import { ConflictPanel } from './ConflictPanel';
import { RecordForm } from './RecordForm';
import { RecordHistory } from './RecordHistory';
import { TransitionModal } from './TransitionModal';
import { checkValues, patchValues, serverFieldErrors } from './record-values';

export type DrawerTarget = { kind: 'new' } | { kind: 'edit'; record: LedgerRecord };

/** The unit a new record defaults to: the user's own village or group, when he has exactly one. */
function defaultUnit(me: ReturnType<typeof useMe>) {
  const units = me.roles.map((r) => r.orgUnit).filter((u) => u && u.code !== me.township?.code);
  return units.length === 1 ? units[0]! : undefined;
}

/** Creates or edits one record: the generated form, its history, workflow actions and delete. */
export function RecordDrawer({ ledger, target, onClose }: { ledger: Ledger; target: DrawerTarget; onClose: () => void }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const initialUnit = target.kind === 'new' ? defaultUnit(me) : undefined;
  const [record, setRecord] = useState<LedgerRecord | null>(target.kind === 'edit' ? target.record : null);
  const [values, setValues] = useState<RecordValues>(target.kind === 'edit' ? target.record.values : {});
  const [orgUnit, setOrgUnit] = useState<string | undefined>(initialUnit?.code);
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<LedgerRecord | null>(null);
  const [transition, setTransition] = useState<Transition | null>(null);
  const create = useCreateRecord(ledger.key);
  const update = useUpdateRecord(ledger.key);
  const remove = useDeleteRecord(ledger.key);
  const writable = me.abilities.ledgerWrite && !record?.deletedAt && !record?.masked;
  const fields = ledger.fields;
  const local = checkValues(fields, values);
  const errors = { ...(showErrors ? local.errors : {}), ...serverErrors };
  if (showErrors && !orgUnit && !record) errors.__orgUnit = '请选择所属单位';

  const onFailed = (error: unknown) => {
    if (error instanceof ApiError && error.errors.length) {
      setServerErrors(serverFieldErrors(error.errors));
      const other = error.errors.filter((e) => !e.field.startsWith('values.'));
      setFailure(other.length ? other.map((e) => e.message).join('；') : error.detail);
    } else setFailure(errorDetail(error));
  };

  const save = (base: LedgerRecord | null) => {
    setShowErrors(true);
    setServerErrors({});
    setFailure(null);
    if (Object.keys(local.errors).length || (!base && !orgUnit)) {
      message.error('请按提示修改后再保存');
      return;
    }
    if (!base) {
      create.mutate(
        { orgUnit: orgUnit!, values: local.values },
        {
          onSuccess: () => {
            message.success('已保存');
            onClose();
          },
          onError: onFailed,
        },
      );
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, values: patchValues(fields, local.values, base.values) },
      {
        onSuccess: (saved) => {
          message.success('已保存');
          setConflict(null);
          setRecord(saved as LedgerRecord);
          onClose();
        },
        onError: async (error) => {
          // a stale version names no field; a unique value held by another record does
          if (error instanceof ApiError && error.status === 409 && error.errors.length === 0) {
            try {
              setConflict(await getRecord(ledger.key, base.id));
            } catch (reload) {
              setFailure(errorDetail(reload));
            }
          } else onFailed(error);
        },
      },
    );
  };

  const transitions = ledger.workflow && record && writable ? transitionsFrom(ledger.workflow, record.status ?? ledger.workflow.initial) : [];
  const saving = create.isPending || update.isPending;

  const form = (
    <>
      {conflict && (
        <ConflictPanel
          fields={fields}
          mine={local.values}
          current={conflict}
          saving={update.isPending}
          onTakeTheirs={() => {
            setValues(conflict.values);
            setRecord(conflict);
            setConflict(null);
            setServerErrors({});
          }}
          onOverwrite={() => {
            setRecord(conflict);
            save(conflict);
          }}
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {record?.masked && <Alert type="info" showIcon title="身份证号码、手机号码已按您的权限隐去部分数字" style={{ marginBottom: 16 }} />}
      {record ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'unit', label: '所属单位', children: record.orgUnit.name },
            ...(record.period ? [{ key: 'period', label: '期间', children: record.period }] : []),
            { key: 'updated', label: '最后保存', children: `${record.updatedBy ?? '—'} · ${formatDateTime(record.updatedAt)}` },
          ]}
        />
      ) : (
        <Form layout="vertical" component="div">
          <Form.Item
            label="所属单位"
            required
            htmlFor="record-org-unit"
            validateStatus={errors.__orgUnit ? 'error' : undefined}
            help={errors.__orgUnit}
            extra="可输入村名或拼音首字母，如 ytc"
          >
            <OrgUnitSelect aria-label="所属单位" value={orgUnit} initialLabel={initialUnit?.name} onChange={setOrgUnit} style={{ height: 40 }} />
          </Form.Item>
        </Form>
      )}
      <RecordForm
        fields={fields}
        values={values}
        errors={errors}
        disabled={!writable && !!record}
        onChange={(next) => {
          setValues(next);
          setServerErrors({});
        }}
      />
    </>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 600}
      title={record ? `${ledger.name} · 记录 ${record.id}` : `新增${ledger.name}记录`}
      destroyOnHidden
      extra={record && ledger.workflow ? <Tag color="blue">{stateLabel(ledger.workflow, record.status ?? ledger.workflow.initial)}</Tag> : undefined}
      footer={
        <Flex justify="space-between" gap={8} wrap>
          <Space wrap>
            {record && writable && (
              <Popconfirm
                title="删除这条记录？"
                description="删除后可由镇领导恢复"
                okText="删除"
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutate(record.id, {
                    onSuccess: () => {
                      message.success('已删除');
                      onClose();
                    },
                    onError: (e) => message.error(errorDetail(e)),
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />} size={isMobile ? 'large' : 'middle'}>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
          <Space wrap style={isMobile ? { flex: 1, justifyContent: 'flex-end' } : undefined}>
            <Button onClick={onClose} size={isMobile ? 'large' : 'middle'}>
              {writable || !record ? '取消' : '关闭'}
            </Button>
            {(writable || !record) && (
              <Button
                type="primary"
                loading={saving}
                onClick={() => save(record)}
                size={isMobile ? 'large' : 'middle'}
                style={isMobile ? { minWidth: 120 } : undefined}
              >
                保存
              </Button>
            )}
          </Space>
        </Flex>
      }
    >
      {transitions.length > 0 && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">办理：</Typography.Text>
          {transitions.map((t) => (
            <Button key={t.to} onClick={() => setTransition(t)} size={isMobile ? 'large' : 'middle'}>
              {t.label}
              {t.requirePhoto ? '（需照片）' : t.requireNote ? '（需说明）' : ''}
            </Button>
          ))}
        </Flex>
      )}
      {record ? (
        <Tabs
          items={[
            { key: 'form', label: '内容', children: form },
            {
              key: 'history',
              label: '修改历史',
              children: <RecordHistory ledgerKey={ledger.key} recordId={record.id} fields={fields} workflow={ledger.workflow} />,
            },
          ]}
        />
      ) : (
        form
      )}
      {record && ledger.workflow && transition && (
        <TransitionModal
          ledgerKey={ledger.key}
          workflow={ledger.workflow}
          record={record}
          transition={transition}
          onClose={() => setTransition(null)}
          onDone={(next) => {
            message.success(`已${transition.label}`);
            setTransition(null);
            setRecord(next);
            setValues(next.values);
          }}
        />
      )}
    </Drawer>
  );
}
