// Excel out, the way every table in Zhenwu exports: Chinese headers, bold frozen header row, one call to send.
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';

export type SheetColumn = Partial<ExcelJS.Column> & { header: string; key: string };

export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: SheetColumn[], rows: object[] = []) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function sendXlsx(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buffer);
}
