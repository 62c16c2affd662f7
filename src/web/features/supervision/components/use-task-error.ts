import { App } from 'antd';
import { ApiError, errorDetail } from '../../../lib/api-client';

/**
 * What a refused change says: the server's Chinese message; on a 409 (the task moved meanwhile, or is finished)
 * the page has already been refreshed by the mutation, and says so.
 */
export function useTaskError() {
  const { message } = App.useApp();
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) message.warning(`${error.detail}（页面已自动刷新）`, 5);
    else message.error(errorDetail(error), 5);
  };
}
