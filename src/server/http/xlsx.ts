// Excel out, the way every table in Zhenwu exports: Chinese headers, bold frozen header row, one call to send.
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { withoutUnsafeCharacters } from '../../core/safe-text.js';

export type SheetColumn = Partial<ExcelJS.Column> & { header: string; key: string };

export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: SheetColumn[], rows: object[] = []) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

/**
 * The file's bytes. Text cells lose characters XML cannot carry (values stored before the input guard existed),
 * which would otherwise make the whole file unreadable in Excel.
 */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = withoutUnsafeCharacters(cell.value);
      }),
    ),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A row's text values as an xlsx can hold them, for sheets written as a stream. */
export function safeCells<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? withoutUnsafeCharacters(v) : v])) as T;
}

export function sendXlsx(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buffer);
}
