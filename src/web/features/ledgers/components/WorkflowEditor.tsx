// The status workflow of a register ledger: states, the initial one, and the moves allowed between them.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select, Space, Switch, Table, Typography } from 'antd';
import { rectificationWorkflow, type Workflow } from '../../../../core/ledger-workflow';

const SIMPLE_WORKFLOW: Workflow = {
  states: [
    { key: 's1', label: '待处理' },
    { key: 's2', label: '已办结', final: true },
  ],
  initial: 's1',
  transitions: [{ from: 's1', to: 's2', label: '办结' }],
};

function nextStateKey(workflow: Workflow): string {
  for (let i = workflow.states.length + 1; ; i++) if (!workflow.states.some((s) => s.key === `s${i}`)) return `s${i}`;
}

export function WorkflowEditor({
  value,
  onChange,
  lockedStates,
}: {
  value: Workflow | null;
  onChange: (workflow: Workflow | null) => void;
  /** States of the saved workflow: records may be in them, so their keys stay. */
  lockedStates: Set<string>;
}) {
  if (!value) {
    return (
      <Flex gap={12} wrap align="center">
        <Switch checked={false} onChange={() => onChange(SIMPLE_WORKFLOW)} aria-label="启用状态流转" />
        <Typography.Text type="secondary">未启用。适合需要跟踪办理进度的台账，如隐患整改。</Typography.Text>
        <Button onClick={() => onChange(rectificationWorkflow())}>使用“隐患整改”模板</Button>
      </Flex>
    );
  }
  const states = value.states.map((s) => ({ value: s.key, label: s.label || s.key }));
  const setState = (i: number, patch: Partial<Workflow['states'][number]>) =>
    onChange({ ...value, states: value.states.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setTransition = (i: number, patch: Partial<Workflow['transitions'][number]>) =>
    onChange({ ...value, transitions: value.transitions.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  const removeState = (key: string) =>
    onChange({
      ...value,
      states: value.states.filter((s) => s.key !== key),
      transitions: value.transitions.filter((t) => t.from !== key && t.to !== key),
      initial: value.initial === key ? (value.states.find((s) => s.key !== key)?.key ?? '') : value.initial,
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex gap={12} wrap align="center">
        <Switch checked onChange={() => onChange(null)} aria-label="启用状态流转" />
        <Typography.Text>已启用状态流转</Typography.Text>
        <Typography.Text type="secondary">新记录的状态：</Typography.Text>
        <Select
          value={value.initial}
          options={states}
          style={{ minWidth: 120 }}
          onChange={(initial) => onChange({ ...value, initial })}
          aria-label="初始状态"
        />
      </Flex>
      <div>
        <Typography.Text strong>状态</Typography.Text>
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {value.states.map((s, i) => (
            <Space.Compact key={s.key}>
              <Input
                value={s.label}
                maxLength={20}
                style={{ width: 110 }}
                aria-label={`状态${i + 1}名称`}
                onChange={(e) => setState(i, { label: e.target.value })}
              />
              <Button
                onClick={() => setState(i, { final: s.final ? undefined : true })}
                type={s.final ? 'primary' : 'default'}
                title="终止状态：不能再流转"
              >
                终止
              </Button>
              <Button
                icon={<DeleteOutlined />}
                disabled={lockedStates.has(s.key) || value.states.length <= 2}
                aria-label={`删除状态${s.label}`}
                title={lockedStates.has(s.key) ? '已保存的状态不能删除' : '删除状态'}
                onClick={() => removeState(s.key)}
              />
            </Space.Compact>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => onChange({ ...value, states: [...value.states, { key: nextStateKey(value), label: '' }] })}>
            添加状态
          </Button>
        </Flex>
      </div>
      <div>
        <Typography.Text strong>允许的流转</Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={value.transitions}
          scroll={{ x: 640 }}
          style={{ marginTop: 8 }}
          columns={[
            {
              title: '从',
              key: 'from',
              width: 130,
              render: (_, t, i) => (
                <Select
                  value={t.from}
                  options={states}
                  style={{ width: '100%' }}
                  onChange={(from) => setTransition(i, { from })}
                  aria-label="从状态"
                />
              ),
            },
            {
              title: '到',
              key: 'to',
              width: 130,
              render: (_, t, i) => (
                <Select value={t.to} options={states} style={{ width: '100%' }} onChange={(to) => setTransition(i, { to })} aria-label="到状态" />
              ),
            },
            {
              title: '操作名称',
              key: 'label',
              render: (_, t, i) => (
                <Input
                  value={t.label}
                  maxLength={20}
                  placeholder="如：开始整改"
                  onChange={(e) => setTransition(i, { label: e.target.value })}
                  aria-label="操作名称"
                />
              ),
            },
            {
              title: '须上传照片',
              key: 'photo',
              width: 96,
              align: 'center',
              render: (_, t, i) => (
                <Checkbox
                  checked={!!t.requirePhoto}
                  onChange={(e) => setTransition(i, { requirePhoto: e.target.checked || undefined })}
                  aria-label="须上传照片"
                />
              ),
            },
            {
              title: '须填写说明',
              key: 'note',
              width: 96,
              align: 'center',
              render: (_, t, i) => (
                <Checkbox
                  checked={!!t.requireNote}
                  onChange={(e) => setTransition(i, { requireNote: e.target.checked || undefined })}
                  aria-label="须填写说明"
                />
              ),
            },
            {
              title: '',
              key: 'ops',
              width: 48,
              render: (_, _t, i) => (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除流转"
                  onClick={() => onChange({ ...value, transitions: value.transitions.filter((_x, j) => j !== i) })}
                />
              ),
            },
          ]}
        />
        <Button
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() =>
            onChange({
              ...value,
              transitions: [...value.transitions, { from: value.states[0].key, to: value.states[1]?.key ?? value.states[0].key, label: '' }],
            })
          }
        >
          添加流转
        </Button>
      </div>
    </Space>
  );
}
