// 新建 / 编辑重点工作: year, kind (三个一), owner, target, a campaign it follows and the indicators that measure it.
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { GOAL_KINDS, GOAL_KIND_NAMES, type GoalKind } from '../../../../core/supervision';
import { useIsMobile } from '../../../components/use-is-mobile';
import { errorDetail } from '../../../lib/api-client';
import { useIndicators } from '../../indicators/api/get-indicators';
import { useCreateGoal, useUpdateGoal, type Goal } from '../api/goals';
import { applyFieldErrors } from './ProjectParts';

interface Values {
  year: number;
  title: string;
  kind: GoalKind;
  ownerName: string;
  targetText?: string;
  campaign?: 'group_merge' | null;
  indicatorKeys?: string[];
}

const FIELDS = ['year', 'title', 'kind', 'ownerName', 'targetText', 'campaign', 'indicatorKeys'];
const FORM_ID = 'goal-form';

function GoalForm({ goal, year, save, onDone }: { goal?: Goal; year: number; save: (v: Values) => Promise<unknown>; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const indicators = useIndicators();
  const initial: Partial<Values> = goal
    ? {
        year: goal.year,
        title: goal.title,
        kind: goal.kind,
        ownerName: goal.ownerName,
        targetText: goal.targetText,
        campaign: goal.campaign === 'group_merge' ? 'group_merge' : null,
        indicatorKeys: goal.indicators.map((i) => i.key),
      }
    : { year, kind: 'focus', campaign: null, indicatorKeys: [] };

  const submit = async (values: Values) => {
    setProblem(null);
    try {
      await save({ ...values, targetText: values.targetText ?? '', campaign: values.campaign ?? null, indicatorKeys: values.indicatorKeys ?? [] });
      message.success(goal ? '重点工作已保存' : '重点工作已创建');
      onDone();
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) setProblem(errorDetail(error));
    }
  };

  return (
    <Form<Values> id={FORM_ID} form={form} layout="vertical" initialValues={initial} onFinish={submit}>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Radio.Group optionType="button" options={GOAL_KINDS.map((k) => ({ value: k, label: GOAL_KIND_NAMES[k] }))} />
      </Form.Item>
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} suffix="年" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="title" label="重点工作名称" rules={[{ required: true, whitespace: true, message: '请填写重点工作名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="ownerName" label="责任领导" rules={[{ required: true, whitespace: true, message: '请填写责任领导' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="targetText" label="目标">
        <Input.TextArea rows={3} maxLength={1000} placeholder="全年要达到的目标，如：新增规上企业2家" />
      </Form.Item>
      <Form.Item name="indicatorKeys" label="关联指标" extra="完成情况按指标的年度目标计算，最多12个">
        <Select
          mode="multiple"
          allowClear
          showSearch
          optionFilterProp="label"
          maxCount={12}
          loading={indicators.isPending}
          placeholder="选择衡量这项工作的指标"
          options={(indicators.data?.items ?? []).map((i) => ({ value: i.key, label: i.workLine ? `${i.name}（${i.workLine}）` : i.name }))}
        />
      </Form.Item>
      <Form.Item name="campaign" label="关联专项工作">
        <Select allowClear placeholder="无" options={[{ value: 'group_merge', label: '村民小组合并（合组）' }]} />
      </Form.Item>
    </Form>
  );
}

export function GoalFormModal({ open, goal, year, onClose }: { open: boolean; goal?: Goal; year: number; onClose: () => void }) {
  const isMobile = useIsMobile();
  const create = useCreateGoal();
  const update = useUpdateGoal(goal?.id ?? 0);
  const mutation = goal ? update : create;
  return (
    <Modal
      open={open}
      title={goal ? '编辑重点工作' : '新建重点工作'}
      onCancel={onClose}
      okText={goal ? '保存' : '创建'}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      confirmLoading={mutation.isPending}
      width={isMobile ? '100%' : 640}
      destroyOnHidden
    >
      {open && <GoalForm goal={goal} year={year} save={(v) => mutation.mutateAsync(v)} onDone={onClose} />}
    </Modal>
  );
}
