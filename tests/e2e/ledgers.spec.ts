import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { login, pickOption as pick } from './helpers';

// A 1×1 PNG: the server types attachments by their first bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('填报');
  sheet.addRow(['组织单元', '户主姓名', '走访类型', '家庭人口（人）']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('the party secretary defines a ledger, enters a record on a phone with a photo, imports, fixes and exports', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `走访登记${Date.now().toString(36).slice(-4)}`;
  await login(page, 'shuji');

  // 1. Define a ledger without code: text + choice + integer + photos
  await page.getByRole('menuitem', { name: '台账' }).click();
  await expect(page).toHaveURL(/\/ledgers$/);
  await page.getByRole('button', { name: '新建台账' }).click();
  await page.getByLabel('台账名称').fill(name);
  await page.getByLabel('第1个字段名称').fill('户主姓名');

  await page.getByRole('button', { name: '添加字段' }).click();
  await page.getByLabel('第2个字段名称').fill('走访类型');
  await pick(page, page.getByLabel('第2个字段类型'), '单选');
  const choices = page.getByLabel('第2个字段选项');
  await choices.fill('入户');
  await choices.press('Enter');
  await choices.fill('电话');
  await choices.press('Enter');

  await page.getByRole('button', { name: '添加字段' }).click();
  await page.getByLabel('第3个字段名称').fill('家庭人口');
  await pick(page, page.getByLabel('第3个字段类型'), '整数');
  await page.getByLabel('第3个字段单位').fill('人');
  await page.getByLabel('第3个字段最小值').fill('1');

  await page.getByRole('button', { name: '添加字段' }).click();
  await page.getByLabel('第4个字段名称').fill('现场照片');
  await pick(page, page.getByLabel('第4个字段类型'), '照片/附件');

  await page.getByRole('button', { name: '创建台账' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('登记型 · 第 1 版')).toBeVisible();
  const ledgerUrl = page.url();

  // 2. Enter a record on a phone-sized screen, with a photo; the browser checks as the server does
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: '新增记录' }).click();
  const drawer = page.getByRole('dialog', { name: `新增${name}记录` });
  await drawer.getByRole('combobox', { name: '所属单位' }).click();
  await page.keyboard.type('ytc');
  await page.locator('.ant-select-item-option').filter({ hasText: '燕塘村' }).click();
  await drawer.getByLabel('户主姓名').fill('王建国');
  await drawer.getByText('入户', { exact: true }).click();
  await drawer.getByLabel('家庭人口').fill('0');
  await drawer.locator('input[type=file]').setInputFiles({ name: 'xianchang.png', mimeType: 'image/png', buffer: PNG });
  await expect(drawer.locator('.ant-upload-list-item-done, .ant-upload-list-item-image').first()).toBeVisible();
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer.getByText('家庭人口不能小于1人')).toBeVisible();
  await drawer.getByLabel('家庭人口').fill('4');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByText('家庭人口：4人')).toBeVisible();
  await page.screenshot({ path: 'test-results/ledgers-phone-list.png', fullPage: true });

  // 3. Import an .xlsx with two bad rows: both errors are listed and nothing is stored
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(ledgerUrl);
  await page.getByRole('button', { name: '导入' }).click();
  const dialog = page.getByRole('dialog', { name: `导入${name}` });
  const template = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载导入模板' }).click();
  expect((await template).suggestedFilename()).toMatch(/\.xlsx$/);

  const bad = await workbook([
    ['燕塘村', '李明', '入户', 3],
    ['桥坪村', '张华', '上门', 5],
    ['燕塘村', '赵强', '电话', 0],
    ['川山村', '刘芳', '电话', 2],
    ['万林村', '陈刚', '入户', 6],
  ]);
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'bad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
  await expect(dialog.getByText('有问题的行')).toBeVisible();
  await expect(dialog.getByText(/共 2 行/)).toBeVisible();
  await expect(dialog.getByRole('cell', { name: '上门' })).toBeVisible();
  await expect(dialog.getByText(/家庭人口不能小于1人/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: /确认导入/ })).toBeDisabled();
  await page.screenshot({ path: 'test-results/ledgers-import-errors.png' });

  // Fixed file: every row passes and the commit stores all of them at once
  await dialog.getByRole('button', { name: '重新上传' }).click();
  const good = await workbook([
    ['燕塘村', '李明', '入户', 3],
    ['桥坪村', '张华', '入户', 5],
    ['燕塘村', '赵强', '电话', 1],
    ['川山村', '刘芳', '电话', 2],
    ['万林村', '陈刚', '入户', 6],
  ]);
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'good.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
  await expect(dialog.getByText('全部 5 行检查通过，确认后一次性导入')).toBeVisible();
  await dialog.getByRole('button', { name: /确认导入 5 条/ }).click();
  await expect(dialog.getByText('已导入 5 条记录')).toBeVisible();
  await dialog.getByRole('button', { name: /完\s*成/ }).click();
  await expect(page.getByText('共 6 条')).toBeVisible();
  // totals over the whole list
  await expect(page.locator('.ant-table-summary')).toContainText('21');

  // Pinyin initials find 王建国
  await page.getByPlaceholder(/拼音首字母/).fill('wjg');
  await page.getByPlaceholder(/拼音首字母/).press('Enter');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect(page.getByRole('cell', { name: '王建国' })).toBeVisible();
  await page.getByPlaceholder(/拼音首字母/).fill('');
  await page.getByPlaceholder(/拼音首字母/).press('Enter');
  await expect(page.getByText('共 6 条')).toBeVisible();

  // 4. Export the list and read the file back
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const file = await (await exported).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  expect(headers.some((h) => h.startsWith('户主姓名'))).toBe(true);
  const nameColumn = headers.findIndex((h) => h.startsWith('户主姓名'));
  const names: string[] = [];
  sheet.eachRow((row, i) => {
    if (i > 1) names.push(String(row.getCell(nameColumn).value));
  });
  expect(names.sort()).toEqual(['刘芳', '张华', '李明', '王建国', '赵强', '陈刚'].sort());
});

