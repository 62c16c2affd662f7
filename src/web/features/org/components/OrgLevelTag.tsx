import { Tag } from 'antd';
import { ORG_LEVEL_NAMES, isOrgLevel } from '../../../../core/org-levels';

const COLORS: Record<string, string> = {
  province: 'magenta',
  city: 'volcano',
  county: 'orange',
  town: 'blue',
  village: 'green',
  group: 'cyan',
  grid: 'purple',
};

export function OrgLevelTag({ level, levelName }: { level: string; levelName?: string }) {
  const name = levelName ?? (isOrgLevel(level) ? ORG_LEVEL_NAMES[level] : level);
  return (
    <Tag color={COLORS[level]} style={{ marginInlineEnd: 0, fontSize: 12 }}>
      {name}
    </Tag>
  );
}

export function ClosedTag({ validTo }: { validTo: string | null }) {
  return validTo ? <Tag style={{ marginInlineEnd: 0 }}>已撤销</Tag> : null;
}
