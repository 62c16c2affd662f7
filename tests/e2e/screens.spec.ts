import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

// Saves screenshots of the main pages at desktop and phone sizes to test-results/screens/ for review.
const DIR = 'test-results/screens';
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

/** A ranking and a quality rule over the demo's built-in indicators, so their screens show boards (once per database). */
async function ensureBoards(page: Page) {
  const { items } = (await (await page.request.get('/api/rankings')).json()) as { items: { key: string }[] };
  if (items.some((r) => r.key === 'scr_land_board')) return;
  expect(
    (
      await page.request.post('/api/rankings', {
        data: {
          key: 'scr_land_board',
          name: '各村土地流转龙虎榜',
          indicator: 'land_transferred',
          subject: 'village',
          style: 'dragon_tiger',
          topN: 3,
          bottomN: 3,
          requireTarget: false,
          exemptions: [{ subject: '430681105218', reason: '林场村无耕地流转任务' }],
        },
      })
    ).status(),
  ).toBe(201);
  await page.request.post('/api/quality-rules', {
    data: { name: '已整改隐患不多于排查隐患', left: 'hazards_rectified', operator: '<=', right: 'hazards_found' },
  });
}

async function shoot(page: Page, file: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${DIR}/${file}.png`, fullPage: true });
}

for (const size of SIZES) {
  test(`screens at ${size.name} size`, async ({ page }) => {
    // one journey through every page of the product: longer than a single test's default minute on a loaded machine
    test.setTimeout(180_000);
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

    await ensureBoards(page);
    const period = 'period=2022S1&asOf=2022-06-30';
    await page.goto(`/?${period}`);
    await expect(page.getByText('各村对比').first()).toBeVisible();
    // each periodic ledger's reporting and on-time rates for its latest due period, above what is overdue
    await expect(
      page
        .locator('.ant-card')
        .filter({ hasText: '逾期未报' })
        .getByText(/上报率 \d+\.\d%（\d+\/17）· 及时率/)
        .first(),
    ).toBeVisible();
    await page.waitForTimeout(800); // charts draw after ECharts loads
    await shoot(page, `${size.name}-dashboard`);
    await page.goto(`/indicators/land_transferred?${period}`);
    await expect(page.getByText('各村数值').first()).toBeVisible();
    await page.waitForTimeout(800); // the trend chart draws after ECharts loads
    await shoot(page, `${size.name}-indicator-detail`);
    await page.goto(`/indicators?${period}`);
    await expect(page.getByText('土地流转面积').first()).toBeVisible();
    await shoot(page, `${size.name}-indicators`);
    await page.getByLabel('搜索指标').fill('安全隐患整改率');
    await page
      .getByRole('row')
      .filter({ hasText: '安全隐患整改率' })
      .getByRole('button', { name: /查看这个数怎么来的/ })
      .click();
    const drawer = page.getByRole('dialog').filter({ hasText: '这个数怎么来的' });
    await expect(drawer.getByText('公式：')).toBeVisible();
    await page.waitForTimeout(600); // let the drawer finish sliding in
    await page.screenshot({ path: `${DIR}/${size.name}-explain-formula.png` });
    await drawer.getByRole('listitem').filter({ hasText: '已整改安全隐患' }).first().click();
    await expect(drawer.getByText(/共 \d+ 条记录/)).toBeVisible();
    await page.screenshot({ path: `${DIR}/${size.name}-explain-records.png` });
    await page.goto(`/indicators/hazards_open/edit?${period}`);
    await expect(page.getByText('按已保存的口径实时计算')).toBeVisible();
    await shoot(page, `${size.name}-indicator-form`);
    await page.goto(`/indicators/land_transferred/targets?${period}`);
    await expect(page.getByText('燕塘村')).toBeVisible();
    await shoot(page, `${size.name}-indicator-targets`);
    await page.goto('/indicators/rankings');
    await expect(page.getByText('各村土地流转龙虎榜')).toBeVisible();
    await shoot(page, `${size.name}-rankings`);
    await page.goto(`/indicators/rankings/scr_land_board?${period}`);
    await expect(page.getByText('完整排名')).toBeVisible();
    await shoot(page, `${size.name}-ranking-board`);
    await page.goto(`/indicators/quality?${period}`);
    await expect(page.getByText('已整改隐患不多于排查隐患').first()).toBeVisible();
    await shoot(page, `${size.name}-quality`);
    await page.goto('/indicators/dispatch?asOf=2022-07-01');
    await expect(page.getByText('各村近7日排名')).toBeVisible();
    await page.waitForTimeout(800);
    await shoot(page, `${size.name}-dispatch`);
    await page.goto(`/villages/430681105229?${period}`);
    await expect(page.getByText('在全镇各村中的位次', { exact: false })).toBeVisible();
    await page.waitForTimeout(800);
    await shoot(page, `${size.name}-village`);

    await page.context().clearCookies();
    await login(page, 'chakan');
    await page.goto('/ledgers/monitored_households');
    await expect(page.getByText('*').first()).toBeVisible();
    await shoot(page, `${size.name}-ledger-masked`);

    await page.context().clearCookies();
    await login(page, 'cun229');
    await page.goto('/?period=2022S1&asOf=2022-06-30');
    await expect(page.getByRole('button', { name: '本村：燕塘村' })).toBeVisible();
    await page.waitForTimeout(800);
    await shoot(page, `${size.name}-village-cadre-home`);
    await page.goto('/indicators?period=2022S1&asOf=2022-06-30');
    await expect(page.getByText('土地流转面积').first()).toBeVisible();
    await shoot(page, `${size.name}-village-cadre-indicators`);
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
