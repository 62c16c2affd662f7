import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { queryRows } from '../../db/connection.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { deliverOutbox } from './outbox.service.js';
import { runReminders } from './reminders.service.js';
import { deliveriesOf } from './outbox.repository.js';
import { findUnit } from '../org/index.js';
import { chinaDate } from '../../../core/china-time.js';

let t: TestApp;
let leader: string;
let cadre: string;
let otherCadre: string;
let admin: string;
let leaderId: number;
let cadreId: number;
let otherCadreId: number;
let taskId: number;
const TOWN = '430681105000';
const [CHUANSHAN] = ['430681105201'];

const rowsOf = (userId: number) =>
  queryRows<{ kind: string; dedupeKey: string; taskId: number | null }>(
    t.db,
    sql`SELECT kind, dedupe_key AS "dedupeKey", task_id AS "taskId" FROM notifications WHERE user_id = ${userId} ORDER BY id`,
  );
const count = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM notifications`))[0].n;
const userId = async (username: string) => (await queryRows<{ id: number }>(t.db, sql`SELECT id FROM users WHERE username = ${username}`))[0].id;

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system, ['川山村', '燕塘村', '桥坪村']);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }], '李书记');
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: CHUANSHAN }], '川山村干部');
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: '430681105202' }], '燕塘村干部');
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  [leader, cadre, otherCadre, admin] = await Promise.all(['shuji', 'cun201', 'cun202', 'root'].map((u) => t.login(u, TEST_PASSWORD)));
  [leaderId, cadreId, otherCadreId] = await Promise.all(['shuji', 'cun201', 'cun202'].map(userId));
  await t.ok('PUT', `/api/township-clock?township=${TOWN}`, admin, { today: '2022-06-01' });
});
afterAll(() => t?.close());

describe('notifications of a task’s flow', () => {
  it('tells the lead village’s cadre of a new task, and no one in another village', async () => {
    const created = await t.ok(
      'POST',
      '/api/tasks',
      leader,
      {
        title: '排查河道垃圾',
        source: 'instruction',
        lead: CHUANSHAN,
        nodes: [
          { title: '完成排查', due: '2022-06-03' },
          { title: '完成整改', due: '2022-06-20' },
        ],
      },
      201,
    );
    taskId = created.task.id;
    expect((await rowsOf(cadreId)).map((r) => [r.kind, r.taskId])).toEqual([['assigned', taskId]]);
    expect(await rowsOf(otherCadreId)).toEqual([]);
    // the one who handed it out is not told of his own act; township leaders are not told of every village's task
    expect(await rowsOf(leaderId)).toEqual([]);
  });

  it('tells the assigner when the village signs, and the village when completion is returned', async () => {
    const detail = await t.ok('GET', `/api/tasks/${taskId}`, cadre);
    await t.ok('POST', `/api/tasks/${taskId}/transitions`, cadre, { transition: 'sign', version: detail.version });
    expect((await rowsOf(leaderId)).map((r) => r.kind)).toEqual(['signed']);
    const signed = await t.ok('GET', `/api/tasks/${taskId}`, cadre);
    await t.ok('POST', `/api/tasks/${taskId}/updates`, cadre, { body: '已排查3处', attachmentIds: [], doneNodeIds: [] });
    expect((await rowsOf(leaderId)).map((r) => r.kind)).toEqual(['signed', 'update']);
    expect(signed.version).toBeGreaterThan(detail.version);
    expect(await rowsOf(otherCadreId)).toEqual([]);
  });
});

describe('GET /api/notifications and POST /api/notifications/read', () => {
  it('lists the user’s own notifications with the unread count, and marks only his own read', async () => {
    const mine = await t.ok('GET', '/api/notifications', cadre);
    expect(mine).toMatchObject({ total: 1, unread: 1 });
    expect(mine.items[0]).toMatchObject({ kind: 'assigned', taskId, readAt: null, title: '新的督办任务：排查河道垃圾' });
    // dated on the township's clock (fixed at 2022-06-01 here), as the task's history is
    expect(chinaDate(mine.items[0].createdAt)).toBe('2022-06-01');
    const id = mine.items[0].id;
    // another user's ids are ignored: his notification stays unread, and he sees none of it
    expect(await t.ok('POST', '/api/notifications/read', otherCadre, { ids: [id] })).toEqual({ updated: 0, unread: 0 });
    expect(await t.ok('GET', '/api/notifications', otherCadre)).toEqual({ items: [], total: 0, unread: 0 });
    expect((await t.ok('GET', '/api/notifications', cadre)).unread).toBe(1);

    expect(await t.ok('POST', '/api/notifications/read', cadre, { ids: [id] })).toEqual({ updated: 1, unread: 0 });
    expect(await t.ok('GET', '/api/notifications?unreadOnly=true', cadre)).toMatchObject({ items: [], total: 0, unread: 0 });
    expect((await t.ok('GET', '/api/notifications', cadre)).items[0].readAt).not.toBeNull();
    expect(await t.ok('POST', '/api/notifications/read', leader, { all: true })).toEqual({ updated: 2, unread: 0 });
  });

  it('refuses a bad body with 400 and an anonymous request with 401', async () => {
    expect((await t.call('POST', '/api/notifications/read', cadre, { ids: [] })).statusCode).toBe(400);
    expect((await t.call('POST', '/api/notifications/read', cadre, { all: false })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('the daily reminder job', () => {
  it('reminds the handlers of a node due within 3 days, with one digest each; a second run writes nothing', async () => {
    const [first] = await runReminders(t.db, { townshipCode: TOWN, today: '2022-06-02' });
    expect(first).toMatchObject({ ran: true, notifications: 2 });
    expect((await rowsOf(cadreId)).map((r) => r.kind)).toEqual(['assigned', 'due_soon', 'digest']);
    const reminders = await t.ok('GET', '/api/notifications', cadre);
    expect(reminders.items.filter((n: { kind: string }) => n.kind !== 'assigned').map((n: { createdAt: string }) => chinaDate(n.createdAt))).toEqual([
      '2022-06-02',
      '2022-06-02',
    ]);
    expect(await rowsOf(otherCadreId)).toEqual([]);
    const before = await count();
    const [second] = await runReminders(t.db, { townshipCode: TOWN, today: '2022-06-02' });
    expect(second).toMatchObject({ ran: false, notifications: 0 });
    expect(await count()).toBe(before);
  });

  it('runs once when two processes start it together; overdue nodes reach the assigner too', async () => {
    const runs = await Promise.all([
      runReminders(t.db, { townshipCode: TOWN, today: '2022-06-05' }),
      runReminders(t.db, { townshipCode: TOWN, today: '2022-06-05' }),
    ]);
    expect(runs.flat().filter((r) => r.ran)).toHaveLength(1);
    expect((await rowsOf(leaderId)).map((r) => r.kind)).toEqual(['signed', 'update', 'overdue', 'digest']);
    // the cadre: no second due_soon for the same deadline, the overdue one and the day's digest
    expect((await rowsOf(cadreId)).map((r) => r.kind)).toEqual(['assigned', 'due_soon', 'digest', 'overdue', 'digest']);
    expect(await rowsOf(otherCadreId)).toEqual([]);
  });
});

describe('outbound channels', () => {
  let received: { body: unknown }[] = [];
  let failNext = 0;
  let robot: http.Server;
  let robotUrl: string;

  beforeAll(async () => {
    robot = http.createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString()));
      req.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(500).end('down');
          return;
        }
        received.push({ body: JSON.parse(data) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=abcdef123456`;
  });
  afterAll(() => new Promise<void>((resolve) => robot.close(() => resolve())));

  it('is configured by the township’s leader, not by a village cadre; the robot’s key is masked', async () => {
    const put = { channels: [{ kind: 'wecom', url: robotUrl }] };
    expect((await t.call('PUT', '/api/notification-channels', cadre, put)).statusCode).toBe(403);
    expect((await t.call('GET', '/api/notification-channels', cadre)).statusCode).toBe(403);
    const saved = await t.ok('PUT', '/api/notification-channels', leader, put);
    expect(saved.channels).toHaveLength(1);
    expect(saved.channels[0]).toMatchObject({ kind: 'wecom', enabled: true, pending: 0 });
    expect(saved.channels[0].url).toMatch(/key=\*{8}3456$/);
    expect(JSON.stringify(await t.ok('GET', `/api/notification-channels?township=${TOWN}`, admin))).not.toContain('abcdef');
  });

  it('sends the township’s digest to the robot, retrying after a failure with a backoff', async () => {
    const [run] = await runReminders(t.db, { townshipCode: TOWN, today: '2022-06-06' });
    expect(run).toMatchObject({ ran: true, deliveries: 1 });
    failNext = 1;
    const now = new Date(Date.now() + 60_000);
    expect(await deliverOutbox(t.db, { now, log: () => undefined })).toEqual({ sent: 0, failed: 1 });
    const township = (await findUnit(t.db, { code: TOWN }))!;
    expect((await deliveriesOf(t.db, township.id))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await deliveriesOf(t.db, township.id))[0].lastError).toContain('HTTP 500');
    // not yet due again: nothing is sent
    expect(await deliverOutbox(t.db, { now: new Date(now.getTime() + 30_000) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverOutbox(t.db, { now: new Date(now.getTime() + 61_000) })).toEqual({ sent: 1, failed: 0 });
    expect((await deliveriesOf(t.db, township.id))[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(received).toHaveLength(1);
    expect(received[0].body).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('督办提醒（2022-06-06）') } });
    received = [];
  });

  it('sends e-mail through the township’s SMTP server', async () => {
    const mails: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          mails.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      const email = { kind: 'email', host: '127.0.0.1', port, secure: false, from: 'zhenwu@example.cn', to: ['office@example.cn'] };
      const saved = await t.ok('PUT', '/api/notification-channels', leader, { channels: [email, { kind: 'wecom' }] });
      expect(saved.channels.map((c: { kind: string }) => c.kind)).toEqual(['email', 'wecom']);
      await runReminders(t.db, { townshipCode: TOWN, today: '2022-06-07' });
      expect(await deliverOutbox(t.db, { now: new Date(Date.now() + 86_400_000) })).toEqual({ sent: 2, failed: 0 });
      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain('office@example.cn');
      expect(received).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
