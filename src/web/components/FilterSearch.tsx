import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Input } from 'antd';

/**
 * The search box at the head of a filter bar; on a phone with a 筛选 button beside it that shows or hides the
 * other filters (its badge counts those in use).
 */
export function FilterSearch(props: {
  placeholder: string;
  ariaLabel: string;
  /** Width on a desk; on a phone the box takes the row. */
  width: number;
  value?: string;
  onSearch: (q: string | undefined) => void;
  isMobile: boolean;
  active: number;
  more: boolean;
  onToggleMore: () => void;
}) {
  const { isMobile } = props;
  return (
    <Flex gap={8} style={{ width: isMobile ? '100%' : undefined }}>
      <Input.Search
        allowClear
        enterButton="搜索"
        placeholder={props.placeholder}
        aria-label={props.ariaLabel}
        style={{ width: isMobile ? undefined : props.width, flex: isMobile ? 1 : undefined }}
        defaultValue={props.value}
        onSearch={(q) => props.onSearch(q.trim() || undefined)}
      />
      {isMobile && (
        <Badge count={props.active} size="small">
          <Button icon={<FilterOutlined />} onClick={props.onToggleMore} aria-expanded={props.more}>
            筛选
          </Button>
        </Badge>
      )}
    </Flex>
  );
}
