import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Segmented, Tabs, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { TASK_LIGHTS, TASK_LIGHT_SHORT_NAMES, type TaskLight } from '../../../../core/supervision';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/PageHeader';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useTasks } from '../api/get-tasks';
import { LIGHT_HEX, taskQuery, type TaskFilters } from '../api/types';
import { useOwnVillage } from '../../indicators/components/UnitSelect';
import { CreateTaskDrawer } from '../components/CreateTaskDrawer';
import { GroupBoardCard } from '../components/GroupBoardCard';
import { SavedTaskFilters } from '../components/SavedTaskFilters';
import { TaskFiltersBar } from '../components/TaskFiltersBar';
import { TaskKanban } from '../components/TaskKanban';
import { TaskTable } from '../components/TaskTable';
import { filtersFromSearch, searchFromFilters } from './task-filters-url';

const ALL = 'all';
/** Several lights at once, e.g. 逾期/即将到期 from the 工作台. */
const SEVERAL = 'several';

interface LightItem {
  key: string;
  label: ReactNode;
}

/** The lights as tabs at a desk; on a phone as chips that wrap, so every light and its count stays in view. */
function LightSwitch({ activeKey, items, onChange }: { activeKey: string; items: LightItem[]; onChange: (key: string) => void }) {
  const isMobile = useIsMobile();
  if (!isMobile) return <Tabs activeKey={activeKey} onChange={onChange} items={items} />;
  return (
    <Flex wrap gap={6} style={{ margin: '12px 0' }}>
      {items.map((item) => (
        <Tag.CheckableTag
          key={item.key}
          checked={item.key === activeKey}
          onChange={() => onChange(item.key)}
          style={{ border: '1px solid #d9d9d9', padding: '4px 10px', fontSize: 14, marginInlineEnd: 0 }}
        >
          {item.label}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}

/** 督办任务: the tasks the user may see, by light, with filters, export and 交办. */
export default function TasksPage() {
  const me = useMe();
  const ownVillage = useOwnVillage();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  // 列表 or 看板, kept in the address with the filters
  const view = params.get('view') === 'board' ? 'board' : 'list';
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error, refetch } = useTasks(filters, page, pageSize);

  const go = (next: TaskFilters, nextPage = 1, nextPageSize = pageSize, nextView = view) => {
    const search = searchFromFilters(next, nextPage, nextPageSize);
    if (nextView === 'board') search.set('view', 'board');
    setParams(search, { replace: true });
  };
  const lights = data?.lights;
  const all = lights ? TASK_LIGHTS.reduce((sum, l) => sum + lights[l], 0) : undefined;
  const several = filters.light && filters.light.length > 1 ? filters.light : null;
  const activeTab = several ? SEVERAL : (filters.light?.[0] ?? ALL);
  const tabLabel = (name: string, count: number | undefined, color?: string) => (
    <Flex align="center" gap={6}>
      {color && <Badge color={color} />}
      {name}
      {count !== undefined && <span style={{ opacity: 0.65 }}>{count}</span>}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title="督办任务"
        subTitle={data ? `截至 ${data.today} · 红灯逾期、黄灯滞后、蓝灯3天内到期` : '红灯逾期、黄灯滞后、蓝灯3天内到期'}
        extra={
          <>
            {me.abilities.taskAssign && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                交办任务
              </Button>
            )}
            <ExportButton path="/api/tasks/export" query={taskQuery(filters)} fileName="督办台账.xlsx" />
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <LightSwitch
          activeKey={activeTab}
          onChange={(key) => key !== SEVERAL && go({ ...filters, light: key === ALL ? undefined : [key as TaskLight] })}
          items={[
            { key: ALL, label: tabLabel('全部', all) },
            ...TASK_LIGHTS.map((l) => ({ key: l, label: tabLabel(TASK_LIGHT_SHORT_NAMES[l], lights?.[l], LIGHT_HEX[l]) })),
            ...(several
              ? [
                  {
                    key: SEVERAL,
                    label: tabLabel(
                      several.map((l) => TASK_LIGHT_SHORT_NAMES[l]).join('+'),
                      lights && several.reduce((sum, l) => sum + lights[l], 0),
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Segmented<'list' | 'board'>
            aria-label="视图"
            value={view}
            onChange={(v) => go(filters, 1, pageSize, v)}
            options={[
              { value: 'list', label: '列表' },
              { value: 'board', label: '看板' },
            ]}
          />
          <SavedTaskFilters filters={filters} onApply={(next) => go(next)} />
        </Flex>
        <TaskFiltersBar key={filters.q ?? ''} filters={filters} onChange={(next) => go(next)} />
        {/* the groups' board is the township's view: a village cadre works in his own village's list */}
        {!ownVillage && <GroupBoardCard />}
        {view === 'board' ? (
          <TaskKanban filters={filters} onShowAll={(status) => go({ ...filters, status: [status] }, 1, pageSize, 'list')} />
        ) : error ? (
          <ApiErrorResult compact error={error} onRetry={() => refetch()} />
        ) : (
          <TaskTable
            items={data?.items}
            today={data?.today ?? ''}
            loading={isFetching}
            emptyText={Object.values(filters).some(Boolean) ? '没有符合条件的任务' : '暂无督办任务'}
            pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: (p, s) => go(filters, s !== pageSize ? 1 : p, s) }}
          />
        )}
      </Card>
      {me.abilities.taskAssign && <CreateTaskDrawer open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
