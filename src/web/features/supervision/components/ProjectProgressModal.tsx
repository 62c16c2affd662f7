// 报告进展: one line on what moved, the investment so far, photos, and the stage tasks it finishes.
import { Alert, App, Checkbox, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useIsMobile } from '../../../components/use-is-mobile';
import { errorDetail } from '../../../lib/api-client';
import { PhotosInput } from '../../ledgers/components/PhotosInput';
import { usePostProjectUpdate, type ProjectDetail } from '../api/projects';
import { applyFieldErrors, formatWan, StageStateTag } from './ProjectParts';

interface Values {
  body: string;
  completedInvestment?: number | null;
  investmentNote?: string | null;
  attachmentIds?: string[];
  doneStageIds?: number[];
}

const FIELDS = ['body', 'completedInvestment', 'investmentNote', 'attachmentIds', 'doneStageIds'];

function ProgressForm({ project, post, onDone }: { project: ProjectDetail; post: ReturnType<typeof usePostProjectUpdate>; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const completed = Form.useWatch('completedInvestment', form);
  const over = project.plannedInvestment !== null && typeof completed === 'number' && completed > project.plannedInvestment;
  const open = project.stages.filter((s) => s.state === 'open' || s.state === 'overdue').sort((a, b) => a.due.localeCompare(b.due));

  const submit = async (values: Values) => {
    setProblem(null);
    try {
      await post.mutateAsync({
        body: values.body,
        completedInvestment: values.completedInvestment ?? null,
        ...(values.investmentNote?.trim() ? { investmentNote: values.investmentNote.trim() } : {}),
        attachmentIds: values.attachmentIds ?? [],
        doneStageIds: values.doneStageIds ?? [],
      });
      message.success('进展已报告');
      onDone();
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) setProblem(errorDetail(error));
    }
  };

  return (
    <Form<Values>
      id="project-progress-form"
      form={form}
      layout="vertical"
      initialValues={{
        completedInvestment: project.completedInvestment,
        investmentNote: project.investmentNote,
        attachmentIds: [],
        doneStageIds: [],
      }}
      onFinish={submit}
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="body" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}>
        <Input maxLength={500} placeholder="一句话说明本次进展，如：主体结构完成80%" />
      </Form.Item>
      <Form.Item
        name="completedInvestment"
        label="截至目前已完成投资"
        extra={project.plannedInvestment !== null ? `计划总投资 ${formatWan(project.plannedInvestment)} 万元` : undefined}
      >
        <InputNumber min={0} precision={2} suffix="万元" style={{ width: '100%' }} />
      </Form.Item>
      {(over || project.investmentNote) && (
        <Form.Item
          name="investmentNote"
          label="投资说明"
          rules={over ? [{ required: true, whitespace: true, message: '已完成投资超过计划总投资，请写明原因' }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      <Form.Item name="attachmentIds" label="现场照片">
        <PhotosInput />
      </Form.Item>
      {open.length > 0 && (
        <Form.Item name="doneStageIds" label="本次完成的阶段任务">
          <Checkbox.Group style={{ width: '100%' }}>
            <Flex vertical gap={6}>
              {open.map((s) => (
                <Checkbox key={s.id} value={s.id}>
                  {s.title}（时限 {s.due}） <StageStateTag state={s.state} />
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      )}
    </Form>
  );
}

export function ProjectProgressModal({ open, project, onClose }: { open: boolean; project: ProjectDetail; onClose: () => void }) {
  const isMobile = useIsMobile();
  const post = usePostProjectUpdate(project.id);
  return (
    <Modal
      open={open}
      title="报告进展"
      onCancel={onClose}
      okText="提交"
      okButtonProps={{ htmlType: 'submit', form: 'project-progress-form' }}
      confirmLoading={post.isPending}
      width={isMobile ? '100%' : 600}
      destroyOnHidden
    >
      {open && <ProgressForm project={project} post={post} onDone={onClose} />}
    </Modal>
  );
}
