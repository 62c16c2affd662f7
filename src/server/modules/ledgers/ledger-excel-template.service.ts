// The import template of a ledger: sheet 填报 with one column per field (dropdowns for choices and org units,
// text format for ID numbers so Excel keeps all 18 digits), sheet 填写说明 describing each column, and a hidden
// sheet 选项 holding the dropdown lists (an inline list is limited to 255 characters).
import ExcelJS from 'exceljs';
import { PERIOD_TYPE_NAMES, periodOf, type PeriodType } from '../../../core/periods.js';
import { chinaToday } from '../../../core/china-time.js';
import type { ServiceContext } from '../../http/context.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';
import { requireTownship } from '../../policy/access.js';
import { LEDGERS, ledgerOf } from './ledger-lookup.js';
import { definitionOf } from './ledger-records.service.js';
import { enterableUnits } from './ledger-record-units.js';
import { excelFields, headerOf, PERIOD_HEADER, UNIT_HEADER, UnitDirectory } from './ledger-excel-columns.js';
import { DATA_SHEET } from './ledger-import-reader.js';
import { fieldRules } from './ledger-import-rows.js';
import * as importRepo from './ledger-import.repository.js';

const LISTS_SHEET = '选项';
const TEXT_TYPES = new Set(['idcard', 'mobile', 'uscc', 'text', 'longtext']);
const PERIOD_EXAMPLE: Record<PeriodType, string> = {
  day: '20220615',
  week: '2022W24',
  month: '202206',
  quarter: '2022Q2',
  half: '2022S1',
  year: '2022',
};

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

export async function importTemplate(ctx: ServiceContext, key: string, maxRows: number) {
  const township = await requireTownship(ctx, 'ledger.write', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const { fields: all } = await definitionOf(ctx.db, ledger);
  const fields = excelFields(all);
  const townshipUnits = await importRepo.townshipUnits(ctx.db, township.path);
  const directory = new UnitDirectory(townshipUnits);
  const periodType = ledger.kind === 'periodic' ? (ledger.periodType as PeriodType) : null;
  const writable = enterableUnits(ctx, township, townshipUnits, periodType && periodOf(periodType, chinaToday()));

  const workbook = new ExcelJS.Workbook();
  const columns = [
    { header: `${UNIT_HEADER}*`, key: 'unit', width: 18 },
    ...(periodType ? [{ header: `${PERIOD_HEADER}*`, key: 'period', width: 12, style: { numFmt: '@' } }] : []),
    ...fields.map((f) => ({
      header: headerOf(f),
      key: f.key,
      width: Math.max(12, Math.min(30, headerOf(f).length * 2 + 4)),
      style: TEXT_TYPES.has(f.type)
        ? { numFmt: '@' }
        : f.type === 'date'
          ? { numFmt: 'yyyy-mm-dd' }
          : f.type === 'datetime'
            ? { numFmt: 'yyyy-mm-dd hh:mm' }
            : {},
    })),
  ];
  const sheet = addTableSheet(workbook, DATA_SHEET, columns);
  const instructions = addTableSheet(workbook, '填写说明', [
    { header: '列名', key: 'header', width: 20 },
    { header: '类型', key: 'type', width: 14 },
    { header: '必填', key: 'required', width: 8 },
    { header: '规则', key: 'rules', width: 40 },
    { header: '选项', key: 'choices', width: 40 },
    { header: '条件', key: 'condition', width: 30 },
  ]);
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  // exceljs writes range validations (one sqref per column) but does not declare `dataValidations` in its types.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;

  const last = maxRows + 1;
  let listColumn = 0;
  /** Puts a list on the hidden sheet and restricts the data column to it. */
  const dropdown = (column: number, title: string, items: string[], prompt: string) => {
    if (items.length === 0) return;
    listColumn++;
    const letter = columnLetter(listColumn);
    lists.getCell(`${letter}1`).value = title;
    items.forEach((item, i) => {
      lists.getCell(`${letter}${i + 2}`).value = item;
    });
    const target = columnLetter(column);
    validations.add(`${target}2:${target}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${items.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '输入有误',
      error: prompt,
    });
  };

  dropdown(
    1,
    UNIT_HEADER,
    writable.map((u) => directory.label(u)),
    '请从下拉列表中选择组织单元',
  );
  instructions.addRow({
    header: `${UNIT_HEADER}*`,
    type: '组织单元',
    required: '是',
    rules: periodType
      ? '按期填报的数据只能填到村（社区）：填写村（社区）的名称或12位统计代码；只能填写您有权录入的村'
      : '填写村（社区）、村民小组等的名称或12位以上的统计代码；重名的村民小组写成“村名/组名”；只能填写您有权录入的单元',
    choices: writable.length > 30 ? `见下拉列表（共 ${writable.length} 个）` : writable.map((u) => directory.label(u)).join('、'),
  });
  if (periodType) {
    instructions.addRow({
      header: `${PERIOD_HEADER}*`,
      type: `${PERIOD_TYPE_NAMES[periodType]}期间`,
      required: '是',
      rules: `例如 ${PERIOD_EXAMPLE[periodType]}；同一单元同一期间只能有一行，已填报过的期间不能再导入`,
    });
  }
  const offset = periodType ? 3 : 2;
  fields.forEach((f, i) => {
    const column = i + offset;
    if ((f.type === 'choice' || f.type === 'multichoice') && f.choices?.length) {
      // A multichoice cell holds several choices, which a list validation would refuse: described only.
      if (f.type === 'choice') dropdown(column, f.label, f.choices, `请从下拉列表中选择${f.label}`);
    }
    if (f.type === 'boolean') {
      const letter = columnLetter(column);
      validations.add(`${letter}2:${letter}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: ['"是,否"'],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '输入有误',
        error: '请选择“是”或“否”',
      });
    }
    const { type, rules, condition } = fieldRules(f, all);
    instructions.addRow({
      header: headerOf(f),
      type,
      required: f.required ? (f.when ? '条件必填' : '是') : '否',
      rules,
      choices: f.choices?.join('、') ?? (f.type === 'boolean' ? '是、否' : ''),
      condition,
    });
  });
  instructions.getColumn('rules').alignment = { wrapText: true, vertical: 'top' };
  instructions.addRow({});
  instructions.addRow({
    header:
      '说明：第一行为列名，请勿修改；从第二行起每行一条记录。带 * 的列必须填写。导入时先检查全部行，有任何错误都不会导入，请按错误清单改正后重新上传。',
  });

  return { fileName: `${ledger.name}导入模板.xlsx`, buffer: await workbookBuffer(workbook) };
}
