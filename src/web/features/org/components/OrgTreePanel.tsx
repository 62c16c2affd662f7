import { App, Card, DatePicker, Empty, Flex, Space, Spin, Switch, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { errorDetail } from '../../../lib/api-client';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { orgChildrenQuery, useOrgChildren } from '../api/get-org-children';
import type { OrgListFilters, OrgUnit } from '../api/types';
import { ClosedTag, OrgLevelTag } from './OrgLevelTag';
import { OrgSearchBox } from './OrgSearchBox';

interface Props {
  filters: OrgListFilters;
  onFiltersChange: (filters: OrgListFilters) => void;
  selected?: string;
  /** Codes to expand so that the selected unit is visible (its ancestors). */
  expandTo: string[];
  onOpen: (code: string) => void;
}

function nodeTitle(unit: OrgUnit) {
  return (
    <Space size={6}>
      <span style={unit.validTo ? { color: '#999', textDecoration: 'line-through' } : undefined}>{unit.name}</span>
      <OrgLevelTag level={unit.level} levelName={unit.levelName} />
      <ClosedTag validTo={unit.validTo} />
    </Space>
  );
}

export function OrgTreePanel({ filters, onFiltersChange, selected, expandTo, onOpen }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const roots = useOrgChildren(null, filters);
  // Parents whose children were loaded; reset when the date or the closed switch changes. Their lists
  // stay subscribed in the query cache, so an edit elsewhere (rename, merge) refreshes the tree too.
  const [loaded, setLoaded] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const filterKey = `${filters.asOf ?? ''}|${!!filters.includeClosed}`;

  useEffect(() => setLoaded([]), [filterKey]);
  const loadedLists = useQueries({ queries: loaded.map((code) => ({ ...orgChildrenQuery(code, filters), retry: false })) });
  const children: Record<string, OrgUnit[]> = {};
  loaded.forEach((code, i) => {
    const list = loadedLists[i]?.data?.items;
    if (list) children[code] = list;
  });
  const childrenKey = loadedLists.map((q) => q.dataUpdatedAt).join(',');

  useEffect(() => {
    if (expandTo.length) setExpanded((keys) => [...new Set([...keys, ...expandTo])]);
  }, [expandTo.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  const loadChildren = async (code: string) => {
    try {
      await queryClient.fetchQuery(orgChildrenQuery(code, filters));
    } catch (error) {
      message.error(errorDetail(error));
    }
    setLoaded((prev) => (prev.includes(code) ? prev : [...prev, code]));
  };

  const treeData = useMemo(() => {
    const build = (units: OrgUnit[]): TreeDataNode[] =>
      units.map((unit) => ({
        key: unit.code,
        title: nodeTitle(unit),
        isLeaf: unit.childCount === 0,
        children: children[unit.code] ? build(children[unit.code]) : undefined,
      }));
    return build(roots.data?.items ?? []);
  }, [roots.data, childrenKey, loaded.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={10}>
        <OrgSearchBox onOpen={onOpen} />
        <Flex gap={12} wrap align="center" justify="space-between">
          <DatePicker
            placeholder="查看历史日期"
            value={filters.asOf ? dayjs(filters.asOf) : null}
            onChange={(d) => onFiltersChange({ ...filters, asOf: d ? d.format('YYYY-MM-DD') : undefined })}
            style={{ flex: '1 1 140px' }}
            aria-label="截至日期"
          />
          <Space size={6}>
            <Switch
              size="small"
              checked={!!filters.includeClosed}
              onChange={(includeClosed) => onFiltersChange({ ...filters, includeClosed })}
              aria-label="显示已撤销"
            />
            <Typography.Text>显示已撤销</Typography.Text>
          </Space>
        </Flex>
        <div style={{ maxHeight: isMobile ? 320 : 'calc(100vh - 260px)', minHeight: 160, overflow: 'auto' }}>
          {roots.isPending && <Spin style={{ display: 'block', margin: '40px auto' }} />}
          {roots.error && <ApiErrorResult compact error={roots.error} onRetry={() => roots.refetch()} />}
          {roots.data && roots.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可查看的组织单元" />}
          {roots.data && roots.data.items.length > 0 && (
            <Tree
              key={filterKey}
              blockNode
              showLine
              treeData={treeData}
              selectedKeys={selected ? [selected] : []}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys as string[])}
              loadData={(node) => (loaded.includes(String(node.key)) ? Promise.resolve() : loadChildren(String(node.key)))}
              onSelect={(keys, info) => onOpen(String(info.node.key))}
            />
          )}
        </div>
      </Flex>
    </Card>
  );
}
