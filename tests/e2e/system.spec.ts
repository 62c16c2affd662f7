import { expect, test, type Locator, type Page } from '@playwright/test';
import { dialogOpened, login, logout } from './helpers';

test('the administrator creates a user and is shown the initial password once', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '用户与权限' }).click();
  await expect(page.getByRole('cell', { name: 'shuji', exact: true })).toBeVisible();

  const username = `e2e${Date.now().toString().slice(-6)}`;
  await page.getByRole('button', { name: '新增用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新增用户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('测试网格员');
  await dialog.getByLabel('手机').fill('13800138000');
  await pickRole(page, dialog, '网格员');
  await dialog.getByRole('combobox', { name: '数据范围' }).click();
  await dialog.getByRole('combobox', { name: '数据范围' }).fill('燕塘');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '燕塘村' }).click();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  const shown = page.getByRole('dialog', { name: '初始密码' });
  await expect(shown).toContainText(username);
  await expect(shown.getByTestId('initial-password')).not.toBeEmpty();
  await shown.getByRole('button', { name: '我已记下' }).click();
  // The closing dialog hands focus back to 新增用户 when its animation ends: search only after that.
  await expect(shown).toBeHidden();

  await searchUsers(page, username);
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toContainText('测试网格员');
  await expect(row).toContainText('网格员 · 燕塘村');
  await expect(row).toContainText('待改密');
});

test('the audit log lists the login', async ({ page }) => {
  await login(page, 'shuji');
  await logout(page);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await page.getByLabel('用户名').fill('shuji');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByRole('row').filter({ hasText: 'shuji' }).filter({ hasText: '登录' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('用户');
});

test('a new user must change the initial password at first login', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/system/users');
  const username = `e2epw${Date.now().toString().slice(-6)}`;
  await page.getByRole('button', { name: '新增用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新增用户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('改密测试');
  await pickRole(page, dialog, '查看');
  await dialog.getByRole('combobox', { name: '数据范围' }).fill('燕塘');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '燕塘村' }).click();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // No password given: the server generates one, shown once
  const shown = page.getByRole('dialog', { name: '初始密码' });
  const initial = (await shown.getByTestId('initial-password').innerText()).trim();
  expect(initial.length).toBeGreaterThanOrEqual(8);
  await shown.getByRole('button', { name: '我已记下' }).click();
  await logout(page);

  await login(page, username, initial);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel('当前密码').fill(initial);
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await page.getByLabel('确认新密码').fill('short');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码至少需要8位')).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill('Changed12345');
  await page.getByLabel('确认新密码').fill('Changed12345');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.locator('header')).toContainText('改密测试');
  await expect(page.getByRole('heading', { name: /改密测试/ })).toBeVisible();
});

test('resetting a password and disabling an account ask for confirmation first', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/system/users');
  await searchUsers(page, 'cun200');
  const row = page.getByRole('row', { name: /cun200/ });
  await expect(page.getByRole('row')).toHaveCount(2);

  await row.getByRole('button', { name: /更多操作/ }).click();
  await page.getByRole('menuitem', { name: '重置密码' }).click();
  await expect(page.getByText('原密码立即失效')).toBeVisible();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  const shown = page.getByRole('dialog', { name: '初始密码' });
  await expect(shown.getByTestId('initial-password')).not.toBeEmpty();
  await shown.getByRole('button', { name: '我已记下' }).click();
  await expect(row).toContainText('待改密');

  await confirmAction(page, row, '停用', '无法登录');
  await expect(row).toContainText('已停用');
  await confirmAction(page, row, '启用', '可以重新登录');
  await expect(row).not.toContainText('已停用');
});

async function confirmAction(page: Page, row: Locator, action: string, text: string) {
  await row.getByRole('button', { name: /更多操作/ }).click();
  await page.getByRole('menuitem', { name: action }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: text });
  await dialogOpened(confirm);
  await confirm.getByRole('button', { name: /确\s*定/ }).click();
  await expect(confirm).toBeHidden();
}

/** Chooses a role in the user dialog and waits until the select shows it (the dropdown animates open). */
async function pickRole(page: Page, dialog: Locator, role: string) {
  const select = dialog.locator('.ant-select').filter({ has: page.getByLabel('角色', { exact: true }) });
  await expect(async () => {
    await dialog.getByLabel('角色', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${role}$`) })
      .click({ timeout: 2000 });
    await expect(select).toContainText(role, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}

async function searchUsers(page: Page, text: string) {
  await page.getByPlaceholder('搜索用户名、姓名或手机').fill(text);
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  await expect(page.locator('.ant-table-tbody .ant-table-row').first()).toContainText(text);
}
