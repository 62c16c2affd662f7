import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorDetail } from '../../../lib/api-client';
import { useRequestDelay } from '../api/request-delay';
import type { TaskDetail } from '../api/types';
import { applyNestedErrors } from './server-errors';

interface FormValues {
  nodeId: number;
  requestedDue: Dayjs;
  reason: string;
}

/** 申请延期: one open node, the new date, and why; the assigner decides. */
export function DelayRequestModal({ task, open, onClose }: { task: TaskDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const request = useRequestDelay(task.id);
  const [alert, setAlert] = useState<string | null>(null);
  const pending = new Set(task.delays.filter((d) => d.state === 'pending').map((d) => d.nodeId));
  const openNodes = task.nodes.filter((n) => !n.doneOn && !pending.has(n.id));
  const nodeId = Form.useWatch('nodeId', form);
  const node = task.nodes.find((n) => n.id === nodeId);

  const submit = async () => {
    // an invalid form shows its messages under the fields; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setAlert(null);
    request.mutate(
      { nodeId: v.nodeId, requestedDue: v.requestedDue.format('YYYY-MM-DD'), reason: v.reason },
      {
        onSuccess: () => {
          message.success('延期申请已提交，等待交办人审批');
          onClose();
        },
        onError: (error) => {
          if (!applyNestedErrors(form, error, ['nodeId', 'requestedDue', 'reason'])) setAlert(errorDetail(error));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title="申请延期"
      okText="提交申请"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={request.isPending}
      destroyOnHidden
      afterOpenChange={(o) => !o && setAlert(null)}
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      {openNodes.length === 0 ? (
        <Alert type="info" showIcon title="没有可以申请延期的节点（已完成或已有待审批的申请）" />
      ) : (
        <Form<FormValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ nodeId: openNodes.length === 1 ? openNodes[0].id : undefined }}
        >
          <Form.Item name="nodeId" label="延期的节点" rules={[{ required: true, message: '请选择节点' }]}>
            <Select options={openNodes.map((n) => ({ value: n.id, label: `${n.title}（时限 ${n.due}）` }))} placeholder="选择节点" />
          </Form.Item>
          <Form.Item name="requestedDue" label="申请延期至" rules={[{ required: true, message: '请选择新的时限' }]}>
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={(d) => d.isBefore(dayjs(node?.due ?? task.today).add(1, 'day'), 'day')}
            />
          </Form.Item>
          <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder="如：雨季，部分农户外出" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
