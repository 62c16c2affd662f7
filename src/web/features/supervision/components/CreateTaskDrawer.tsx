import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Segmented, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { TASK_SOURCE_NAMES, TASK_SOURCES, type TaskSource } from '../../../../core/supervision';
import { useIsMobile } from '../../../components/use-is-mobile';
import { errorDetail } from '../../../lib/api-client';
import { useCreateTask } from '../api/create-task';
import { useTownshipClock } from '../api/get-township-clock';
import { applyNestedErrors } from './server-errors';
import { taskPath } from './TaskTable';
import { useWorkUnits } from './use-work-units';

interface FormValues {
  title: string;
  description?: string;
  source: TaskSource;
  sourceRef?: string;
  lead?: string;
  villages?: string[];
  supporting?: string[];
  responsibleName?: string;
  nodes: { title: string; due?: Dayjs }[];
}

/**
 * What a task is made from elsewhere (次日任务 from the daily dispatch, 整改 from a data-quality finding): the
 * form's first values, nodes dated YYYY-MM-DD. Mount the drawer with a new `key` per draft: the form keeps what
 * was typed while it lives.
 */
export interface TaskDraft {
  title?: string;
  description?: string;
  source?: TaskSource;
  sourceRef?: string;
  lead?: string;
  nodes?: { title: string; due: string }[];
}

type Target = 'one' | 'villages';
const FIELDS = ['title', 'description', 'source', 'sourceRef', 'lead', 'villages', 'supporting', 'responsibleName', 'nodes'];

/** 交办任务: to one lead unit, or split to several villages at once (到各村), with its deadline nodes. */
export function CreateTaskDrawer({ open, onClose, initial }: { open: boolean; onClose: () => void; initial?: TaskDraft }) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [target, setTarget] = useState<Target>('one');
  const units = useWorkUnits(open);
  const clock = useTownshipClock(open);
  const create = useCreateTask();
  const today = clock.data?.today;
  const [alert, setAlert] = useState<string | null>(null);

  const submit = async () => {
    // an invalid form shows its messages under the fields; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setAlert(null);
    create.mutate(
      {
        title: v.title,
        description: v.description ?? '',
        source: v.source,
        sourceRef: v.sourceRef?.trim() || null,
        ...(target === 'one' ? { lead: v.lead } : { villages: v.villages }),
        supporting: v.supporting ?? [],
        responsibleName: v.responsibleName?.trim() || null,
        nodes: v.nodes.map((n) => ({ title: n.title, due: n.due!.format('YYYY-MM-DD') })),
      },
      {
        onSuccess: ({ task, children }) => {
          message.success(children.length ? `已分派到 ${children.length} 个村` : '任务已交办');
          form.resetFields();
          onClose();
          navigate(taskPath(task.id));
        },
        onError: (error) => {
          if (!applyNestedErrors(form, error, FIELDS)) setAlert(errorDetail(error));
        },
      },
    );
  };

  const pickAllVillages = () =>
    form.setFieldValue(
      'villages',
      units.villages.map((u) => u.value),
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isMobile ? '100%' : 600}
      title="交办任务"
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending} onClick={submit} autoInsertSpace={false}>
            交办
          </Button>
        </Flex>
      }
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      {units.error && <Alert type="warning" showIcon title={`村（社区）列表加载失败：${errorDetail(units.error)}`} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          ...initial,
          source: initial?.source ?? 'meeting',
          nodes: initial?.nodes?.map((n) => ({ title: n.title, due: dayjs(n.due) })) ?? [{ title: '完成并上报', due: undefined }],
        }}
        onValuesChange={() => alert && setAlert(null)}
      >
        <Form.Item name="title" label="任务名称" rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}>
          <Input maxLength={100} placeholder="如：人居环境整治“回头看”" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="source" label="任务来源" rules={[{ required: true, message: '请选择任务来源' }]} style={{ flex: '1 1 180px' }}>
            <Select options={TASK_SOURCES.map((s) => ({ value: s, label: TASK_SOURCE_NAMES[s] }))} />
          </Form.Item>
          <Form.Item name="sourceRef" label="文号或会议" style={{ flex: '2 1 240px' }}>
            <Input maxLength={100} placeholder="如：镇党委会议（第12次）" />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label="任务说明">
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="要求、标准、报送方式等" />
        </Form.Item>
        <Form.Item label="交办给" required>
          <Segmented<Target>
            block
            value={target}
            onChange={setTarget}
            options={[
              { value: 'one', label: '一个牵头单位' },
              { value: 'villages', label: '到各村（每村一份）' },
            ]}
          />
        </Form.Item>
        {target === 'one' ? (
          <Form.Item name="lead" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={units.options}
              loading={units.loading}
              placeholder="选择村（社区）、镇本级或组线"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="villages"
            label={
              <Flex gap={8} align="center">
                分派到的村（社区）
                <Button type="link" size="small" onClick={pickAllVillages} style={{ padding: 0 }}>
                  全选
                </Button>
              </Flex>
            }
            extra="每个村各得一份任务，镇里保留一份总任务，汇总各村的办理情况。"
            rules={[{ required: true, message: '请选择要分派的村（社区）' }]}
          >
            <Select
              mode="multiple"
              allowClear
              options={units.villages}
              loading={units.loading}
              optionFilterProp="label"
              placeholder="选择村（社区）"
            />
          </Form.Item>
        )}
        <Form.Item name="supporting" label="协办单位">
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={units.options} placeholder="可不选" />
        </Form.Item>
        <Form.Item name="responsibleName" label="责任人">
          <Input maxLength={40} placeholder="如：张三（可不填）" />
        </Form.Item>
        <Typography.Text strong>时限节点</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          每个节点到期当天结束前完成；最后一个节点即办结时限。
        </Typography.Paragraph>
        <Form.List
          name="nodes"
          rules={[{ validator: async (_, nodes) => (nodes?.length ? undefined : Promise.reject(new Error('至少要有一个时限节点'))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap={isMobile}>
                  <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 20 }}>
                    {index + 1}.
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[{ required: true, whitespace: true, message: '请填写节点内容' }]}
                    style={{ flex: '1 1 200px', marginBottom: 12 }}
                  >
                    <Input maxLength={100} placeholder="节点内容，如：完成排查" aria-label={`第${index + 1}个节点内容`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'due']}
                    rules={[{ required: true, message: '请选择时限' }]}
                    style={{ flex: '0 0 150px', marginBottom: 12 }}
                  >
                    <DatePicker
                      placeholder="时限"
                      aria-label={`第${index + 1}个节点时限`}
                      style={{ width: '100%' }}
                      inputReadOnly={isMobile}
                      disabledDate={(d) => !!today && d.isBefore(dayjs(today), 'day')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={`删除第${index + 1}个节点`}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ title: '', due: undefined })} disabled={fields.length >= 20}>
                添加节点
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
