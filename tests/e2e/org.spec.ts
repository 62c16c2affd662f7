import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('the party secretary finds 燕塘村 by search and sees its villager groups', async ({ page }) => {
  await login(page, 'shuji');
  await page.getByRole('menuitem', { name: '组织树' }).click();
  await expect(page).toHaveURL(/\/org$/);
  // The township is shown by default with its villages
  await expect(page.getByRole('heading', { name: '川山坪镇' })).toBeVisible();

  const search = page.getByPlaceholder('搜索名称、代码或拼音首字母');
  await search.fill('燕塘');
  await page.getByRole('option', { name: /燕塘村/ }).click();
  await expect(page).toHaveURL(/\/org\/430681105229$/);
  await expect(page.getByRole('heading', { name: '燕塘村' })).toBeVisible();
  const children = page.locator('.ant-table');
  await expect(children.getByRole('link', { name: '一组' })).toBeVisible();
  await expect(children.getByRole('link', { name: '二组' })).toBeVisible();
  // The tree expands to the unit and lists the groups too
  await expect(page.locator('.ant-tree').getByText('燕塘村')).toBeVisible();

  // Pinyin initials find it as well
  await search.fill('ytc');
  await expect(page.getByRole('option', { name: /燕塘村/ })).toBeVisible();
});

test('a village cadre opens his own village but not another one', async ({ page }) => {
  await login(page, 'cun229');
  await page.goto('/org/430681105228');
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.locator('.ant-result-403')).toContainText('桥坪村');

  await page.goto('/org/430681105229');
  await expect(page.getByRole('heading', { name: '燕塘村' })).toBeVisible();
  await expect(page.locator('.ant-table').getByRole('link', { name: '一组' })).toBeVisible();
  // No write actions for a village cadre
  await expect(page.getByRole('button', { name: /新增下级/ })).toHaveCount(0);
});

test('merge progress shows the township summary and one row per village', async ({ page }) => {
  await login(page, 'shuji');
  await page.goto('/org/merge-progress');
  await expect(page.getByText('已完成村数')).toBeVisible();
  await expect(page.getByRole('cell', { name: '燕塘村' })).toBeVisible();
});

test('an editor merges two villager groups of a village', async ({ page }) => {
  await login(page, 'shuji');
  await page.goto('/org/430681105230');
  await expect(page.getByRole('heading', { name: '高家坊村' })).toBeVisible();
  // Open the village in the tree so that the tree must refresh after the merge as well
  await page.locator('.ant-tree-treenode').filter({ hasText: '高家坊村' }).locator('.ant-tree-switcher').click();
  await expect(page.locator('.ant-tree').getByText('十二组')).toBeVisible();
  await page.getByRole('button', { name: '合并村民小组' }).click();
  const dialog = page.getByRole('dialog', { name: /合并/ });
  await dialog.getByLabel('一组', { exact: true }).check();
  await dialog.getByLabel('二组', { exact: true }).check();
  await dialog.getByLabel('合并后的小组名称').fill('新联组');
  await dialog.getByRole('button', { name: /合\s*并/ }).click();
  await expect(dialog).toBeHidden();
  const table = page.locator('.ant-table');
  await expect(table.getByRole('link', { name: '新联组' })).toBeVisible();
  await expect(table.getByRole('link', { name: '一组', exact: true })).toHaveCount(0);
  await expect(page.locator('.ant-tree').getByText('新联组')).toBeVisible();
  // The closed groups remain visible with 显示已撤销
  await page.getByRole('switch', { name: '显示已撤销' }).click();
  await expect(table.getByRole('link', { name: '一组', exact: true })).toBeVisible();
});

test('an invalid divisions file is refused with its problems listed by row', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/org');
  await page.getByRole('button', { name: '导入区划' }).click();
  const dialog = page.getByRole('dialog', { name: '导入区划' });
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name,level\n123,坏行,village\n', 'utf8') });
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await expect(dialog.getByRole('alert')).toContainText('未导入任何数据');
  await expect(dialog.getByRole('columnheader', { name: '行号' })).toBeVisible();
  await expect(dialog.getByRole('columnheader', { name: '原因' })).toBeVisible();
});
