import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { contextOf } from '../../http/context.js';
import * as s from './ledgers.schemas.js';
import { createLedger, getLedger, installLibrary, listLedgers, listLibrary, setFields, setWorkflow } from './ledger-definitions.service.js';
import {
  createRecord, deleteRecord, getRecord, listRecords, recordHistory, restoreRecord, transitionRecord, updateRecord,
} from './ledger-records.service.js';
import { periodGrid, savePeriodGrid } from './ledger-periods.service.js';
import {
  approvePeriod, overdueSubmissions, periodSubmissions, returnPeriod, submitPeriod, unlockPeriod,
} from './ledger-submissions.service.js';

export async function ledgersRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['台账'];

  app.get('/api/ledgers', { schema: { tags } }, (req) => listLedgers(ctx(req)));
  app.post('/api/ledgers', { schema: { body: s.createLedgerBody, tags } }, async (req, reply) => {
    reply.status(201);
    return createLedger(ctx(req), req.body);
  });
  app.get('/api/ledger-library', { schema: { tags } }, (req) => listLibrary(ctx(req)));
  app.post('/api/ledger-library/install', { schema: { body: s.installLibraryBody, tags } }, (req) => installLibrary(ctx(req), req.body.keys));
  app.get('/api/ledgers/:key', { schema: { params: s.keyParams, tags } }, (req) => getLedger(ctx(req), req.params.key));
  app.put('/api/ledgers/:key/fields', { schema: { params: s.keyParams, body: s.fieldsBody, tags } },
    (req) => setFields(ctx(req), req.params.key, req.body.fields));
  app.put('/api/ledgers/:key/workflow', { schema: { params: s.keyParams, body: s.workflowBody, tags } },
    (req) => setWorkflow(ctx(req), req.params.key, req.body.workflow));

  app.get('/api/ledgers/:key/periods/:period', { schema: { params: s.periodParams, tags } },
    (req) => periodGrid(ctx(req), req.params.key, req.params.period));
  app.put('/api/ledgers/:key/periods/:period', { schema: { params: s.periodParams, body: s.gridBody, tags } },
    (req) => savePeriodGrid(ctx(req), req.params.key, req.params.period, req.body));

  const submissions = '/api/ledgers/:key/submissions/:period';
  app.get(submissions, { schema: { params: s.periodParams, tags } },
    (req) => periodSubmissions(ctx(req), req.params.key, req.params.period));
  app.post(`${submissions}/submit`, { schema: { params: s.periodParams, body: s.submitBody, tags } },
    (req) => submitPeriod(ctx(req), req.params.key, req.params.period, req.body.orgUnit));
  app.post(`${submissions}/approve`, { schema: { params: s.periodParams, body: s.approveBody, tags } },
    (req) => approvePeriod(ctx(req), req.params.key, req.params.period, req.body.orgUnits));
  app.post(`${submissions}/return`, { schema: { params: s.periodParams, body: s.returnBody, tags } },
    (req) => returnPeriod(ctx(req), req.params.key, req.params.period, req.body.orgUnit, req.body.reason));
  app.post(`${submissions}/unlock`, { schema: { params: s.periodParams, body: s.unlockBody, tags } },
    (req) => unlockPeriod(ctx(req), req.params.key, req.params.period, req.body.orgUnit, req.body.reason));
  app.get('/api/submissions/overdue', { schema: { querystring: s.overdueQuery, tags } },
    (req) => overdueSubmissions(ctx(req), req.query.asOf));

  app.get('/api/ledgers/:key/records', { schema: { params: s.keyParams, querystring: s.recordsQuery, tags } },
    (req) => listRecords(ctx(req), req.params.key, req.query));
  app.post('/api/ledgers/:key/records', { schema: { params: s.keyParams, body: s.createRecordBody, tags } }, async (req, reply) => {
    reply.status(201);
    return createRecord(ctx(req), req.params.key, req.body.orgUnit, req.body.values);
  });
  app.get('/api/ledgers/:key/records/:id', { schema: { params: s.recordParams, tags } },
    (req) => getRecord(ctx(req), req.params.key, req.params.id));
  app.patch('/api/ledgers/:key/records/:id', { schema: { params: s.recordParams, body: s.updateRecordBody, tags } },
    (req) => updateRecord(ctx(req), req.params.key, req.params.id, req.body.version, req.body.values));
  app.delete('/api/ledgers/:key/records/:id', { schema: { params: s.recordParams, tags } }, async (req, reply) => {
    await deleteRecord(ctx(req), req.params.key, req.params.id);
    return reply.status(204).send();
  });
  app.post('/api/ledgers/:key/records/:id/restore', { schema: { params: s.recordParams, tags } },
    (req) => restoreRecord(ctx(req), req.params.key, req.params.id));
  app.post('/api/ledgers/:key/records/:id/transition', { schema: { params: s.recordParams, body: s.transitionBody, tags } },
    (req) => transitionRecord(ctx(req), req.params.key, req.params.id, req.body));
  app.get('/api/ledgers/:key/records/:id/history', { schema: { params: s.recordParams, tags } },
    (req) => recordHistory(ctx(req), req.params.key, req.params.id));
}
