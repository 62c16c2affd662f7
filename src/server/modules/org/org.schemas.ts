// The org-unit routes' request schemas. Bodies and queries are shared contracts (core/contracts/org-requests.ts), so
// the web sends what is checked here; path parameters stay here.
import { z } from 'zod';

export {
  closeBody,
  createBody,
  listQuery,
  mergeBody,
  moveBody,
  planBody,
  progressQuery,
  renameBody,
  searchQuery,
} from '../../../core/contracts/org-requests.js';

export const codeParams = z.object({ code: z.string().min(1).max(32) });
