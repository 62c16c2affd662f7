import { Alert, App, Form, Modal, Select } from 'antd';
import { errorDetail } from '../../../lib/api-client';
import { useOrgChildren } from '../../org/api/get-org-children';
import { useTownship } from '../../org/api/use-township';
import { useSetCadreVillages } from '../api/set-cadre-villages';
import type { CadreGroup } from '../api/types';

/** Chooses the villages a small group covers (包村), from the township's villages. */
export function VillagesModal({ group, onClose }: { group: CadreGroup | null; onClose: () => void }) {
  const township = useTownship();
  const [form] = Form.useForm<{ villageCodes: string[] }>();
  const { message } = App.useApp();
  const villages = useOrgChildren(township.code ?? null, {}, !!group && !!township.code);
  const save = useSetCadreVillages();

  const onOk = async () => {
    if (!group) return;
    const { villageCodes = [] } = await form.validateFields();
    save.mutate(
      { id: group.id, villageCodes },
      {
        onSuccess: () => {
          message.success('包村已保存');
          onClose();
        },
      },
    );
  };

  const options = (villages.data?.items ?? []).filter((u) => u.level === 'village').map((u) => ({ value: u.code, label: u.name }));

  return (
    <Modal
      title={group ? `“${group.name}”包村` : ''}
      open={!!group}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(open) => !open && save.reset()}
    >
      {(save.error || villages.error) && (
        <Alert type="error" showIcon title={errorDetail(save.error ?? villages.error)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ villageCodes: (group?.villages ?? []).map((v) => v.code) }}>
        <Form.Item name="villageCodes" label="包联村（社区）">
          <Select mode="multiple" options={options} loading={villages.isPending} placeholder="请选择村（社区）" optionFilterProp="label" allowClear />
        </Form.Item>
      </Form>
    </Modal>
  );
}
