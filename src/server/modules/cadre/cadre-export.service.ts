// The cadre organisation as the township office prints it: one sheet of groups, one of work lines.
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../http/context.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';
import { townshipFor } from './cadre-access.js';
import * as repo from './cadre.repository.js';
import { loadTree, type CadreGroupView } from './cadre.service.js';

const joinNames = (names: string[]) => names.join('、');

function groupRow(bigName: string, smallName: string, group: CadreGroupView) {
  return {
    big: bigName,
    small: smallName,
    leader: group.leader?.name ?? '',
    position: group.leader?.position ?? '',
    members: joinNames(group.members.filter((m) => !m.isLeader).map((m) => (m.position ? `${m.name}（${m.position}）` : m.name))),
    villages: joinNames(group.villages.map((v) => v.name)),
  };
}

export async function exportCadre(ctx: ServiceContext, townshipCode?: string): Promise<{ township: string; buffer: Buffer }> {
  const township = await townshipFor(ctx, ctx.db, 'cadre.read', townshipCode);
  const [tree, lines] = await Promise.all([loadTree(ctx.db, township.id), repo.listWorkLines(ctx.db, township.id)]);
  const workbook = new ExcelJS.Workbook();

  const groups = addTableSheet(workbook, '组线包村', [
    { header: '大组', key: 'big', width: 14 },
    { header: '小组', key: 'small', width: 14 },
    { header: '组长', key: 'leader', width: 10 },
    { header: '职务', key: 'position', width: 16 },
    { header: '成员', key: 'members', width: 48 },
    { header: '包联村', key: 'villages', width: 30 },
  ]);
  for (const big of tree) {
    // The big group's own row carries its leader (the 党政负责干部); its villages are those of its small groups.
    groups.addRow(big.kind === 'big' ? groupRow(big.name, '', big) : groupRow('', big.name, big));
    for (const small of big.children) groups.addRow(groupRow(big.name, small.name, small));
  }
  groups.getColumn('members').alignment = { wrapText: true, vertical: 'top' };

  const workLines = addTableSheet(workbook, '工作条线', [
    { header: '条线', key: 'name', width: 16 },
    { header: '负责领导', key: 'leaderName', width: 12 },
    { header: '说明', key: 'description', width: 60 },
  ]);
  for (const line of lines) workLines.addRow({ name: line.name, leaderName: line.leaderName ?? '', description: line.description ?? '' });

  return { township: township.name, buffer: await workbookBuffer(workbook) };
}
