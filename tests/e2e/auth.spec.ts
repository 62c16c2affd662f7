import { expect, test } from '@playwright/test';
import { login, logout } from './helpers';

test("a wrong password shows the server's Chinese message", async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByText('乡镇工作系统')).toBeVisible();
  await page.getByLabel('用户名').fill('shuji');
  await page.getByLabel('密码').fill('wrong-password-1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
});

test('the shell shows the township, the user and logs out', async ({ page }) => {
  await login(page, 'shuji');
  const header = page.locator('header');
  await expect(header).toContainText('川山坪镇');
  await expect(header).toContainText('李书记');
  await expect(header).toContainText('镇领导');
  await expect(page.getByRole('menuitem', { name: '组线包村' })).toBeVisible();
  // shuji cannot manage users: the entry is hidden (the server refuses anyway)
  await expect(page.getByRole('menuitem', { name: '用户与权限' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '台账' }).click();
  await expect(page.getByRole('heading', { name: '台账', exact: true })).toBeVisible();
  // The 督办 group is open from the start, like 组织架构 and 指标.
  await page.getByRole('menuitem', { name: '督办任务' }).click();
  await expect(page.getByRole('heading', { name: '督办任务' })).toBeVisible();
  await logout(page);
  await page.goto('/org');
  await expect(page).toHaveURL(/\/login$/);
});

test("the app's files come compressed, and the hashed ones are kept by the browser for a year", async ({ page }) => {
  const assets: { url: string; encoding?: string; cache?: string }[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/assets/')) {
      assets.push({ url: res.url(), encoding: res.headers()['content-encoding'], cache: res.headers()['cache-control'] });
    }
  });
  const index = await page.goto('/login');
  expect(index!.headers()['cache-control']).toBe('public, max-age=0');
  await expect(page.getByText('乡镇工作系统')).toBeVisible();
  const scripts = assets.filter((a) => a.url.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const a of scripts) {
    expect(a.encoding, a.url).toMatch(/^(br|gzip)$/);
    expect(a.cache, a.url).toBe('public, max-age=31536000, immutable');
  }
});
