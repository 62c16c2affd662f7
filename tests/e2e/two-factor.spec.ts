import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freshTotpCode, login, logout, DEMO_PASSWORD } from './helpers';

// Two-factor login: a township leader enrols on 账户安全 with the QR code's key (the code computed here from it),
// keeps his recovery codes, signs out, signs in with a code on a desktop and with a recovery code on a phone, then
// turns it off again. Screenshots at 1440×900 and 390×844 in test-results/screens.
const DIR = 'test-results/screens';
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, file: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${DIR}/${file}.png`, fullPage: true });
}

async function passwordStep(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('heading', { name: '两步验证' })).toBeVisible();
}

test('a leader enrols in two-factor login, signs in with a code and with a recovery code, and turns it off', async ({ page }) => {
  test.setTimeout(240_000);
  mkdirSync(DIR, { recursive: true });
  await login(page, 'zhenzhang');

  await page.goto('/system/account');
  await expect(page.getByText('未启用')).toBeVisible();
  await page.getByRole('button', { name: '启用两步验证' }).click();
  await page.getByRole('button', { name: '开始设置' }).click();
  await expect(page.getByAltText('两步验证二维码')).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shoot(page, 'desktop-two-factor-enrol');

  await page.getByLabel('验证码').fill('000000');
  await page.getByRole('button', { name: '验证并启用' }).click();
  await expect(page.getByText('验证码不正确')).toBeVisible();
  await page.getByLabel('验证码').fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: '验证并启用' }).click();
  await expect(page.getByText('已启用', { exact: true })).toBeVisible();
  const codes = page.getByTestId('recovery-codes').locator('code');
  await expect(codes).toHaveCount(10);
  const recoveryCode = await codes.first().innerText();
  await shoot(page, 'desktop-two-factor-recovery-codes');
  await logout(page);

  // the password alone opens nothing: the code comes next
  await passwordStep(page, 'zhenzhang');
  await shoot(page, 'desktop-login-code');
  await page.getByLabel('验证码').fill('123456');
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.getByRole('alert')).toContainText('验证码不正确');
  await page.getByLabel('验证码').fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page).not.toHaveURL(/\/login$/);
  await logout(page);

  // on a phone, with a recovery code: it works once
  await page.setViewportSize(PHONE);
  await passwordStep(page, 'zhenzhang');
  await shoot(page, 'phone-login-code');
  await page.getByLabel('验证码').fill(recoveryCode);
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page).not.toHaveURL(/\/login$/);
  await page.goto('/system/account');
  await expect(page.getByText('9 个')).toBeVisible();
  await shoot(page, 'phone-account-security');

  // turned off again with a code: the next login needs the password only
  await page.getByRole('button', { name: '停用两步验证' }).click();
  const dialog = page.getByRole('dialog', { name: '停用两步验证' });
  await dialog.getByLabel('验证码').fill(await freshTotpCode(secret));
  await dialog.getByRole('button', { name: /确\s*认/ }).click();
  await expect(page.getByText('未启用')).toBeVisible();
});

test('the administrator signs in with his code and sees that he cannot turn it off', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/system/account');
  await expect(page.getByText('已启用', { exact: true })).toBeVisible();
  await expect(page.getByText('管理员必须使用两步验证，不能停用')).toBeVisible();
  await expect(page.getByRole('button', { name: '停用两步验证' })).toHaveCount(0);
  await shoot(page, 'desktop-admin-account-security');
});
