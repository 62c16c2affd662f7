import { Button, Result } from 'antd';
import type { ResultProps } from 'antd';
import { ApiError, errorDetail } from '../lib/api-client';

const TITLES: Record<number, string> = { 403: '无权访问', 404: '未找到' };

/** A whole-page or whole-card error: the server's Chinese detail, never a blank area. */
export function ApiErrorResult({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const status = error instanceof ApiError ? error.status : 0;
  const resultStatus: ResultProps['status'] = status === 403 ? '403' : status === 404 ? '404' : status >= 500 ? '500' : 'error';
  const title = TITLES[status] ?? (error instanceof ApiError && error.title ? error.title : '加载失败');
  return (
    <Result
      status={compact && resultStatus !== 'error' ? 'warning' : resultStatus}
      title={title}
      subTitle={errorDetail(error)}
      style={compact ? { padding: '24px 8px' } : undefined}
      extra={onRetry && status !== 403 && status !== 404 ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}
