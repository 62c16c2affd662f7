import { Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useOrgSearch } from '../api/search-org-units';
import { OrgLevelTag } from './OrgLevelTag';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Shown for the current value before any search (e.g. the unit's name). */
  initialLabel?: string;
  placeholder?: string;
  levels?: string[];
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** Picks an org unit by searching its name, code or pinyin initials; the value is the unit's code. */
export function OrgUnitSelect({
  value,
  onChange,
  initialLabel,
  placeholder = '输入名称或拼音首字母搜索',
  levels,
  style,
  'aria-label': ariaLabel,
}: Props) {
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, isFetching } = useOrgSearch(term);
  const units = (data?.items ?? []).filter((u) => !levels || levels.includes(u.level));
  const options = units.map((u) => ({
    value: u.code,
    label: (
      <Space size={6}>
        {u.name}
        <OrgLevelTag level={u.level} levelName={u.levelName} />
      </Space>
    ),
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: <>{initialLabel}</> });
  }
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(code) => onChange?.(code)}
      options={options}
      loading={isFetching}
      placeholder={placeholder}
      aria-label={ariaLabel}
      notFoundContent={term ? (isFetching ? '正在搜索…' : '没有找到匹配的单位') : '请输入关键字'}
      style={{ width: '100%', ...style }}
    />
  );
}
