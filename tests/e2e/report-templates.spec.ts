import { expect, test } from '@playwright/test';
import { dialogOpened, login } from './helpers';

const PAST_REPORT = '今年共计流转土地*亩，其中耕地*亩。*镇完成厕改*户。';

test('a leader turns a past report into a template, adds a figure with the picker and sees both in the preview', async ({ page }) => {
  test.setTimeout(120_000);
  const key = `land-brief-${Date.now().toString(36).slice(-5)}`;
  await login(page, 'shuji');

  // 1. Paste the past report: every "*" is a candidate with its suggestions, the first one chosen
  await page.goto('/reports/import');
  await page.getByLabel('报告正文').fill(PAST_REPORT);
  await page.getByRole('button', { name: '识别数据' }).click();
  await expect(page.getByText('找到 4 处数据，4 处待确认')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '第1处的数据' })).toBeVisible();
  const marks = page.getByLabel('原文').locator('mark');
  await expect(marks).toHaveCount(4);
  await page.getByRole('button', { name: '全部接受首选' }).click();
  await expect(page.getByText('找到 4 处数据，已全部确认')).toBeVisible();

  // 2. Save it as a template: the editor opens on it
  await page.getByLabel('模板名称').fill('土地流转简报');
  await page.getByLabel('模板键').fill(key);
  await page.getByRole('button', { name: '生成模板' }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/templates/${key}$`));
  await expect(page.getByRole('heading', { name: '编辑模板：土地流转简报' })).toBeVisible();

  // 3. The preview renders the figures for the half year: numbers, none missing ("—")
  const editor = page.getByRole('textbox', { name: '模板正文' });
  await expect(editor.getByRole('button', { name: /指标值·土地流转面积/ })).toBeVisible();
  const sheet = page.locator('.zw-report-sheet');
  await expect(sheet.locator('.zw-figure')).toHaveCount(4);
  await expect(sheet.locator('.zw-figure.zw-missing')).toHaveCount(0);
  await expect(sheet).toContainText(/今年共计流转土地[\d,.]+亩，其中耕地[\d,.]+亩。川山坪镇完成厕改[\d,]+户。/);

  // 4. Add a figure with the picker only: found by pinyin initials, never by its key
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('全镇户籍人口');
  await page.getByRole('button', { name: '插入数据' }).click();
  const picker = page.getByRole('dialog').filter({ hasText: '插入数据' });
  await dialogOpened(picker);
  await picker.getByLabel('搜索指标').fill('hjrk');
  await picker.getByRole('option', { name: '指标 户籍人口' }).click();
  await picker.getByRole('checkbox', { name: /千分位/ }).check();
  await expect(picker.getByLabel('将插入的占位符')).toHaveText('{{value population sep}}');
  await picker.getByRole('button', { name: /^插\s*入$/ }).click();
  await expect(picker).toBeHidden();
  await page.keyboard.type('人。');
  await expect(editor.getByRole('button', { name: /指标值·户籍人口/ })).toBeVisible();
  await expect(sheet.locator('.zw-figure')).toHaveCount(5);
  await expect(sheet).toContainText(/全镇户籍人口[\d,]+人。/);
  await expect(sheet.locator('.zw-figure.zw-missing')).toHaveCount(0);

  // 5. Save a second version, then delete the template (asked first)
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存为第2版')).toBeVisible();
  await page.getByRole('button', { name: /删\s*除/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '删除模板“土地流转简报”？' });
  await dialogOpened(confirm);
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  await expect(page).toHaveURL(/\/reports$/);
});
