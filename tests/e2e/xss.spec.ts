import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { login } from './helpers';

// Stored script payloads (issue 12, security suite item 5): the township leader types them, through the API, into
// every kind of text he can (a group's name, a cadre group and a work line, a ledger's name, field label, choice and
// values, an indicator, a task with its node and description, a project, a goal, a report template, and so the
// notification the task sends), and the administrator a user's display name; then every page that shows them is opened at 1440×900. No script may run (no
// dialog, window.__xss never set), no element of a payload may enter the DOM (img/svg with handlers, javascript:
// links) even where the CSP would have stopped it, and each payload is shown as the text it is.

// short enough for every name field (a ledger's name takes 60 characters)
const XSS = [
  '<img src=x onerror=__xss=1>',
  '<script>__xss=1</script>',
  'javascript:__xss=1',
  "{{constructor.constructor('__xss=1')()}}",
  '"><svg onload=__xss=1>',
  '<img src=x onerror=alert(1)>',
  '${__xss=1}',
];
let used = 0;
/** A short label followed by the next payload. */
const hostile = (label: string) => `${label}${XSS[used++ % XSS.length]}`;

async function json(res: APIResponse) {
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.status() === 204 ? null : res.json();
}

/** Nothing of a payload ran or entered the DOM as markup. */
async function expectInert(page: Page, where: string, dialogs: string[]) {
  const found = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    elements: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:" i], iframe[src^="javascript:" i]')
      .length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
  }));
  expect(found, where).toEqual({ flag: undefined, elements: 0, scripts: 0 });
  expect(dialogs, where).toEqual([]);
}

test('script payloads in every kind of text are shown as text and never run', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await login(page, 'shuji');
  const api = page.request;
  const post = async (url: string, data: object) => json(await api.post(url, { data }));

  const suffix = Date.now().toString(36).slice(-4);
  const found = await json(await api.get(`/api/org-units/search?q=${encodeURIComponent('村')}`));
  const units = (Array.isArray(found) ? found : found.items) as { code: string; level: string; name: string }[];
  const village = units.find((u) => u.level === 'village')!;
  expect(village).toBeTruthy();

  const texts = {
    group: hostile(`组${suffix}`),
    cadreGroup: hostile(`大组${suffix}`),
    workLine: hostile(`条线${suffix}`),
    ledger: hostile(`台账${suffix}`),
    label: hostile(`字段${suffix}`),
    choice: hostile(`选项${suffix}`),
    value: hostile(`值${suffix}`),
    indicator: hostile(`指标${suffix}`),
    task: hostile(`任务${suffix}`),
    node: hostile(`节点${suffix}`),
    description: hostile(`说明${suffix}`),
    project: hostile(`项目${suffix}`),
    goal: hostile(`目标${suffix}`),
    template: hostile(`模板${suffix}`),
    templateBody: hostile(`正文${suffix}`),
  };

  await post('/api/org-units', { parentCode: village.code, name: texts.group, level: 'group', validFrom: '2020-01-01' });
  await post('/api/cadre-groups', { name: texts.cadreGroup, kind: 'big' });
  await post('/api/work-lines', { name: texts.workLine, leaderName: '王五' });
  const ledgerKey = `xss_${suffix}`;
  await post('/api/ledgers', {
    key: ledgerKey,
    name: texts.ledger,
    kind: 'register',
    fields: [
      { key: 't', label: texts.label, type: 'text' },
      { key: 'c', label: '类别', type: 'choice', choices: [texts.choice, '正常'] },
    ],
  });
  await post(`/api/ledgers/${ledgerKey}/records`, { orgUnit: village.code, values: { t: texts.value, c: texts.choice } });
  const indicatorKey = `xss_${suffix}`;
  await post('/api/indicators', {
    key: indicatorKey,
    name: texts.indicator,
    source: { type: 'records', ledger: ledgerKey, aggregate: 'count', timing: 'stock' },
  });
  const task = await post('/api/tasks', {
    title: texts.task,
    description: texts.description,
    source: 'instruction',
    lead: village.code,
    nodes: [{ title: texts.node, due: '2022-12-31' }],
  });
  const taskId = task.task?.id ?? task.id;
  const project = await post('/api/projects', {
    name: texts.project,
    category: 'infrastructure',
    location: village.code,
    leaderName: '李书记',
    startDate: '2024-01-01',
    endDate: '2030-12-31',
    description: texts.description,
  });
  // the demo township's clock stands in 2022
  await post('/api/goals', { year: 2022, title: texts.goal, kind: 'focus', ownerName: '李书记' });
  const templateKey = `xss-${suffix}`;
  await post('/api/reports/templates', { key: templateKey, name: texts.template, body: `# ${texts.templateBody}\n${texts.templateBody}` });

  // every page that shows them, and the text each must show as typed
  const pages: [string, string[]][] = [
    ['/', []],
    [`/org/${village.code}`, [texts.group]],
    ['/cadre', [texts.cadreGroup]],
    ['/ledgers', [texts.ledger]],
    [`/ledgers/${ledgerKey}`, [texts.value]],
    [`/ledgers/${ledgerKey}/definition`, []],
    ['/indicators', [texts.indicator]],
    [`/indicators/${indicatorKey}`, [texts.indicator]],
    [`/villages/${village.code}`, []],
    // long lists (the demo's 243 tasks, paged): the detail pages show the text
    ['/supervision', []],
    [`/supervision/tasks/${taskId}`, [texts.task, texts.node, texts.description]],
    ['/supervision/projects', []],
    [`/supervision/projects/${project.id}`, [texts.project]],
    ['/supervision/goals', [texts.goal]],
    ['/notifications', []],
    ['/reports', []],
    [`/reports/templates/${templateKey}`, []],
    ['/system/audit', []],
  ];
  for (const [url, shown] of pages) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.ant-spin-spinning'), `${url} finished loading`).toHaveCount(0, { timeout: 30_000 });
    for (const text of shown) await expect(page.getByText(text, { exact: false }).first(), `${url} shows ${text}`).toBeVisible();
    await expectInert(page, url, dialogs);
  }

  // the payloads travel through a record's form and the template editor's preview too
  await page.goto(`/ledgers/${ledgerKey}`);
  await page.getByText(texts.value).first().click();
  await page.waitForTimeout(500);
  await expectInert(page, 'a record opened', dialogs);
  await page.goto(`/reports/templates/${templateKey}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  await expectInert(page, 'the template preview', dialogs);

  // a user's display name, typed by the administrator, on his users page and audit log
  const adminPage = await (await browser.newContext()).newPage();
  adminPage.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await login(adminPage, 'admin');
  const displayName = hostile(`姓名${suffix}`);
  const township = `${village.code.slice(0, 9)}000`;
  const created = await adminPage.request.post('/api/users', {
    data: { username: `xss${suffix}`, displayName, password: 'Zw-xss-2026a', roles: [{ role: 'viewer', orgUnitCode: township }] },
  });
  await json(created);
  for (const url of ['/system/users', '/system/audit']) {
    await adminPage.goto(url);
    await adminPage.waitForLoadState('networkidle');
    if (url === '/system/users') {
      await adminPage
        .getByPlaceholder(/搜索|用户名|姓名/)
        .first()
        .fill(`xss${suffix}`);
      await adminPage.keyboard.press('Enter');
      await expect(adminPage.getByText(displayName).first(), 'the users page shows the name').toBeVisible({ timeout: 30_000 });
    }
    await adminPage.waitForTimeout(1000);
    await expectInert(adminPage, `admin ${url}`, dialogs);
  }
});
