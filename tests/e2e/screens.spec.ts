import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

// Saves screenshots of the main pages at desktop and phone sizes to test-results/screens/ for review.
const DIR = 'test-results/screens';
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

async function shoot(page: Page, file: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${DIR}/${file}.png`, fullPage: true });
}

for (const size of SIZES) {
  test(`screens at ${size.name} size`, async ({ page }) => {
    mkdirSync(DIR, { recursive: true });
    await page.setViewportSize(size.viewport);
    await page.goto('/login');
    await shoot(page, `${size.name}-login`);

    await login(page, 'shuji');
    await shoot(page, `${size.name}-home`);
    await page.goto('/org/430681105229');
    await expect(page.getByRole('heading', { name: '燕塘村' })).toBeVisible();
    await shoot(page, `${size.name}-org`);
    await page.goto('/org/merge-progress');
    await expect(page.getByText('已完成村数')).toBeVisible();
    await shoot(page, `${size.name}-merge-progress`);
    await page.goto('/cadre');
    await shoot(page, `${size.name}-cadre`);
    await page.getByRole('tab', { name: '表格视图' }).click();
    await shoot(page, `${size.name}-cadre-table`);
    if (size.name === 'phone') {
      await page.getByRole('button', { name: '打开菜单' }).click();
      await expect(page.getByRole('menuitem', { name: '组线包村' })).toBeVisible();
      await page.waitForTimeout(600); // let the drawer finish sliding in
      await shoot(page, `${size.name}-menu`);
      await page.keyboard.press('Escape');
    }

    await page.goto('/ledgers');
    await expect(page.getByText('土地流转合同台账')).toBeVisible();
    await shoot(page, `${size.name}-ledgers`);
    await page.goto('/ledgers/safety_hazards');
    await expect(page.getByText('隐患描述').first()).toBeVisible();
    await shoot(page, `${size.name}-ledger-records`);
    await page.goto('/ledgers/vaccination_daily/grid');
    await expect(page.getByText('燕塘村').first()).toBeVisible();
    await shoot(page, `${size.name}-ledger-grid`);
    await page.goto('/ledgers/monitored_households/definition');
    await expect(page.getByText('身份证号码').first()).toBeVisible();
    await shoot(page, `${size.name}-ledger-definition`);

    await page.context().clearCookies();
    await login(page, 'chakan');
    await page.goto('/ledgers/monitored_households');
    await expect(page.getByText('*').first()).toBeVisible();
    await shoot(page, `${size.name}-ledger-masked`);

    await page.context().clearCookies();
    await login(page, 'cun229');
    await page.goto('/org/430681105228');
    await expect(page.getByText('无权访问')).toBeVisible();
    await shoot(page, `${size.name}-org-forbidden`);

    await page.context().clearCookies();
    await login(page, 'admin');
    await page.goto('/system/users');
    await expect(page.getByRole('cell', { name: 'shuji', exact: true })).toBeVisible();
    await shoot(page, `${size.name}-users`);
    await page.getByRole('button', { name: '新增用户' }).click();
    await shoot(page, `${size.name}-user-form`);
    await page.keyboard.press('Escape');
    await page.goto('/system/audit');
    await expect(page.getByRole('cell', { name: 'admin' }).first()).toBeVisible();
    await shoot(page, `${size.name}-audit`);
  });
}
