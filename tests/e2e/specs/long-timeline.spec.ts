// A long timeline builds only the lanes near the window: a scenario of thousands of lanes
// costs the page a few screens of elements, and scrolling, keys and runs work as in a short one.
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

const LANES = 2000;
const scenario = {
  version: 1,
  lanes: Array.from({ length: LANES }, (_, i) => ({
    name: `L${i}`,
    tasks: [{ kind: 'wait', label: `Wait ${i}`, duration: 1 }],
  })),
};

test('2,000 lanes: only those near the window are built, and scrolling brings the others', async ({ page }) => {
  const app = await Playground.open(page, '?scale=5');
  await page.evaluate((s) => window.postMessage({ type: 'load', scenario: s }, '*'), scenario);
  await expect(app.task('Wait 0')).toBeVisible();
  const built = () => page.locator('.tl-rows .tl-lane').count();
  expect(await built()).toBeLessThan(120);
  expect(await page.locator('.ed-task').count()).toBeLessThan(120);
  expect(await page.locator('.tl-names input').count()).toBe(await built());
  // The rows keep the whole height, so the page scrolls as if every lane were there.
  const rowPx = Number(await page.locator('.tl-rows').getAttribute('data-row-px'));
  const height = await page.locator('.tl-rows').evaluate((e) => e.getBoundingClientRect().height);
  expect(height).toBeGreaterThanOrEqual(LANES * rowPx);

  // Scroll to lane 1,000: its task is built, in its place, and the first lanes are not.
  await page.locator('.tl-rows').evaluate((rows, y) => window.scrollTo(0, rows.getBoundingClientRect().top + window.scrollY + y), 1000 * rowPx);
  await expect(app.task('Wait 1000')).toBeInViewport();
  await expect(app.task('Wait 0')).toHaveCount(0);
  expect(await built()).toBeLessThan(120);

  // Keys: a focused task moved lane by lane keeps the focus.
  await app.task('Wait 1000').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('.ed-task:focus')).toHaveAccessibleName(/Wait 1000: wait, .*, lane L1005/);

  // A run of all of them still reports every task.
  const { message } = await app.run('async');
  expect(message.tasks.length).toBe(LANES);
});
