import { App, Alert, Button, Drawer, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { applyServerErrors } from '../../../lib/form-errors';
import { errorDetail } from '../../../lib/api-client';
import { useReportProfile, useSaveReportProfile } from '../api/profile';
import type { ProfileBody } from '../api/types';

/** 乡镇概况: the township facts that templates quote ({{township short}} …), editable by report definers. */
export function ProfileDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const profile = useReportProfile(open);
  const save = useSaveReportProfile();
  const [form] = Form.useForm<ProfileBody>();
  const editable = !!profile.data?.mayEdit;

  useEffect(() => {
    if (open && profile.data) form.setFieldsValue(profile.data);
  }, [open, profile.data, form]);

  const submit = async (values: ProfileBody) => {
    try {
      await save.mutateAsync(values);
      message.success('乡镇概况已保存');
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, ['short', 'goal', 'motto', 'campaign'])) message.error(errorDetail(error));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="乡镇概况"
      size={isMobile ? '100%' : 480}
      destroyOnHidden
      extra={
        editable && (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              保存
            </Button>
          </Space>
        )
      }
    >
      {profile.error ? (
        <ApiErrorResult error={profile.error} onRetry={() => profile.refetch()} compact />
      ) : !profile.data ? (
        <PageLoading />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="报告模板中的 {{township short}}、{{township goal}} 等取自这里"
            description={editable ? undefined : '只有镇领导和线长可以修改乡镇概况。'}
          />
          <Form form={form} layout="vertical" onFinish={submit} disabled={!editable}>
            <Form.Item label="乡镇全称">
              <Input value={profile.data.name} disabled />
            </Form.Item>
            <Form.Item name="short" label="简称" extra="如“川山坪”，报告中写作“川山坪镇”之前的部分">
              <Input maxLength={20} allowClear />
            </Form.Item>
            <Form.Item name="goal" label="工作目标">
              <Input maxLength={60} allowClear />
            </Form.Item>
            <Form.Item name="motto" label="工作总方针">
              <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
            <Form.Item name="campaign" label="市委行动名称">
              <Input maxLength={40} allowClear />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
