import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { contextOf } from '../../http/context.js';
import * as s from './ledgers.schemas.js';
import * as c from '../../../core/contracts/ledgers.js';
import { createLedger, getLedger, installLibrary, listLedgers, listLibrary, setFields, setWorkflow } from './ledger-definitions.service.js';
import {
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  recordHistory,
  restoreRecord,
  transitionRecord,
  updateRecord,
} from './ledger-records.service.js';
import { periodGrid, savePeriodGrid } from './ledger-periods.service.js';
import { approvePeriod, overdueSubmissions, periodSubmissions, returnPeriod, submitPeriod, unlockPeriod } from './ledger-submissions.service.js';

export async function ledgersRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['台账'];

  app.get('/api/ledgers', { schema: { response: { 200: c.ledgerList }, tags } }, (req) => listLedgers(ctx(req)));
  app.post('/api/ledgers', { schema: { body: s.createLedgerBody, response: { 201: c.ledger }, tags } }, async (req, reply) => {
    reply.status(201);
    return createLedger(ctx(req), req.body);
  });
  app.get('/api/ledger-library', { schema: { response: { 200: c.ledgerLibrary }, tags } }, (req) => listLibrary(ctx(req)));
  app.post('/api/ledger-library/install', { schema: { body: s.installLibraryBody, response: { 200: c.libraryInstalled }, tags } }, (req) =>
    installLibrary(ctx(req), req.body.keys),
  );
  app.get('/api/ledgers/:key', { schema: { params: s.keyParams, response: { 200: c.ledger }, tags } }, (req) => getLedger(ctx(req), req.params.key));
  app.put('/api/ledgers/:key/fields', { schema: { params: s.keyParams, body: s.fieldsBody, response: { 200: c.ledger }, tags } }, (req) =>
    setFields(ctx(req), req.params.key, req.body.fields),
  );
  app.put('/api/ledgers/:key/workflow', { schema: { params: s.keyParams, body: s.workflowBody, response: { 200: c.ledger }, tags } }, (req) =>
    setWorkflow(ctx(req), req.params.key, req.body.workflow),
  );

  app.get('/api/ledgers/:key/periods/:period', { schema: { params: s.periodParams, response: { 200: c.grid }, tags } }, (req) =>
    periodGrid(ctx(req), req.params.key, req.params.period),
  );
  app.put(
    '/api/ledgers/:key/periods/:period',
    { schema: { params: s.periodParams, body: s.gridBody, response: { 200: c.gridSaved }, tags } },
    (req) => savePeriodGrid(ctx(req), req.params.key, req.params.period, req.body),
  );

  const submissions = '/api/ledgers/:key/submissions/:period';
  app.get(submissions, { schema: { params: s.periodParams, response: { 200: c.periodSubmissions }, tags } }, (req) =>
    periodSubmissions(ctx(req), req.params.key, req.params.period),
  );
  app.post(`${submissions}/submit`, { schema: { params: s.periodParams, body: s.submitBody, response: { 200: c.submission }, tags } }, (req) =>
    submitPeriod(ctx(req), req.params.key, req.params.period, req.body.orgUnit),
  );
  app.post(`${submissions}/approve`, { schema: { params: s.periodParams, body: s.approveBody, response: { 200: c.submissionList }, tags } }, (req) =>
    approvePeriod(ctx(req), req.params.key, req.params.period, req.body.orgUnits),
  );
  app.post(`${submissions}/return`, { schema: { params: s.periodParams, body: s.returnBody, response: { 200: c.submission }, tags } }, (req) =>
    returnPeriod(ctx(req), req.params.key, req.params.period, req.body.orgUnit, req.body.reason),
  );
  app.post(`${submissions}/unlock`, { schema: { params: s.periodParams, body: s.unlockBody, response: { 200: c.submission }, tags } }, (req) =>
    unlockPeriod(ctx(req), req.params.key, req.params.period, req.body.orgUnit, req.body.reason),
  );
  app.get('/api/submissions/overdue', { schema: { querystring: s.overdueQuery, response: { 200: c.overdueSubmissions }, tags } }, (req) =>
    overdueSubmissions(ctx(req), req.query.asOf),
  );

  app.get(
    '/api/ledgers/:key/records',
    { schema: { params: s.keyParams, querystring: s.recordsQuery, response: { 200: c.recordList }, tags } },
    (req) => listRecords(ctx(req), req.params.key, req.query),
  );
  const createSchema = { params: s.keyParams, body: s.createRecordBody, response: { 201: c.ledgerRecord }, tags };
  app.post('/api/ledgers/:key/records', { schema: createSchema }, async (req, reply) => {
    reply.status(201);
    return createRecord(ctx(req), req.params.key, req.body.orgUnit, req.body.values);
  });
  app.get('/api/ledgers/:key/records/:id', { schema: { params: s.recordParams, response: { 200: c.ledgerRecord }, tags } }, (req) =>
    getRecord(ctx(req), req.params.key, req.params.id),
  );
  app.patch(
    '/api/ledgers/:key/records/:id',
    { schema: { params: s.recordParams, body: s.updateRecordBody, response: { 200: c.ledgerRecord }, tags } },
    (req) => updateRecord(ctx(req), req.params.key, req.params.id, req.body.version, req.body.values),
  );
  app.delete('/api/ledgers/:key/records/:id', { schema: { params: s.recordParams, tags } }, async (req, reply) => {
    await deleteRecord(ctx(req), req.params.key, req.params.id);
    return reply.status(204).send();
  });
  app.post('/api/ledgers/:key/records/:id/restore', { schema: { params: s.recordParams, response: { 200: c.ledgerRecord }, tags } }, (req) =>
    restoreRecord(ctx(req), req.params.key, req.params.id),
  );
  app.post(
    '/api/ledgers/:key/records/:id/transition',
    { schema: { params: s.recordParams, body: s.transitionBody, response: { 200: c.ledgerRecord }, tags } },
    (req) => transitionRecord(ctx(req), req.params.key, req.params.id, req.body),
  );
  app.get('/api/ledgers/:key/records/:id/history', { schema: { params: s.recordParams, response: { 200: c.recordHistory }, tags } }, (req) =>
    recordHistory(ctx(req), req.params.key, req.params.id),
  );
}
