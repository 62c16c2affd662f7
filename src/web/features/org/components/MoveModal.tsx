import { Alert, App, Form, Modal } from 'antd';
import { errorDetail } from '../../../lib/api-client';
import { useMoveOrgUnit } from '../api/move-org-unit';
import type { OrgUnit } from '../api/types';
import { OrgUnitSelect } from './OrgUnitSelect';

const PARENT_LEVEL: Record<string, string> = { village: 'town', group: 'village', grid: 'group', town: 'county' };

export function MoveModal({ unit, open, onClose }: { unit: OrgUnit; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ parentCode: string }>();
  const { message } = App.useApp();
  const move = useMoveOrgUnit();
  const parentLevel = PARENT_LEVEL[unit.level];

  const onOk = async () => {
    const { parentCode } = await form.validateFields();
    move.mutate(
      { code: unit.code, parentCode },
      {
        onSuccess: () => {
          message.success('已移动');
          onClose();
        },
      },
    );
  };

  return (
    <Modal title={`移动“${unit.name}”`} open={open} onOk={onOk} onCancel={onClose} okText="移动" confirmLoading={move.isPending} destroyOnHidden>
      {move.error && <Alert type="error" showIcon title={errorDetail(move.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="parentCode"
          label="新的上级单位"
          rules={[{ required: true, message: '请选择新的上级单位' }]}
          extra="移动后，该单位及其下级的历史数据仍保留在原单位名下可查"
        >
          <OrgUnitSelect levels={parentLevel ? [parentLevel] : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
