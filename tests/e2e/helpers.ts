import { expect, type Locator, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'Xitong-2026a';
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'Demo12345';
/** The demo administrator's two-factor secret (scripts/e2e.mjs sets it as ZHENWU_ADMIN_TOTP_SECRET). */
export const ADMIN_TOTP_SECRET = process.env.E2E_ADMIN_TOTP_SECRET ?? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

// The server refuses a code whose 30-second step was already used: journeys that sign the same account in twice
// within one step wait for the next code, as a person would.
const lastStepUsed = new Map<string, number>();

/** The current code of a TOTP secret, waiting for a step this run has not used yet. */
export async function freshTotpCode(secret: string): Promise<string> {
  const stepOf = () => Math.floor(Date.now() / 30_000);
  while (stepOf() <= (lastStepUsed.get(secret) ?? -1)) await new Promise((r) => setTimeout(r, 1_000));
  lastStepUsed.set(secret, stepOf());
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/**
 * Signs in through the login form and waits for the shell (the 退出登录 control or the phone menu). An account with
 * a second factor (the administrator; or `totpSecret`) gives its code in the second step.
 */
export async function login(
  page: Page,
  username: string,
  password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD,
  totpSecret = username === 'admin' ? ADMIN_TOTP_SECRET : undefined,
) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (totpSecret) {
    await page.getByLabel('验证码').fill(await freshTotpCode(totpSecret));
    await page.getByRole('button', { name: '验证并登录' }).click();
  }
  await expect(page).not.toHaveURL(/\/login$/);
}

/**
 * Signs out and waits until the login page shows. Navigating at once may cancel the logout request: the session
 * then lives on and /login sends the still-signed-in user back to the 工作台.
 */
export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('用户名')).toBeVisible();
}

/**
 * Opens an antd select, optionally types to filter, and clicks an option by its exact title. Waits for the
 * previous dropdown to finish closing first: while it fades out it is still visible and may list the same title.
 */
export async function pickOption(page: Page, select: Locator, option: string, typed = option.slice(0, 2)) {
  const openDropdowns = page.locator('.ant-select-dropdown:visible');
  await expect(openDropdowns).toHaveCount(0);
  await select.click();
  if (typed) await page.keyboard.type(typed);
  await openDropdowns.getByTitle(option, { exact: true }).click();
}

/**
 * Waits until a dialog has finished opening. antd drops a click on a button while its dialog is still zooming in, so
 * on a loaded machine a click made as soon as the dialog is visible can be lost and the dialog stays open.
 */
export async function dialogOpened(dialog: Locator) {
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom-appear|ant-zoom-enter/);
}
