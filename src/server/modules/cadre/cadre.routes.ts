import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

// Placeholder until the cadre module lands (being written now).
export async function cadreRoutes(_scope: FastifyInstance, _deps: AppDeps) {}
