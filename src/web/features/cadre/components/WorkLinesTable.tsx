import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { errorDetail } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateWorkLine, type WorkLineInput } from '../api/create-work-line';
import { useDeleteWorkLine } from '../api/delete-work-line';
import { useWorkLines } from '../api/get-work-lines';
import type { WorkLine } from '../api/types';
import { useUpdateWorkLine } from '../api/update-work-line';

function WorkLineModal({ editing, onClose }: { editing: WorkLine | 'new' | null; onClose: () => void }) {
  const [form] = Form.useForm<WorkLineInput>();
  const { message } = App.useApp();
  const create = useCreateWorkLine();
  const update = useUpdateWorkLine();
  const mutation = editing && editing !== 'new' ? update : create;

  const onOk = async () => {
    const values = await form.validateFields();
    const input = { name: values.name.trim(), leaderName: values.leaderName.trim(), description: values.description?.trim() || undefined };
    const done = {
      onSuccess: () => {
        message.success('已保存');
        onClose();
      },
      onError: (e: unknown) => applyServerErrors(form, e, ['name', 'leaderName', 'description']),
    };
    if (editing && editing !== 'new') update.mutate({ id: editing.id, ...input }, done);
    else create.mutate(input, done);
  };

  return (
    <Modal
      title={editing === 'new' ? '新增工作条线' : '编辑工作条线'}
      open={!!editing}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      confirmLoading={mutation.isPending}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) {
          create.reset();
          update.reset();
        }
      }}
    >
      {mutation.error && <Alert type="error" showIcon title={errorDetail(mutation.error)} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing && editing !== 'new' ? { name: editing.name, leaderName: editing.leaderName ?? '', description: editing.description ?? '' } : {}
        }
      >
        <Form.Item name="name" label="条线名称" rules={[{ required: true, whitespace: true, message: '请输入条线名称' }]}>
          <Input maxLength={30} placeholder="例如：安全生产" />
        </Form.Item>
        <Form.Item name="leaderName" label="分管领导" rules={[{ required: true, whitespace: true, message: '请输入分管领导' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function WorkLinesTable({ canWrite }: { canWrite: boolean }) {
  const { data, isPending, error, refetch } = useWorkLines();
  const remove = useDeleteWorkLine();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<WorkLine | 'new' | null>(null);
  if (error) return <ApiErrorResult compact error={error} onRetry={() => refetch()} />;

  const columns: TableColumnsType<WorkLine> = [
    { title: '工作条线', dataIndex: 'name', width: 140 },
    { title: '分管领导', dataIndex: 'leaderName', width: 140, render: (v: string | null) => v || '—' },
    { title: '说明', dataIndex: 'description', render: (v: string | null) => v || '—' },
  ];
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'ops',
      width: 120,
      fixed: 'right',
      render: (_, line) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(line)}>
            编辑
          </Button>
          <Popconfirm
            title={`删除工作条线“${line.name}”？`}
            okText="删除"
            cancelText="取消"
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync(line.id).then(
                () => message.success('已删除'),
                (e) => message.error(errorDetail(e)),
              )
            }
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${line.name}`} />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增条线
          </Button>
        </Flex>
      )}
      <Table<WorkLine>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isPending}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: '尚未设置工作条线' }}
      />
      {canWrite && <WorkLineModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
