// What GET /api/health answers (DESIGN.md §6): liveness, and which database the deployment runs on.
import { z } from 'zod';

export const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) });
export type Health = z.infer<typeof health>;
