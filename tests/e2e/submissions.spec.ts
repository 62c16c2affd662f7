import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chinaToday } from '../../src/core/china-time.js';
import { dialogOpened, login } from './helpers';

// A village cadre submits a period, the leader approves it (the row locks), then unlocks it with a reason.
// Screenshots of the grid at desktop and phone size go to test-results/screens/ for review.
const DIR = 'test-results/screens';

/** Signs in as another user: the session cookie goes first, else /login forwards to the home page. */
async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await login(page, username);
}

async function shoot(page: Page, file: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${DIR}/${file}.png`, fullPage: true });
}

test('a village submits its figures, the township approves and locks them, a leader unlocks them with a reason', async ({ page, baseURL }) => {
  mkdirSync(DIR, { recursive: true });
  await login(page, 'shuji');
  // a ledger of its own, so the demo figures stay as they are
  const key = `sub_${Date.now().toString(36)}`;
  const headers = { Origin: baseURL! };
  const created = await page.request.post('/api/ledgers', {
    headers,
    data: {
      key,
      name: `参保月报${key.slice(-4)}`,
      kind: 'periodic',
      periodType: 'month',
      fields: [{ key: 'paid', label: '养老保险缴费', type: 'integer', unit: '人', min: 0 }],
    },
  });
  expect(created.status()).toBe(201);
  const period = chinaToday().slice(0, 7).replace('-', '');
  const grid = `/ledgers/${key}/grid?period=${period}`;

  // the village cadre of 燕塘村 enters and submits
  await switchUser(page, 'cun229');
  await page.goto(grid);
  await expect(page.getByTestId('submission-summary')).toContainText('全镇上报率（0/17）');
  await page.getByLabel('燕塘村 养老保险缴费').fill('30');
  await expect(page.getByRole('button', { name: /^上\s*报$/ })).toBeDisabled();
  await page.getByRole('button', { name: '全部保存' }).click();
  await expect(page.getByText('已保存 1 个村（社区）的数据')).toBeVisible();
  await page.getByRole('button', { name: /^上\s*报$/ }).click();
  await dialogOpened(page.getByRole('dialog'));
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /上\s*报/ })
    .click();
  await expect(page.getByText('已上报“燕塘村”的数据')).toBeVisible();
  await expect(page.locator('tbody .ant-tag').filter({ hasText: '已上报' })).toBeVisible();
  await expect(page.getByTestId('submission-summary')).toContainText('全镇上报率（1/17）');
  await expect(page.getByTestId('submission-summary')).toContainText('5.9%');
  await shoot(page, 'desktop-submissions-cadre');

  // the leader approves it in a batch of one; the row is locked
  await switchUser(page, 'shuji');
  await page.goto(grid);
  await expect(page.getByText('1 个村（社区）已上报待审核')).toBeVisible();
  await page.getByLabel('选择燕塘村').check();
  await shoot(page, 'desktop-submissions-approve');
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, 'phone-submissions-approve');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: '批量审核通过（1）' }).click();
  await dialogOpened(page.getByRole('dialog'));
  await page.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('已审核通过 1 个村（社区）')).toBeVisible();
  const yantang = page.locator('tbody tr').filter({ hasText: '燕塘村' });
  await expect(yantang.locator('.ant-tag').filter({ hasText: '已审核' })).toBeVisible();
  await expect(yantang.getByLabel('已锁定')).toBeVisible();
  await expect(page.getByLabel('燕塘村 养老保险缴费')).toHaveCount(0);
  await yantang.getByLabel('已锁定').hover();
  await expect(page.getByRole('tooltip')).toContainText('由 李书记 审核锁定');
  await shoot(page, 'desktop-submissions-leader');
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, 'phone-submissions-leader');
  await page.setViewportSize({ width: 1440, height: 900 });

  // a save of the locked row is refused by the server, naming who approved it
  const rows = await (await page.request.get(`/api/ledgers/${key}/periods/${period}`)).json();
  const row = rows.items.find((r: { orgUnit: { name: string } }) => r.orgUnit.name === '燕塘村');
  const refused = await page.request.put(`/api/ledgers/${key}/periods/${period}`, {
    headers,
    data: { rows: [{ orgUnit: row.orgUnit.code, version: row.version, values: { paid: 1 } }] },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).detail).toMatch(/^燕塘村 .+ 的数据已于 .+ 由 李书记 审核锁定，如需修改请联系镇里解锁$/);

  // the leader unlocks it: the reason is required
  await yantang.getByRole('button', { name: /^解\s*锁$/ }).click();
  const dialog = page.getByRole('dialog', { name: /解锁“燕塘村”/ });
  await dialog.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(dialog.getByText('请填写解锁原因')).toBeVisible();
  await dialog.getByLabel('解锁原因').fill('缴费人数需按社保系统更正');
  await page.screenshot({ path: `${DIR}/desktop-submissions-unlock.png` });
  await dialog.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(page.getByText('已解锁')).toBeVisible();
  await expect(yantang.locator('.ant-tag').filter({ hasText: '已退回' })).toBeVisible();
  await expect(page.getByLabel('燕塘村 养老保险缴费')).toHaveValue('30');
  await expect(page.getByTestId('submission-summary')).toContainText('全镇上报率（0/17）');

  // the village sees why, and may correct and submit again
  await switchUser(page, 'cun229');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(grid);
  await page.locator('.ant-card').filter({ hasText: '燕塘村' }).locator('.ant-tag').filter({ hasText: '已退回' }).hover();
  await expect(page.getByRole('tooltip')).toContainText('缴费人数需按社保系统更正');
  await expect(page.getByLabel('燕塘村 养老保险缴费')).toBeEditable();
  await shoot(page, 'phone-submissions-cadre');
});
