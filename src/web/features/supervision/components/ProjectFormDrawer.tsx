// The key-project form (新建项目 / 编辑项目): fields, investment and the quarterly stage tasks. The server checks
// everything again; its field messages (the note required when completed passes planned, a stage's due outside
// its year) land under the fields, a 409 (someone else saved meanwhile) shows above them.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { PROJECT_CATEGORIES, PROJECT_CATEGORY_NAMES, PROJECT_STATUSES, PROJECT_STATUS_NAMES } from '../../../../core/supervision';
import type { ProjectCategory, ProjectStatus } from '../../../../core/supervision';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useCadreGroups } from '../../cadre/api/get-cadre-groups';
import { useWorkLines } from '../../cadre/api/get-work-lines';
import { useGoals } from '../api/goals';
import { useCreateProject, useProject, useUpdateProject, type CreateProjectBody, type ProjectDetail } from '../api/projects';
import { applyFieldErrors } from './ProjectParts';
import { useProjectPlaces } from './ProjectPlaceSelect';

interface StageValues {
  id?: number;
  year: number;
  quarter: number;
  title: string;
  due: Dayjs;
}

interface FormValues {
  name: string;
  category: ProjectCategory;
  status: ProjectStatus;
  location: string;
  leaderName: string;
  cadreGroupId?: number | null;
  workLine?: string | null;
  goalId?: number | null;
  plannedInvestment?: number | null;
  completedInvestment?: number | null;
  investmentNote?: string | null;
  dates: [Dayjs, Dayjs];
  description?: string;
  stages?: StageValues[];
}

const FIELDS = [
  'name',
  'category',
  'status',
  'location',
  'leaderName',
  'cadreGroupId',
  'workLine',
  'goalId',
  'plannedInvestment',
  'completedInvestment',
  'investmentNote',
  'startDate',
  'endDate',
  'description',
  'stages',
];

function initialValues(project: ProjectDetail | undefined, year: number): Partial<FormValues> {
  if (!project)
    return {
      status: 'preparing',
      completedInvestment: 0,
      stages: [] as StageValues[],
      dates: undefined,
      goalId: null,
      cadreGroupId: null,
      workLine: null,
    };
  return {
    name: project.name,
    category: project.category,
    status: project.status,
    location: project.location.code,
    leaderName: project.leaderName,
    cadreGroupId: project.cadreGroup?.id ?? null,
    workLine: project.workLine,
    goalId: project.goal?.id ?? null,
    plannedInvestment: project.plannedInvestment,
    completedInvestment: project.completedInvestment,
    investmentNote: project.investmentNote,
    dates: [dayjs(project.startDate), dayjs(project.endDate)],
    description: project.description,
    stages: project.stages.map((s) => ({ id: s.id, year: s.year || year, quarter: s.quarter, title: s.title, due: dayjs(s.due) })),
  };
}

