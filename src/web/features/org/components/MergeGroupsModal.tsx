import { Alert, App, Checkbox, DatePicker, Empty, Form, Input, Modal, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday } from '../../../../core/china-time';
import { errorDetail } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/form-errors';
import { useOrgChildren } from '../api/get-org-children';
import { useMergeGroups } from '../api/merge-groups';
import type { OrgUnit } from '../api/types';

interface Values {
  groupCodes: string[];
  name: string;
  date: Dayjs;
}

/** 合组: several villager groups of one village become one new group; the old ones are closed. */
export function MergeGroupsModal({ village, open, onClose }: { village: OrgUnit; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const groups = useOrgChildren(village.code, {}, open);
  const merge = useMergeGroups();

  const onOk = async () => {
    const values = await form.validateFields();
    merge.mutate(
      { groupCodes: values.groupCodes, name: values.name.trim(), date: values.date.format('YYYY-MM-DD') },
      {
        onSuccess: (created) => {
          message.success(`已合并为“${created.name}”`);
          onClose();
        },
        onError: (error) => applyServerErrors(form, error, ['groupCodes', 'name', 'date']),
      },
    );
  };

  const options = (groups.data?.items ?? []).filter((g) => g.level === 'group').map((g) => ({ value: g.code, label: g.name }));

  return (
    <Modal
      title={`合并“${village.name}”的村民小组`}
      open={open}
      onOk={onOk}
      onCancel={onClose}
      okText="合并"
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      {merge.error && <Alert type="error" showIcon title={errorDetail(merge.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(chinaToday()), groupCodes: [] }} preserve={false}>
        <Form.Item
          name="groupCodes"
          label="选择要合并的小组（至少两个）"
          rules={[{ validator: (_, v: string[]) => (v?.length >= 2 ? Promise.resolve() : Promise.reject(new Error('请至少选择两个小组'))) }]}
        >
          {groups.isPending ? (
            <Spin />
          ) : options.length ? (
            <Checkbox.Group options={options} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 8 }} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该村没有可合并的小组" />
          )}
        </Form.Item>
        <Form.Item name="name" label="合并后的小组名称" rules={[{ required: true, whitespace: true, message: '请输入新小组名称' }]}>
          <Input maxLength={30} placeholder="例如：新一组" />
        </Form.Item>
        <Form.Item name="date" label="合并日期" rules={[{ required: true, message: '请选择合并日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
