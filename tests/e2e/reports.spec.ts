import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { dialogOpened, login, pickOption } from './helpers';

// The demo township lives on 2022-06-30: its leader opens the half-year report, switches it to the whole year,
// asks where a figure comes from, takes the Word file, saves the report as a version and finalizes it.

async function generate(page: Page) {
  await page.getByRole('button', { name: '生成报告' }).click();
  await expect(page.locator('.zw-report-sheet h1')).toBeVisible();
}

async function journey(page: Page, shot: string) {
  await login(page, 'shuji');
  await page.goto('/reports');
  // The built-in 半年工作汇报 for the first half of the township's today, the township itself.
  await expect(page.getByLabel('报告模板')).toBeVisible();
  await expect(page.locator('.ant-select').filter({ has: page.getByLabel('报告模板') })).toContainText('半年工作汇报');
  await generate(page);
  await expect(page.locator('.ant-card-head-title').filter({ hasText: '川山坪镇 · 2022年上半年' })).toBeVisible();
  await expect(page.locator('.zw-report-sheet h1')).toContainText('2022');

  // The whole year 2022 instead.
  await pickOption(page, page.getByLabel('期间类型'), '按年', '');
  await expect(page.getByText('条件已更改')).toBeVisible();
  await generate(page);
  await expect(page.locator('.ant-card-head-title').filter({ hasText: /川山坪镇 · 2022年(?!上)/ })).toBeVisible();
  await expect(page).toHaveURL(/period=2022(&|$)/);
  const title = (await page.locator('.zw-report-sheet h1').innerText()).trim();
  await page.screenshot({ path: `test-results/reports-${shot}.png`, fullPage: true });

  // An indicator figure opens "explain this number" with the records behind it.
  await page.locator('.zw-figure[data-figure-kind="value"]').first().click();
  const drawer = page.getByRole('dialog').filter({ hasText: '这个数怎么来的' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('2022年').first()).toBeVisible();
  await expect(drawer.locator('.ant-table-row').first()).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();
  await expect(drawer).toBeHidden();

  // Word: the file's document.xml carries the title.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const xml = strFromU8(files['word/document.xml']);
  expect(xml).toContain(title);

  // The print view opens in a new tab.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印/PDF' }).click()]);
  await expect(popup.locator('h1')).toContainText(title);
  await popup.close();

  // Save as a version, then finalize it.
  await page.getByRole('button', { name: '保存为版本' }).click();
  const save = page.getByRole('dialog', { name: '保存为版本' });
  await dialogOpened(save);
  await save.getByLabel('版本备注').fill(`e2e ${shot}`);
  await save.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page).toHaveURL(/\/reports\/versions\/\d+$/);
  await expect(page.getByText('草稿').first()).toBeVisible();
  await expect(page.locator('.zw-report-sheet h1')).toHaveText(title);
  await page.getByRole('button', { name: /定\s*稿$/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '定稿后这一版不能再修改' });
  await dialogOpened(confirm);
  await confirm.getByRole('button', { name: /定\s*稿$/ }).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '定稿' })).toBeVisible();
  await expect(page.getByRole('button', { name: /定\s*稿$/ })).toHaveCount(0);

  // Compared with today's data nothing changed.
  await pickOption(page, page.getByLabel('对比对象'), '与当前数据对比', '');
  await expect(page.getByText(/变化的数据（0 \/ \d+）/)).toBeVisible();

  // The version is listed.
  await page.goto('/reports?tab=versions');
  await expect(page.getByRole('cell', { name: `e2e ${shot}` })).toBeVisible();
}

test('a leader generates the half-year report, switches to the year, explains a figure, exports Word, saves and finalizes a version', async ({
  page,
}) => {
  await journey(page, 'desk');
});

test('the same on a phone: the text fits the screen, only the annex table scrolls sideways', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await journey(page, 'phone');
  await page.goto('/reports?template=half-year&period=2022S1&asOf=2022-06-30');
  await expect(page.locator('.zw-report-sheet h1')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  // the sheet itself is no wider than the screen: a paragraph is read without scrolling
  const sheet = await page.locator('.zw-report-sheet').boundingBox();
  expect(sheet!.x).toBeGreaterThanOrEqual(0);
  expect(sheet!.x + sheet!.width).toBeLessThanOrEqual(390);
});