/** The drawer's body: mounted afresh each time it opens, so its initial values are the project's current ones. */
function ProjectForm({ project, year, onDone }: { project?: ProjectDetail; year: number; onDone: (project: ProjectDetail) => void }) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  // the drawer may be scrolled down to the save button: bring the message into view
  useEffect(() => {
    if (problem) alertRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [problem]);
  // the project as last loaded: after a 409 the user reloads it, and saves against its new version
  const [base, setBase] = useState(project);
  const live = useProject(project?.id);
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? 0);
  const places = useProjectPlaces();
  const groups = useCadreGroups();
  const lines = useWorkLines();
  const goals = useGoals(undefined);
  const saving = create.isPending || update.isPending;

  const submit = async (values: FormValues) => {
    setProblem(null);
    const body: CreateProjectBody = {
      name: values.name,
      category: values.category,
      status: values.status,
      location: values.location,
      leaderName: values.leaderName,
      cadreGroupId: values.cadreGroupId ?? null,
      workLine: values.workLine || null,
      goalId: values.goalId ?? null,
      plannedInvestment: values.plannedInvestment ?? null,
      completedInvestment: values.completedInvestment ?? 0,
      investmentNote: values.investmentNote?.trim() || null,
      startDate: values.dates[0].format('YYYY-MM-DD'),
      endDate: values.dates[1].format('YYYY-MM-DD'),
      description: values.description ?? '',
      // a stage kept from before keeps what was reported on it (done date, evidence, photos)
      stages: (values.stages ?? []).map((s) => {
        const before = base?.stages.find((p) => p.id === s.id);
        return {
          id: s.id,
          year: s.year,
          quarter: s.quarter,
          title: s.title,
          due: s.due.format('YYYY-MM-DD'),
          ...(before ? { doneOn: before.doneOn, evidence: before.evidence, attachmentIds: before.attachmentIds } : {}),
        };
      }),
    };
    try {
      const saved = base ? await update.mutateAsync({ ...body, version: base.version }) : await create.mutateAsync(body);
      message.success(project ? '项目已保存' : '项目已创建');
      onDone(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setProblem(error.detail);
        // someone else's save (not a clashing name) when the project's version moved on
        if (base) void live.refetch().then(({ data }) => setConflict(!!data && data.version !== base.version));
        return;
      }
      if (!applyFieldErrors(form, error, FIELDS)) setProblem(errorDetail(error));
    }
  };

  const reload = async () => {
    const { data: fresh } = await live.refetch();
    if (!fresh) return;
    setBase(fresh);
    form.resetFields();
    form.setFieldsValue(initialValues(fresh, year));
    setProblem(null);
    setConflict(false);
  };

  const half = isMobile ? 24 : 12;
  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initialValues(project, year)} onFinish={submit} scrollToFirstError>
      <div ref={alertRef} />
      {problem && (
        <Alert
          type="error"
          showIcon
          message={problem}
          style={{ marginBottom: 16 }}
          action={
            conflict && (
              <Button size="small" loading={live.isFetching} onClick={reload}>
                载入最新内容
              </Button>
            )
          }
        />
      )}
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择项目类别' }]}>
            <Select options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: PROJECT_CATEGORY_NAMES[c] }))} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="status" label="状态">
            <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_NAMES[s] }))} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="location" label="所在村（社区）" rules={[{ required: true, message: '请选择项目所在地' }]}>
            <Select showSearch optionFilterProp="label" loading={places.isPending} options={places.options} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="leaderName" label="责任领导" rules={[{ required: true, whitespace: true, message: '请填写责任领导' }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="cadreGroupId" label="组线">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={groups.isPending}
              options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="workLine" label="工作条线">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={lines.isPending}
              options={(lines.data?.items ?? []).map((l) => ({ value: l.name, label: l.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="goalId" label="所属重点工作">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={goals.isPending}
              options={(goals.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.year}年 · ${g.title}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="dates" label="开工、完工日期" rules={[{ required: true, message: '请选择开工和完工日期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['开工日期', '完工日期']} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="plannedInvestment" label="计划总投资">
            <InputNumber min={0} precision={2} style={{ width: '100%' }} suffix="万元" />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="completedInvestment" label="已完成投资">
            <InputNumber min={0} precision={2} style={{ width: '100%' }} suffix="万元" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="investmentNote" label="投资说明" extra="已完成投资超过计划总投资时必填">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label="项目简介">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>季度阶段任务</Typography.Title>
      <Form.List name="stages">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Flex
                key={key}
                gap={8}
                wrap={isMobile}
                align="start"
                style={isMobile ? { marginBottom: 12, padding: '8px 8px 0', border: '1px solid #f0f0f0', borderRadius: 6 } : undefined}
              >
                <Form.Item name={[name, 'id']} hidden>
                  <InputNumber />
                </Form.Item>
                <Form.Item
                  name={[name, 'year']}
                  rules={[{ required: true, message: '请填写年度' }]}
                  style={{ width: isMobile ? 'calc(50% - 4px)' : 96 }}
                >
                  <InputNumber min={2000} max={2100} aria-label="年度" suffix="年" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  name={[name, 'quarter']}
                  rules={[{ required: true, message: '请选择季度' }]}
                  style={{ width: isMobile ? 'calc(50% - 4px)' : 96 }}
                >
                  <Select aria-label="季度" options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))} />
                </Form.Item>
                <Form.Item
                  name={[name, 'title']}
                  rules={[{ required: true, whitespace: true, message: '请填写阶段任务' }]}
                  style={{ flex: 1, minWidth: isMobile ? '100%' : 160 }}
                >
                  <Input placeholder="阶段任务" maxLength={200} />
                </Form.Item>
                <Form.Item
                  name={[name, 'due']}
                  rules={[{ required: true, message: '请选择完成时限' }]}
                  style={{ width: isMobile ? 'calc(100% - 40px)' : 150 }}
                >
                  <DatePicker placeholder="完成时限" style={{ width: '100%' }} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除阶段任务" onClick={() => remove(name)} />
              </Flex>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => {
                const last = (form.getFieldValue('stages') as StageValues[] | undefined)?.at(-1);
                const quarter = last ? Math.min(4, last.quarter + 1) : 1;
                add({ year: last?.year ?? year, quarter });
              }}
              style={{ marginBottom: 24 }}
            >
              添加阶段任务
            </Button>
          </>
        )}
      </Form.List>
      <Flex justify="end" gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {project ? '保存' : '创建项目'}
        </Button>
      </Flex>
    </Form>
  );
}

/** 新建项目 without a project; 编辑项目 with one (saved with its version). */
export function ProjectFormDrawer({
  open,
  project,
  year,
  onClose,
  onSaved,
}: {
  open: boolean;
  project?: ProjectDetail;
  year: number;
  onClose: () => void;
  onSaved?: (project: ProjectDetail) => void;
}) {
  const isMobile = useIsMobile();
  return (
    <Drawer open={open} onClose={onClose} title={project ? `编辑项目：${project.name}` : '新建项目'} size={isMobile ? '100%' : 760} destroyOnHidden>
      {open && (
        <ProjectForm
          project={project}
          year={year}
          onDone={(saved) => {
            onSaved?.(saved);
            onClose();
          }}
        />
      )}
    </Drawer>
  );
}
