// Reports (报告) routes: rendering, templates, the township profile, saved versions and their files.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import * as c from '../../../core/contracts/reports.js';
import * as s from '../../../core/contracts/reports-requests.js';
import { documentText, type ReportDocument } from '../../../core/report-document.js';
import { AppError, invalid } from '../../http/app-error.js';
import { contextOf } from '../../http/context.js';
import { reportDocx } from './report-docx.js';
import { reportHtml } from './report-html.js';
import { dailyNotice } from './report-notice.service.js';
import { renderReport } from './report-render.service.js';
import { suggestFromFile, suggestFromText } from './report-suggest.service.js';
import { MAX_REPORT_FILE_BYTES } from './report-upload.js';
import { createTemplate, deleteTemplate, getProfile, getTemplate, listTemplates, saveProfile, updateTemplate } from './report-templates.service.js';
import { compareVersions, finalizeVersion, getVersion, listVersions, saveVersion, versionDocument } from './report-versions.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A report as a file: Word (attachment), the print view (inline HTML) or plain text. */
export async function sendReport(reply: FastifyReply, document: ReportDocument, format: 'text' | 'html' | 'docx', fileName: string) {
  const disposition = (ext: string, inline = false) =>
    `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(`${fileName}.${ext}`)}`;
  if (format === 'docx')
    return reply
      .header('content-type', DOCX)
      .header('content-disposition', disposition('docx'))
      .send(await reportDocx(document));
  if (format === 'html')
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', disposition('html', true))
      .send(reportHtml(document));
  return reply
    .header('content-type', 'text/plain; charset=utf-8')
    .header('content-disposition', disposition('txt', true))
    .send(documentText(document));
}

export async function reportsRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['报告'];

  app.post('/api/reports/render', { schema: { body: s.renderBody, tags } }, async (req, reply) => {
    const rendered = await renderReport(ctx(req), req.body);
    const { format } = req.body;
    if (format === 'json') {
      const { document, template, period, asOf, orgUnit } = rendered;
      return { document, template: { key: template.key, name: template.name }, period, asOf, orgUnit };
    }
    return sendReport(reply, rendered.document, format, `${rendered.template.name}-${rendered.orgUnit.name}-${rendered.period.label}`);
  });
  // The editor's live preview: names it cannot read are warnings beside the text instead of a 400.
  app.post('/api/reports/preview', { schema: { body: s.renderBody, response: { 200: c.renderedReport }, tags } }, async (req) => {
    const { document, template, period, asOf, orgUnit } = await renderReport(ctx(req), { ...req.body, lenient: true });
    return { document, template: { key: template.key, name: template.name }, period, asOf, orgUnit };
  });

  app.get('/api/reports/templates', { schema: { response: { 200: c.templateList }, tags } }, (req) => listTemplates(ctx(req)));
  app.post('/api/reports/templates', { schema: { body: s.createTemplateBody, response: { 201: c.templateDetail }, tags } }, async (req, reply) => {
    reply.status(201);
    return createTemplate(ctx(req), req.body);
  });
  const params = s.templateParams;
  app.get('/api/reports/templates/:key', { schema: { params, response: { 200: c.templateDetail }, tags } }, (req) =>
    getTemplate(ctx(req), req.params.key),
  );
  app.put('/api/reports/templates/:key', { schema: { params, body: s.updateTemplateBody, response: { 200: c.templateDetail }, tags } }, (req) =>
    updateTemplate(ctx(req), req.params.key, req.body),
  );
  app.delete('/api/reports/templates/:key', { schema: { params, tags } }, async (req, reply) => {
    await deleteTemplate(ctx(req), req.params.key);
    return reply.status(204).send();
  });

  app.get('/api/reports/profile', { schema: { response: { 200: c.townshipProfile }, tags } }, (req) => getProfile(ctx(req)));
  app.put('/api/reports/profile', { schema: { body: s.profileBody, response: { 200: c.townshipProfile }, tags } }, (req) =>
    saveProfile(ctx(req), req.body),
  );

  const versionParams = s.versionParams;
  app.get('/api/reports/versions', { schema: { querystring: s.versionListQuery, response: { 200: c.versionList }, tags } }, (req) =>
    listVersions(ctx(req), req.query),
  );
  app.post('/api/reports/versions', { schema: { body: s.saveVersionBody, response: { 201: c.versionDetail }, tags } }, async (req, reply) => {
    reply.status(201);
    return saveVersion(ctx(req), req.body);
  });
  app.get('/api/reports/versions/:id', { schema: { params: versionParams, response: { 200: c.versionDetail }, tags } }, (req) =>
    getVersion(ctx(req), req.params.id),
  );
  app.get('/api/reports/versions/:id/file', { schema: { params: versionParams, querystring: s.versionFormatQuery, tags } }, async (req, reply) => {
    const { document, fileName } = await versionDocument(ctx(req), req.params.id);
    return sendReport(reply, document, req.query.format, fileName);
  });
  app.post('/api/reports/versions/:id/finalize', { schema: { params: versionParams, response: { 200: c.versionDetail }, tags } }, (req) =>
    finalizeVersion(ctx(req), req.params.id),
  );
  app.get(
    '/api/reports/versions/:id/compare',
    { schema: { params: versionParams, querystring: s.compareQuery, response: { 200: c.versionComparison }, tags } },
    (req) => compareVersions(ctx(req), req.params.id, req.query.with),
  );

  // Turning a past report into a template: pasted text, or an uploaded .docx / .txt
  app.post('/api/reports/suggestions', { schema: { body: s.suggestBody, tags } }, (req) => suggestFromText(ctx(req), req.body.text, req.body.period));
  app.post('/api/reports/suggestions/upload', { schema: { tags } }, (req) =>
    suggestFromFile(ctx(req), async () => {
      const file = req.isMultipart() ? await req.file({ limits: { fileSize: MAX_REPORT_FILE_BYTES + 1, files: 1 } }) : undefined;
      if (!file) throw invalid([{ field: 'file', message: '请选择要上传的 .docx 或 .txt 文件' }], '未收到文件');
      try {
        return { filename: file.filename, mimetype: file.mimetype, bytes: await file.toBuffer() };
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${MAX_REPORT_FILE_BYTES / 1024 / 1024} MB 的上限，请只上传报告正文`);
        throw error;
      }
    }),
  );

  app.post('/api/reports/notices', { schema: { body: s.noticeBody, tags } }, async (req, reply) => {
    const notice = await dailyNotice(ctx(req), req.body);
    if (req.body.format === 'json') return notice;
    return sendReport(reply, notice.document, req.body.format, `${notice.document.title}-${notice.asOf}`);
  });
}
