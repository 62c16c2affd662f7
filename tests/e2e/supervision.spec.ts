import { expect, test, type Page } from '@playwright/test';
import { dialogOpened, login, pickOption } from './helpers';

// The demo township runs on 2022-06-30. A leader hands one task to three villages with two nodes; 燕塘村's cadre
// signs it on a phone, reports with a tick on the first node and applies for completion; the leader approves.
const YANTANG = '430681105229';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The leader hands the task out through the 交办任务 drawer: three villages, two deadline nodes. */
async function createSplitTask(page: Page, title: string) {
  await page.goto('/supervision');
  await page.getByRole('button', { name: '交办任务' }).click();
  const drawer = page.getByRole('dialog', { name: '交办任务' });
  await drawer.getByLabel('任务名称').fill(title);
  await pickOption(page, drawer.getByLabel('任务来源'), '会议部署', '');
  await drawer.getByLabel('文号或会议').fill('镇党委会议');
  await drawer.getByText('到各村（每村一份）').click();
  const villages = drawer.locator('.ant-form-item').filter({ hasText: '分派到的村（社区）' }).locator('.ant-select');
  for (const name of ['燕塘村', '川山村', '桥坪村']) {
    await villages.click();
    await page.keyboard.type(name.slice(0, 2));
    await page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true }).click();
  }
  await page.keyboard.press('Escape');
  await drawer.getByLabel('第1个节点内容').fill('完成排查');
  await drawer.getByLabel('第1个节点时限').fill('2022-07-05');
  await drawer.getByLabel('第1个节点时限').press('Enter');
  await drawer.getByRole('button', { name: '添加节点' }).click();
  await drawer.getByLabel('第2个节点内容').fill('完成整改');
  await drawer.getByLabel('第2个节点时限').fill('2022-07-20');
  await drawer.getByLabel('第2个节点时限').press('Enter');
  await drawer.getByRole('button', { name: '交办', exact: true }).click();
  await expect(drawer).toBeHidden();
  // The township keeps the parent; each village has its copy with both nodes.
  const list = (await (await page.request.get(`/api/tasks?q=${encodeURIComponent(title)}&pageSize=10`)).json()) as {
    items: { id: number; parentId: number | null; nodesTotal: number; lead: { code: string } }[];
  };
  expect(list.items).toHaveLength(4);
  expect(list.items.filter((t) => t.parentId !== null).every((t) => t.nodesTotal === 2)).toBe(true);
  return list.items.find((t) => t.lead.code === YANTANG)!.id;
}

test('a leader hands a task to three villages; a village cadre signs, reports with a photo and applies on a phone; the leader approves', async ({
  browser,
}) => {
  const title = `e2e 河道清障 ${Date.now().toString().slice(-5)}`;
  const desk = await browser.newPage();
  await login(desk, 'shuji');
  const yantangTask = await createSplitTask(desk, title);

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await login(phone, 'cun229');
  await phone.goto('/supervision');
  await phone.getByText(title).first().click();
  await expect(phone).toHaveURL(new RegExp(`/supervision/tasks/${yantangTask}$`));
  await phone.getByRole('button', { name: '签收', exact: true }).click();
  await expect(phone.getByText('已签收').first()).toBeVisible();
  await phone.getByLabel('进展情况').fill('已排查全村河道，清理垃圾3处');
  await phone.locator('input[type=file]').setInputFiles({ name: 'hedao.png', mimeType: 'image/png', buffer: PNG });
  await expect(phone.locator('.ant-upload-list-item-done, .ant-upload-list-item-image').first()).toBeVisible();
  await phone.getByRole('checkbox', { name: /完成排查/ }).check();
  await phone.getByRole('button', { name: '提交进展' }).click();
  await expect(phone.getByText('已排查全村河道，清理垃圾3处')).toBeVisible();
  // The photo is in the task's history, readable by the leader too.
  const detail = (await (await desk.request.get(`/api/tasks/${yantangTask}`)).json()) as {
    events: { kind: string; attachments: { id: string }[] }[];
  };
  const photo = detail.events.find((e) => e.kind === 'update')!.attachments[0];
  expect((await desk.request.get(`/api/attachments/${photo.id}`)).status()).toBe(200);
  await phone.getByRole('button', { name: '申请办结', exact: true }).click();
  await expect(phone.getByText('办结申请').first()).toBeVisible();
  await phone.screenshot({ path: 'test-results/supervision-phone-task.png', fullPage: true });

  await desk.goto(`/supervision/tasks/${yantangTask}`);
  await desk.getByRole('button', { name: '同意办结', exact: true }).click();
  await dialogOpened(desk.getByRole('dialog'));
  await desk.getByRole('dialog').getByRole('button', { name: '同意办结' }).click();
  await expect(desk.getByText('已办结').first()).toBeVisible();
  await desk.goto('/supervision');
  await expect(desk.getByRole('heading', { name: '督办任务' })).toBeVisible();
  await desk.screenshot({ path: 'test-results/supervision-desk-list.png', fullPage: true });
});

test('the project board is exported and read back as the annex', async ({ page }) => {
  await login(page, 'shuji');
  await page.goto('/supervision/projects');
  const res = await page.request.get('/api/projects/export?year=2022');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('spreadsheetml');
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('2022年重点项目')!;
  expect(sheet.getRow(1).getCell(2).value).toBe('项目名称');
  expect(sheet.rowCount).toBeGreaterThan(30);
  await page.screenshot({ path: 'test-results/supervision-projects.png', fullPage: true });
});

test('when the township’s clock passes a node, the task turns red on the leader’s 工作台 and list', async ({ browser }) => {
  const title = `e2e 危房排查 ${Date.now().toString().slice(-5)}`;
  const desk = await browser.newPage();
  await login(desk, 'shuji');
  const res = await desk.request.post('/api/tasks', {
    data: { title, source: 'instruction', lead: YANTANG, nodes: [{ title: '上报排查结果', due: '2022-07-01' }] },
  });
  expect(res.status(), await res.text()).toBe(201);
  const admin = await browser.newPage();
  await login(admin, 'admin');
  const setToday = async (today: string) => {
    const answer = await admin.request.put('/api/township-clock?township=430681105000', { data: { today } });
    expect(answer.status(), await answer.text()).toBe(200);
  };
  try {
    await desk.goto(`/supervision?q=${encodeURIComponent(title)}`);
    await expect(desk.getByRole('row', { name: new RegExp(title) })).toContainText('即将到期');
    await setToday('2022-07-02');
    const { lights } = (await (await desk.request.get('/api/tasks?pageSize=1')).json()) as { lights: { red: number } };
    await desk.goto('/');
    await expect(desk.getByText(`逾期 ${lights.red}`, { exact: true }).first()).toBeVisible();
    await desk.goto(`/supervision?light=red&q=${encodeURIComponent(title)}`);
    await expect(desk.getByRole('row', { name: new RegExp(title) })).toContainText('逾期');
  } finally {
    await setToday('2022-06-30');
  }
});
