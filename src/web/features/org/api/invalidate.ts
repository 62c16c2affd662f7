import type { QueryClient } from '@tanstack/react-query';
import { orgKeys } from './types';

/** Any change to the tree can change lists, details, search results and merge progress. */
export function invalidateOrg(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: orgKeys.all });
}
