// The filtered record list as .xlsx, every page of it, with the import template's headers (so an export can
// be edited and imported again). ID numbers and mobiles are masked as in the list; an export that carries any
// of them unmasked is audited (ledger.export_personal).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { chinaTimestamp } from '../../../core/china-time.js';
import { stateLabel } from '../../../core/ledger-workflow.js';
import { PERSONAL_FIELD_TYPES } from '../../../core/masking.js';
import { invalid } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { safeCells } from '../../http/xlsx.js';
import { recordAudit } from '../audit/index.js';
import { sealQueryFilters } from '../personal-data/index.js';
import { exportRecords } from './ledger-records.service.js';
import type { RecordsQuery } from './ledgers.schemas.js';
import { excelFields, headerOf, PERIOD_HEADER, UNIT_HEADER, UnitDirectory, valueToCell } from './ledger-excel-columns.js';
import * as importRepo from './ledger-import.repository.js';

const TEXT_TYPES = new Set(['idcard', 'mobile', 'uscc']);

export async function exportRecordsXlsx(ctx: ServiceContext, key: string, query: RecordsQuery, maxRows: number) {
  const { township, ledger, definition, items } = await exportRecords(ctx, key, query, maxRows + 1);
  if (items.length > maxRows) {
    throw invalid(
      [{ field: 'query', message: `符合条件的记录超过 ${maxRows.toLocaleString('en-US')} 条，请缩小筛选范围后分批导出` }],
      '导出的记录过多',
    );
  }
  const fields = excelFields(definition.fields);
  const units = new UnitDirectory(await importRepo.townshipUnits(ctx.db, township.path));
  const workflow = definition.workflow;

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(ledger.name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: UNIT_HEADER, key: 'unit', width: 18 },
    ...(ledger.kind === 'periodic' ? [{ header: PERIOD_HEADER, key: 'period', width: 12 }] : []),
    ...(workflow ? [{ header: '状态', key: 'status', width: 10 }] : []),
    ...fields.map((f) => ({
      header: headerOf(f),
      key: f.key,
      width: TEXT_TYPES.has(f.type) ? 22 : 14,
      style: TEXT_TYPES.has(f.type) ? { numFmt: '@' } : {},
    })),
    { header: '更新时间', key: 'updatedAt', width: 20 },
    { header: '更新人', key: 'updatedBy', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const personal = fields.filter((f) => PERSONAL_FIELD_TYPES.has(f.type));
  let unmaskedRows = 0;
  for (const item of items) {
    const unit = units.unitOfCode(item.orgUnit.code);
    const row: Record<string, unknown> = {
      unit: unit ? units.label(unit) : item.orgUnit.name,
      period: item.period ?? '',
      status: workflow ? stateLabel(workflow, item.status) : '',
      updatedAt: chinaTimestamp(item.updatedAt),
      updatedBy: item.updatedBy ?? '',
    };
    for (const f of fields) row[f.key] = valueToCell(f, item.values[f.key], units);
    if (!item.masked && personal.some((f) => item.values[f.key] != null && item.values[f.key] !== '')) unmaskedRows++;
    sheet.addRow(safeCells(row)).commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;

  if (unmaskedRows > 0) {
    const { page: _page, pageSize: _pageSize, ...asked } = query;
    // An ID number typed into a filter is personal data too: stored encrypted like the records' (audit read opens it).
    const filter = sealQueryFilters(definition.fields, asked);
    await recordAudit(ctx.db, ctx.actor, {
      action: 'ledger.export_personal',
      entity: 'ledger',
      entityId: ledger.id,
      townshipId: township.id,
      after: { ledger: ledger.key, filter, rows: items.length, unmaskedRows, fields: personal.map((f) => f.key) },
    });
  }
  return { fileName: `${ledger.name}.xlsx`, buffer: Buffer.concat(chunks) };
}
