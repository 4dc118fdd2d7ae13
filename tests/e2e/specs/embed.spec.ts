// Embedding: the compact layout with chosen parts, the Embed dialog's snippet, and the demo
// parent page driving the playground through postMessage.
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

test('embed mode at 320 px shows only the chosen parts, and they work', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const app = await Playground.open(page, '?lesson=io-waits&scale=50&embed=1&controls=async,pulse');
  await expect(page.locator('.site-header')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run async' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run blocking' })).toHaveCount(0);
  await expect(page.locator('.editor')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Is the page alive?' })).toBeVisible();
  const run = (await app.run('async')).message;
  expect(run.tasks.map((t) => t.label)).toEqual(['Read config.toml', 'Read users.csv', 'Read logo.png']);
  // Nothing is wider than the frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the Embed dialog gives an iframe snippet for the lesson and the chosen parts', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await Playground.open(page, '?lesson=race&scale=500');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a course page' });
  await expect(dialog).toBeVisible();
  const snippet = dialog.getByLabel('The snippet');
  await expect(snippet).toHaveValue(/^<iframe src="http:\/\/[^"]+\/\?lesson=race&amp;scale=500&amp;embed=1"/);
  await dialog.getByRole('checkbox', { name: 'editor' }).uncheck();
  await expect(snippet).toHaveValue(/controls=lesson,predict,pulse,run,blocking,async,workers,compare,code,history,share"/);
  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the demo parent page loads a scenario, runs it and shows the results it gets back', async ({ page }) => {
  await page.goto('./embed-demo.html');
  await expect(page.getByRole('status')).toContainText('The playground is ready');
  await page.getByRole('button', { name: 'Load three concurrent waits' }).click();
  const frame = page.frameLocator('#playground');
  await expect(frame.getByRole('button', { name: /^Wait 3: / })).toBeVisible();
  await page.getByRole('button', { name: 'Run async in the frame' }).click();
  const row = page.getByRole('table', { name: 'Results reported by the playground' }).locator('tbody tr');
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await expect(row.getByRole('cell').first()).toHaveText('async');
  await expect(row.getByRole('cell').nth(2)).toHaveText('600 ms');
});
