// Named filter sets for 督办任务 (保存筛选), kept in this browser per user. Each set is stored as the list's query
// string, so reading it back goes through the same checks as an address typed by hand.
import { DeleteOutlined, DownOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import type { TaskFilters } from '../api/types';
import { filtersFromSearch, searchFromFilters } from '../pages/task-filters-url';

interface SavedFilter {
  name: string;
  /** The filters as the list's query string (without paging). */
  search: string;
}

const MAX_SAVED = 20;
const storageKey = (username: string) => `zhenwu.supervision.savedTaskFilters.${username}`;
const searchOf = (filters: TaskFilters) => searchFromFilters(filters, 1, 20).toString();

function readSaved(username: string): SavedFilter[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(username)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((s): s is SavedFilter => typeof s?.name === 'string' && typeof s?.search === 'string').slice(0, MAX_SAVED);
  } catch {
    return [];
  }
}

function useSavedFilters() {
  const { username } = useMe();
  const [saved, setSaved] = useState(() => readSaved(username));
  const write = (next: SavedFilter[]) => {
    setSaved(next);
    try {
      localStorage.setItem(storageKey(username), JSON.stringify(next));
    } catch {
      // private windows may refuse storage: the sets then last until the page is left
    }
  };
  return {
    saved,
    /** Saves under a name, replacing a set of the same name. */
    save: (name: string, filters: TaskFilters) =>
      write([{ name, search: searchOf(filters) }, ...saved.filter((s) => s.name !== name)].slice(0, MAX_SAVED)),
    remove: (name: string) => write(saved.filter((s) => s.name !== name)),
  };
}

/** 我的筛选 (apply or delete a saved set) and 保存筛选 (name the current filters). */
export function SavedTaskFilters({ filters, onApply }: { filters: TaskFilters; onApply: (filters: TaskFilters) => void }) {
  const { message } = App.useApp();
  const { saved, save, remove } = useSavedFilters();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const current = searchOf(filters);
  const active = saved.find((s) => s.search === current);
  const hasFilters = current !== '';

  const confirmSave = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    save(trimmed, filters);
    setNaming(false);
    void message.success(`已保存筛选“${trimmed}”`);
  };

  return (
    <Flex gap={8} wrap>
      <Dropdown
        trigger={['click']}
        disabled={saved.length === 0}
        menu={{
          selectedKeys: active ? [active.name] : [],
          onClick: ({ key }) => {
            const set = saved.find((s) => s.name === key);
            if (set) onApply(filtersFromSearch(new URLSearchParams(set.search)));
          },
          items: saved.map((s) => ({
            key: s.name,
            label: (
              <Flex justify="space-between" align="center" gap={12} style={{ minWidth: 160 }}>
                <span>{s.name}</span>
                <Button
                  type="text"
                  size="small"
                  aria-label={`删除筛选“${s.name}”`}
                  icon={<DeleteOutlined />}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove(s.name);
                  }}
                />
              </Flex>
            ),
          })),
        }}
      >
        <Button icon={<StarOutlined />}>
          {active ? active.name : '我的筛选'}
          {saved.length > 0 && <Typography.Text type="secondary">{saved.length}</Typography.Text>}
          <DownOutlined />
        </Button>
      </Dropdown>
      <Button
        disabled={!hasFilters}
        title={hasFilters ? undefined : '先选择筛选条件'}
        onClick={() => {
          setName(active?.name ?? '');
          setNaming(true);
        }}
      >
        保存筛选
      </Button>
      <Modal
        title="保存筛选"
        open={naming}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ disabled: !name.trim() }}
        onOk={confirmSave}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">保存在本浏览器中，只有您自己能看到。同名的筛选会被替换。</Typography.Paragraph>
        <Input
          autoFocus
          aria-label="筛选名称"
          placeholder="如：红灯 · 各村"
          maxLength={20}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={confirmSave}
        />
      </Modal>
    </Flex>
  );
}
