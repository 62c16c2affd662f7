// Notification routes: the user's own centre, and the township's outbound channels.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import * as c from '../../../core/contracts/notifications.js';
import * as r from '../../../core/contracts/notifications-requests.js';
import { townshipQuery } from '../../../core/contracts/supervision-requests.js';
import { contextOf } from '../../http/context.js';
import { getChannels, putChannels } from './channels.service.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

export async function notificationsRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['通知'];
  app.get('/api/notifications', { schema: { querystring: r.notificationListQuery, response: { 200: c.notificationList }, tags } }, (req) =>
    listNotifications(ctx(req), req.query),
  );
  app.post('/api/notifications/read', { schema: { body: r.markReadBody, response: { 200: c.notificationsRead }, tags } }, (req) =>
    markNotificationsRead(ctx(req), req.body),
  );
  app.get('/api/notification-channels', { schema: { querystring: townshipQuery, response: { 200: c.channelList }, tags } }, (req) =>
    getChannels(ctx(req), req.query.township),
  );
  app.put(
    '/api/notification-channels',
    { schema: { querystring: townshipQuery, body: r.channelsBody, response: { 200: c.channelList }, tags } },
    (req) => putChannels(ctx(req), req.body, req.query.township),
  );
}
