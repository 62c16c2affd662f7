import { Empty } from 'antd';

/** The Chinese empty state for tables and lists. */
export function emptyText(description = '暂无数据') {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />;
}
