// Stop cancels an async run: its futures are dropped, so it never finishes or reports.
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

test('Stop cancels an async run and the page can run again', async ({ page }) => {
  const app = await Playground.open(page); // 1000 ms per unit: a 5 s run
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
  await app.runButton('async').click();
  await expect(app.status()).toContainText('Async run started');
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(app.status()).toHaveText('Async run stopped: its pending tasks were cancelled.');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();

  // Past the time the run would have ended, it has still not reported.
  await page.waitForFunction((t) => performance.now() > t + 5_300, startedAt, { timeout: 15_000 });
  expect(await app.messages('run-finished')).toHaveLength(0);

  // The scale control changes the prediction, and the next run goes ahead.
  await page.getByRole('spinbutton', { name: /Time scale/ }).fill('20');
  await page.getByRole('spinbutton', { name: /Time scale/ }).press('Enter');
  await expect(app.card('async').locator('.predicted')).toHaveText('Predicted total: 5 minutes (100 ms)');
  expect(page.url()).toContain('scale=20');
  const { message } = await app.run('async');
  expect(message.predicted_ms).toBe(100);
});

test('a blocking run over the cap is refused with a reason', async ({ page }) => {
  const app = await Playground.open(page, '?scale=2000'); // 14 s blocking
  await app.runButton('blocking').click();
  await expect(app.status()).toContainText('longer than the 10.00 s cap');
  expect(await app.messages('run-started')).toHaveLength(0);
});
