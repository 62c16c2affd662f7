// Excel copies of the org tables a user sees: children of a unit, and the merge campaign's progress.
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../http/context.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';
import { getUnit, listUnits } from './org.service.js';
import { mergeProgress } from './org-merge.service.js';

const since = (date: string | null) => (date && date !== '1900-01-01' ? date : '');

export async function exportChildren(ctx: ServiceContext, query: { parent: string; asOf?: string; includeClosed?: boolean }) {
  const parent = await getUnit(ctx, query.parent);
  const { items } = await listUnits(ctx, query);
  const workbook = new ExcelJS.Workbook();
  addTableSheet(
    workbook,
    '下级单位',
    [
      { header: '统计代码', key: 'code', width: 20 },
      { header: '名称', key: 'name', width: 18 },
      { header: '级别', key: 'levelName', width: 12 },
      { header: '上级', key: 'parent', width: 16 },
      { header: '设立日期', key: 'validFrom', width: 12 },
      { header: '撤销日期', key: 'validTo', width: 12 },
      { header: '并入', key: 'mergedInto', width: 20 },
      { header: '下级数', key: 'childCount', width: 8 },
    ],
    items.map((u) => ({ ...u, parent: parent.name, validFrom: since(u.validFrom), validTo: u.validTo ?? '', mergedInto: u.mergedInto ?? '' })),
  );
  return { fileName: `${parent.name}下级单位.xlsx`, buffer: await workbookBuffer(workbook) };
}

export async function exportMergeProgress(ctx: ServiceContext, townshipCode: string) {
  const progress = await mergeProgress(ctx, townshipCode);
  const workbook = new ExcelJS.Workbook();
  const sheet = addTableSheet(
    workbook,
    '合组进度',
    [
      { header: '村(社区)', key: 'name', width: 16 },
      { header: '统计代码', key: 'code', width: 16 },
      { header: '合组前组数', key: 'groupsBefore', width: 12 },
      { header: '现有组数', key: 'groupsNow', width: 10 },
      { header: '计划组数', key: 'groupsPlanned', width: 10 },
      { header: '是否完成', key: 'done', width: 10 },
    ],
    progress.items.map((i) => ({ ...i, groupsPlanned: i.groupsPlanned ?? '未定', done: i.done ? '已完成' : '未完成' })),
  );
  const t = progress.totals;
  const total = sheet.addRow({
    name: '合计',
    code: `${t.villagesDone}/${t.villages} 村完成`,
    groupsBefore: t.groupsBefore,
    groupsNow: t.groupsNow,
    groupsPlanned: t.groupsPlanned,
    done: t.progressPercent == null ? '—' : `${t.progressPercent}%`,
  });
  total.font = { bold: true };
  return { fileName: `${progress.township.name}合组进度.xlsx`, buffer: await workbookBuffer(workbook) };
}
