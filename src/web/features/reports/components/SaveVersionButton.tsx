import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorDetail } from '../../../lib/api-client';
import type { RenderRequest } from '../api/render-report';
import { useSaveVersion } from '../api/versions';

/** 保存为版本: keeps the report as rendered now (figures and sources), with an optional note, then opens it. */
export function SaveVersionButton({ request, disabled }: { request: RenderRequest; disabled?: boolean }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const save = useSaveVersion();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const submit = async () => {
    try {
      const version = await save.mutateAsync({ ...request, note: note.trim() || undefined });
      message.success(`已保存为第${version.number}版`);
      setOpen(false);
      setNote('');
      void navigate(`/reports/versions/${version.id}`);
    } catch (error) {
      message.error(errorDetail(error));
    }
  };
  return (
    <>
      <Button icon={<SaveOutlined />} disabled={disabled} onClick={() => setOpen(true)}>
        保存为版本
      </Button>
      <Modal
        open={open}
        title="保存为版本"
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          版本保存此刻的全文和每个数据的来源，以后台账数据变化也不会改变它；可以与当前数据或其他版本对比，定稿后不再修改。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="备注（可选）">
            <Input.TextArea
              aria-label="版本备注"
              value={note}
              maxLength={200}
              showCount
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder="如：提交党委会审议稿"
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
