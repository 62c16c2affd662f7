import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday } from '../../../../core/china-time';
import { errorDetail } from '../../../lib/api-client';
import { useCloseOrgUnit } from '../api/close-org-unit';
import type { OrgUnit } from '../api/types';

export function CloseModal({ unit, open, onClose }: { unit: OrgUnit; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ date: Dayjs }>();
  const { message } = App.useApp();
  const close = useCloseOrgUnit();

  const onOk = async () => {
    const { date } = await form.validateFields();
    close.mutate(
      { code: unit.code, date: date.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          message.success(`“${unit.name}”已撤销`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={`撤销“${unit.name}”`}
      open={open}
      onOk={onOk}
      onCancel={onClose}
      okText="确认撤销"
      okButtonProps={{ danger: true }}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>撤销后该单位自所选日期起不再有效，历史数据仍可按日期查看。此操作会记入审计日志。</Typography.Paragraph>
      {close.error && <Alert type="error" showIcon title={errorDetail(close.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(chinaToday()) }} preserve={false}>
        <Form.Item name="date" label="撤销日期" rules={[{ required: true, message: '请选择撤销日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
