import { App, Button, Checkbox, Form, Input, Typography } from 'antd';
import { PhotosInput } from '../../ledgers/components/PhotosInput';
import { usePostTaskUpdate } from '../api/post-task-update';
import type { TaskDetail } from '../api/types';
import { applyNestedErrors } from './server-errors';
import { useTaskError } from './use-task-error';

interface FormValues {
  body: string;
  attachmentIds?: string[];
  doneNodeIds?: number[];
}

/** 报告进展: one line of what was done, photos from the phone, and the nodes it finishes. */
export function TaskUpdateForm({ task }: { task: TaskDetail }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const post = usePostTaskUpdate(task.id);
  const onError = useTaskError();
  const openNodes = task.nodes.filter((n) => !n.doneOn);

  const submit = (v: FormValues) =>
    post.mutate(
      { body: v.body, attachmentIds: v.attachmentIds ?? [], doneNodeIds: v.doneNodeIds ?? [] },
      {
        onSuccess: () => {
          message.success('进展已报告');
          form.resetFields();
        },
        onError: (error) => {
          if (!applyNestedErrors(form, error, ['body', 'attachmentIds', 'doneNodeIds'])) onError(error);
        },
      },
    );

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item name="body" label="进展情况" rules={[{ required: true, whitespace: true, message: '请写一句进展情况' }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：已排查全村12个组，发现问题3处" />
      </Form.Item>
      <Form.Item name="attachmentIds" label="现场照片" style={{ marginBottom: 12 }}>
        <PhotosInput />
      </Form.Item>
      {openNodes.length > 0 && (
        <Form.Item name="doneNodeIds" label="本次完成的节点" style={{ marginBottom: 12 }}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {openNodes.map((n) => (
              <Checkbox key={n.id} value={n.id}>
                {n.title}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  （时限 {n.due}）
                </Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={post.isPending} block>
        提交进展
      </Button>
    </Form>
  );
}
