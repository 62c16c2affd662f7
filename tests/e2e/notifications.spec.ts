import { expect, test } from '@playwright/test';
import { login } from './helpers';

// A leader hands a task to 燕塘村; its cadre finds it under the header's bell as an unread notification, follows
// the link to the task, comes back and marks all his notifications read.
const YANTANG = '430681105229';

test('a village cadre sees a new task under the bell and marks all notifications read', async ({ browser }) => {
  const title = `e2e 通知 ${Date.now().toString().slice(-5)}`;
  const desk = await browser.newPage();
  await login(desk, 'shuji');
  const res = await desk.request.post('/api/tasks', {
    data: { title, source: 'meeting', sourceRef: '镇党委会议', lead: YANTANG, nodes: [{ title: '完成排查', due: '2022-07-05' }] },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { task } = (await res.json()) as { task: { id: number } };

  const page = await browser.newPage();
  await login(page, 'cun229');
  const bell = page.getByRole('button', { name: /^通知（\d+ 条未读）$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const drawer = page.getByRole('dialog', { name: /^通知/ });
  const item = drawer.getByTestId('notification-item').filter({ hasText: title });
  await expect(item).toHaveAttribute('data-unread', 'true');
  await expect(item.locator('.ant-tag')).toHaveText('新任务');

  // the link leads to the task and marks that one read
  await item.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/supervision/tasks/${task.id}$`));
  await page.getByRole('button', { name: /^通知/ }).click();
  await expect(drawer.getByTestId('notification-item').filter({ hasText: title })).not.toHaveAttribute('data-unread', 'true');

  await drawer.getByRole('button', { name: '全部标为已读' }).click();
  await expect(drawer.locator('[data-unread]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '通知', exact: true })).toBeVisible();

  // the full page agrees: nothing unread
  await drawer.getByRole('link', { name: '查看全部通知' }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await page.getByRole('tab', { name: '未读' }).click();
  await expect(page.getByText('没有未读通知')).toBeVisible();
});
