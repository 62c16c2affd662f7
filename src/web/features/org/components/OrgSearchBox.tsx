import { AutoComplete, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useOrgSearch } from '../api/search-org-units';
import type { OrgUnitWithAncestors } from '../api/types';
import { OrgLevelTag } from './OrgLevelTag';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function path(unit: OrgUnitWithAncestors): string {
  return unit.ancestors
    .filter((a) => a.level !== 'province' && a.level !== 'city')
    .map((a) => a.name)
    .join(' / ');
}

/** Search by name, code or pinyin initials; choosing a result opens the unit. */
export function OrgSearchBox({ onOpen }: { onOpen: (code: string) => void }) {
  const [text, setText] = useState('');
  const term = useDebounced(text, 250);
  const { data, isFetching, error } = useOrgSearch(term);
  const items = term.trim() ? (data?.items ?? []) : [];

  const options = items.map((unit) => ({
    value: unit.code,
    label: (
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}>
        <div style={{ minWidth: 0 }}>
          <div>{unit.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {path(unit) || unit.code}
          </Typography.Text>
        </div>
        <OrgLevelTag level={unit.level} levelName={unit.levelName} />
      </div>
    ),
  }));

  const notFound = error ? '搜索失败，请稍后重试' : term.trim() && !isFetching && data ? '没有找到匹配的单位' : undefined;

  return (
    <AutoComplete
      style={{ width: '100%' }}
      value={text}
      options={options}
      onChange={setText}
      onSelect={(code: string) => {
        setText('');
        onOpen(code);
      }}
      notFoundContent={notFound}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280 } } }}
    >
      <Input.Search placeholder="搜索名称、代码或拼音首字母" allowClear loading={isFetching} aria-label="搜索组织" />
    </AutoComplete>
  );
}