test('two people edit one record: the second save shows the other change and decides; delete and restore', async ({ page, baseURL }) => {
  await login(page, 'shuji');
  const key = `conflict_${Date.now().toString(36)}`;
  const headers = { Origin: baseURL! };
  const created = await page.request.post('/api/ledgers', {
    headers,
    data: {
      key,
      name: `入户核查${key.slice(-4)}`,
      kind: 'register',
      fields: [
        { key: 'head', label: '户主姓名', type: 'text', required: true },
        { key: 'members', label: '家庭人口', type: 'integer', unit: '人' },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const record = await (
    await page.request.post(`/api/ledgers/${key}/records`, { headers, data: { orgUnit: '430681105229', values: { head: '周大勇', members: 3 } } })
  ).json();

  await page.goto(`/ledgers/${key}`);
  await page
    .locator('td button')
    .filter({ hasText: /编\s*辑/ })
    .click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`记录 ${record.id}`) });
  await drawer.getByLabel('家庭人口').fill('5');
  // meanwhile someone else saves the record
  const other = await page.request.patch(`/api/ledgers/${key}/records/${record.id}`, {
    headers,
    data: { version: record.version, values: { members: 4 } },
  });
  expect(other.ok()).toBe(true);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer.getByText('这条记录已被他人修改')).toBeVisible();
  await expect(drawer.getByRole('cell', { name: '4人' })).toBeVisible();
  await expect(drawer.getByRole('cell', { name: '5人' })).toBeVisible();
  await page.screenshot({ path: 'test-results/ledgers-conflict.png' });
  await drawer.getByRole('button', { name: '仍以我的填写为准保存' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.locator('tbody').getByRole('cell', { name: '5', exact: true })).toBeVisible();

  // the history shows both changes
  await page
    .locator('td button')
    .filter({ hasText: /编\s*辑/ })
    .click();
  await drawer.getByText('修改历史').click();
  await expect(drawer.locator('.ant-tag').filter({ hasText: '修改' })).toHaveCount(2);

  // soft delete, then the township leader restores it
  await drawer.getByRole('button', { name: /删\s*除/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await expect(drawer).toBeHidden();
  await expect(page.getByText('暂无记录')).toBeVisible();
  await page.getByLabel('只看已删除').click();
  await expect(page.getByRole('cell', { name: '周大勇' })).toBeVisible();
  await page
    .locator('td button')
    .filter({ hasText: /恢\s*复/ })
    .click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /恢\s*复/ })
    .click();
  await expect(page.getByText('已恢复')).toBeVisible();
  await page.getByLabel('只看已删除').click();
  await expect(page.getByRole('cell', { name: '周大勇' })).toBeVisible();
});

test("a periodic grid: per-cell errors, an all-or-nothing save and a conflict with someone else's figures", async ({ page, baseURL }) => {
  await login(page, 'shuji');
  // a ledger of its own, so the demo figures that reports read stay as they are
  const key = `grid_${Date.now().toString(36)}`;
  const headers = { Origin: baseURL! };
  const created = await page.request.post('/api/ledgers', {
    headers,
    data: {
      key,
      name: `参保月报${key.slice(-4)}`,
      kind: 'periodic',
      periodType: 'month',
      fields: [
        { key: 'paid', label: '养老保险缴费', type: 'integer', unit: '人', min: 0 },
        { key: 'note', label: '备注', type: 'text' },
      ],
    },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/ledgers/${key}/grid`);
  await expect(page.getByText('已填报 0 / 17')).toBeVisible();
  const cell = page.getByLabel('燕塘村 养老保险缴费');
  await cell.fill('-3');
  await page.getByRole('button', { name: '全部保存' }).click();
  await expect(page.getByText('养老保险缴费不能小于0人')).toBeVisible();

  await cell.fill('30');
  await page.getByLabel('桥坪村 养老保险缴费').fill('12');
  await page.getByRole('button', { name: '全部保存' }).click();
  await expect(page.getByText('已保存 2 个村（社区）的数据')).toBeVisible();
  await expect(page.getByText('已填报 2 / 17')).toBeVisible();
  await expect(page.locator('.ant-table-summary')).toContainText('42');

  // someone else saves 燕塘村 while this user is typing
  await cell.fill('31');
  const period =
    new URL(page.url()).searchParams.get('period') ??
    (await (await page.request.get(`/api/ledgers/${key}/records?pageSize=1`)).json()).items[0].period;
  const grid = await (await page.request.get(`/api/ledgers/${key}/periods/${period}`)).json();
  const row = grid.items.find((r: { orgUnit: { name: string } }) => r.orgUnit.name === '燕塘村');
  const other = await page.request.put(`/api/ledgers/${key}/periods/${period}`, {
    headers,
    data: { rows: [{ orgUnit: row.orgUnit.code, version: row.version, values: { paid: 29 } }] },
  });
  expect(other.ok()).toBe(true);
  await page.getByRole('button', { name: '全部保存' }).click();
  await expect(page.getByText('以下村（社区）的数据在您填写期间已被他人修改')).toBeVisible();
  await expect(page.getByText(/保存为 养老保险缴费 29人/)).toBeVisible();
  await page.getByRole('button', { name: '仍以我的填写为准' }).click();
  await page.getByRole('button', { name: '全部保存' }).click();
  await expect(page.getByText('已保存 1 个村（社区）的数据')).toBeVisible();
  await expect(cell).toHaveValue('31');
});

test('a hazard moves along its workflow; the step that needs a photo refuses to go without one', async ({ page, baseURL }) => {
  await login(page, 'shuji');
  const key = `hazard_${Date.now().toString(36)}`;
  const headers = { Origin: baseURL! };
  const created = await page.request.post('/api/ledgers', {
    headers,
    data: {
      key,
      name: `隐患整改${key.slice(-4)}`,
      kind: 'register',
      fields: [{ key: 'place', label: '隐患地点', type: 'text', required: true }],
      workflow: {
        states: [
          { key: 'pending', label: '待整改' },
          { key: 'fixing', label: '整改中' },
          { key: 'fixed', label: '已整改' },
          { key: 'closed', label: '已销号', final: true },
        ],
        initial: 'pending',
        transitions: [
          { from: 'pending', to: 'fixing', label: '开始整改' },
          { from: 'fixing', to: 'fixed', label: '整改完成', requirePhoto: true },
          { from: 'fixed', to: 'closed', label: '销号' },
        ],
      },
    },
  });
  expect(created.status()).toBe(201);
  const record = await (
    await page.request.post(`/api/ledgers/${key}/records`, { headers, data: { orgUnit: '430681105229', values: { place: '村部旁老桥' } } })
  ).json();

  await page.goto(`/ledgers/${key}`);
  await expect(page.locator('tbody .ant-tag')).toHaveText('待整改');
  await page
    .locator('td button')
    .filter({ hasText: /编\s*辑/ })
    .click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`记录 ${record.id}`) });
  await drawer.getByRole('button', { name: '开始整改' }).click();
  const modal = page.getByRole('dialog', { name: /开始整改/ });
  await modal.getByRole('button', { name: /确\s*认/ }).click();
  await expect(drawer.locator('.ant-drawer-extra')).toHaveText('整改中');

  await drawer.getByRole('button', { name: /整改完成/ }).click();
  const finish = page.getByRole('dialog', { name: /整改完成/ });
  await finish.getByRole('button', { name: /确\s*认/ }).click();
  await expect(finish.getByText('“整改完成”需要上传照片')).toBeVisible();
  await finish.locator('input[type=file]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: PNG });
  await expect(finish.locator('.ant-upload-list-item-done, .ant-upload-list-item-image').first()).toBeVisible();
  await finish.getByRole('button', { name: /确\s*认/ }).click();
  await expect(drawer.locator('.ant-drawer-extra')).toHaveText('已整改');
  await drawer.getByText('修改历史').click();
  await expect(drawer.getByText('状态：整改中 → 已整改')).toBeVisible();
  await expect(drawer.locator('.ant-timeline img')).toHaveCount(1);
});

test('a date range narrows the list to the contracts signed in the first half of 2022', async ({ page }) => {
  await login(page, 'shuji');
  await page.goto('/ledgers/land_transfer');
  const total = page.locator('.ant-pagination-total-text');
  await expect(total).toContainText('共');
  const all = Number((await total.textContent())!.replace(/\D/g, ''));

  const expected = await page.evaluate(async () => {
    const res = await fetch('/api/ledgers/land_transfer/records?pageSize=1&f.signed_on=2022-01-01..2022-06-30');
    return (await res.json()).total as number;
  });
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(all);

  await page.getByPlaceholder('签订日期起').click();
  await page.getByPlaceholder('签订日期起').fill('2022-01-01');
  await page.getByPlaceholder('签订日期起').press('Enter');
  await page.getByPlaceholder('止').fill('2022-06-30');
  await page.getByPlaceholder('止').press('Enter');
  await expect(total).toHaveText(`共 ${expected} 条`);
});
