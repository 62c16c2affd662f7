// 重点项目: the list as the report's annex with its filters and export, the board (龙虎榜), and 新建项目.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PROJECT_CATEGORIES, PROJECT_CATEGORY_NAMES, PROJECT_STATUSES, PROJECT_STATUS_NAMES } from '../../../../core/supervision';
import type { ProjectCategory, ProjectStatus } from '../../../../core/supervision';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/PageHeader';
import { useIsMobile } from '../../../components/use-is-mobile';
import { projectExport, useProjects, useSupervisionTownship, type ProjectFilters } from '../api/projects';
import { ProjectBoardCard } from '../components/ProjectBoardCard';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { ProjectQuarterTimeline } from '../components/ProjectQuarterTimeline';
import { ProjectVillageFilter } from '../components/ProjectPlaceSelect';
import { ProjectTable } from '../components/ProjectTable';

type ProjectView = 'list' | 'board' | 'quarters';

const isCategory = (v: string | null): v is ProjectCategory => !!v && (PROJECT_CATEGORIES as readonly string[]).includes(v);
const isStatus = (v: string | null): v is ProjectStatus => !!v && (PROJECT_STATUSES as readonly string[]).includes(v);

/** Filters live in the address, so a link (from a goal) or the back button brings the same list. */
function useProjectFilters() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category');
  const status = params.get('status');
  const goal = Number(params.get('goal'));
  const filters: ProjectFilters = {
    category: isCategory(category) ? category : undefined,
    status: isStatus(status) ? status : undefined,
    village: params.get('village') || undefined,
    q: params.get('q') || undefined,
    goal: Number.isInteger(goal) && goal > 0 ? goal : undefined,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = [20, 50, 100].includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 50;
  const set = (next: Record<string, string | number | undefined>) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined || v === '') out.delete(k);
          else out.set(k, String(v));
        }
        if (!('page' in next)) out.delete('page');
        return out;
      },
      { replace: true },
    );
  return { filters, page, pageSize, set };
}

export default function ProjectsPage() {
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { township } = useSupervisionTownship();
  const { filters, page, pageSize, set } = useProjectFilters();
  const { data, isPending, isFetching, error, refetch } = useProjects(filters, page, pageSize);
  const [creating, setCreating] = useState(false);
  // 推进表, 季度进度 or (on a phone, where it is not shown above the list) 龙虎榜; in the address for the back button
  const [params] = useSearchParams();
  const view = (['board', 'quarters'] as const).find((v) => v === params.get('view')) ?? 'list';
  const setView = (v: ProjectView) => set({ view: v === 'list' ? undefined : v, page: page > 1 ? page : undefined });
  const year = data ? Number(data.today.slice(0, 4)) : new Date().getFullYear();
  const exportTarget = projectExport(township, data ? year : undefined);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const goalTitle = filters.goal ? data?.items.find((p) => p.goal?.id === filters.goal)?.goal?.title : undefined;

  return (
    <>
      <PageHeader
        title="重点项目"
        subTitle={data ? `重点项目推进情况，截至 ${data.today}` : '重点项目推进情况'}
        extra={
          <>
            <ExportButton path={exportTarget.path} query={exportTarget.query} fileName={`${year}年重点项目推进表.xlsx`} label="导出推进表" />
            {me.abilities.projectWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建项目
              </Button>
            )}
          </>
        }
      />
      {isMobile && (
        <Segmented<ProjectView>
          block
          value={view}
          onChange={setView}
          options={[
            { value: 'list', label: '推进表' },
            { value: 'quarters', label: '季度进度' },
            { value: 'board', label: '龙虎榜' },
          ]}
          style={{ marginBottom: 12 }}
        />
      )}
      {(!isMobile || view === 'board') && <ProjectBoardCard />}
      <Card
        size="small"
        title={view === 'quarters' ? '重点项目季度进度' : '重点项目推进表'}
        extra={
          !isMobile && (
            <Segmented<ProjectView>
              aria-label="视图"
              size="small"
              value={view === 'board' ? 'list' : view}
              onChange={setView}
              options={[
                { value: 'list', label: '推进表' },
                { value: 'quarters', label: '季度进度' },
              ]}
            />
          )
        }
        styles={{ body: { paddingTop: 12, paddingInline: isMobile ? 8 : undefined } }}
        style={{ display: isMobile && view === 'board' ? 'none' : undefined }}
      >
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label="搜索项目"
            placeholder="搜索项目名称或责任领导"
            defaultValue={filters.q}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            style={{ width: isMobile ? '100%' : 240 }}
          />
          <Select
            aria-label="类别"
            allowClear
            placeholder="类别（全部）"
            value={filters.category}
            options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: PROJECT_CATEGORY_NAMES[c] }))}
            onChange={(v?: ProjectCategory) => set({ category: v })}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 140 }}
          />
          <Select
            aria-label="状态"
            allowClear
            placeholder="状态（全部）"
            value={filters.status}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_NAMES[s] }))}
            onChange={(v?: ProjectStatus) => set({ status: v })}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 120 }}
          />
          <ProjectVillageFilter value={filters.village} onChange={(village) => set({ village })} />
          {filters.goal && (
            <Tag closable onClose={() => set({ goal: undefined })} color="purple">
              重点工作：{goalTitle ?? `编号 ${filters.goal}`}
            </Tag>
          )}
          {data && (
            <Typography.Text type="secondary">
              {filtered ? '符合条件' : '共'} {data.total} 个项目
            </Typography.Text>
          )}
        </Flex>
        {error ? (
          <ApiErrorResult error={error} onRetry={() => refetch()} compact />
        ) : view === 'quarters' ? (
          <ProjectQuarterTimeline
            items={data?.items ?? []}
            today={data?.today ?? ''}
            total={data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            isMobile={isMobile}
            onPage={(p, size) => set({ page: p, pageSize: size === 50 ? undefined : size })}
          />
        ) : (
          <ProjectTable
            items={data?.items ?? []}
            total={data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={isPending || isFetching}
            isMobile={isMobile}
            onPage={(p, size) => set({ page: p, pageSize: size === 50 ? undefined : size })}
          />
        )}
      </Card>
      <ProjectFormDrawer open={creating} year={year} onClose={() => setCreating(false)} onSaved={(p) => navigate(`/supervision/projects/${p.id}`)} />
    </>
  );
}
