import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('the party secretary reads, edits and exports the cadre organisation', async ({ page }) => {
  await login(page, 'shuji');
  await page.getByRole('menuitem', { name: '组线包村' }).click();
  await expect(page.getByText('第一大组')).toBeVisible();
  await expect(page.getByText('第一小组')).toBeVisible();

  await page.getByRole('tab', { name: '表格视图' }).click();
  await expect(page.getByRole('cell', { name: '第一小组' })).toBeVisible();

  await page.getByRole('tab', { name: '工作条线' }).click();
  await page.getByRole('button', { name: '新增条线' }).click();
  const dialog = page.getByRole('dialog', { name: '新增工作条线' });
  await dialog.getByLabel('条线名称').fill('测试条线');
  await dialog.getByLabel('分管领导').fill('测试领导');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const row = page.getByRole('row', { name: /测试条线/ });
  await expect(row).toContainText('测试领导');
  await row.getByRole('button', { name: '删除测试条线' }).click();
  await page
    .getByRole('button', { name: /删\s*除/ })
    .last()
    .click();
  await expect(page.getByRole('row', { name: /测试条线/ })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test('a village cadre sees the cadre organisation without edit controls', async ({ page }) => {
  await login(page, 'cun229');
  await page.goto('/cadre');
  await expect(page.getByText('第一大组')).toBeVisible();
  await expect(page.getByRole('button', { name: '新增大组' })).toHaveCount(0);
});

test("the administrator (above townships) sees the demo township's cadre organisation", async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/cadre');
  await expect(page.getByText('第一大组')).toBeVisible();
  await page.getByRole('tab', { name: '工作条线' }).click();
  await expect(page.getByRole('button', { name: '新增条线' })).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
});
