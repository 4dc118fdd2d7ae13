// Workers mode and Compare all: the same scenario run blocking, async and on Web Workers, one
// after another, and set side by side. Timing is compared between the runs of one page (never
// against absolute figures): workers keep the frames coming where async freezes, and with two
// cores or more they finish first.
import { expect, test } from '@playwright/test';
import { Playground, type RunFinished } from '../pages/playground';

const task = (run: RunFinished, label: string) => {
  const t = run.tasks.find((t) => t.label === label);
  expect(t, `task ${label}`).toBeDefined();
  return t!;
};

test('Compare all on the workers lesson: three runs side by side, workers keep the page responsive', async ({ page }) => {
  test.setTimeout(90_000);
  const app = await Playground.open(page, '?lesson=workers&scale=1000');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency || 1);
  const pool = Math.min(cores, 4);
  await expect(page.getByRole('spinbutton', { name: 'Workers', exact: true })).toHaveValue(String(pool));

  await page.getByRole('button', { name: 'Compare all' }).click();
  await page.waitForFunction(() => window.__e2e.messages.filter((m) => m.type === 'run-finished').length >= 3, null, {
    timeout: 60_000,
  });
  const runs = await app.allRuns();
  expect(runs.map((r) => r.message.mode)).toEqual(['blocking', 'async', 'workers']);
  const [blocking, async, workers] = runs;

  // Async computes both photos on the page's one thread: no frame for their whole length.
  const photo1 = task(async.message, 'Sharpen photo 1');
  expect(Math.max(...async.gaps)).toBeGreaterThanOrEqual(photo1.end_ms - photo1.start_ms);
  // Workers compute them elsewhere: the page kept drawing (the gaps the test itself saw).
  expect(Math.max(...workers.gaps)).toBeLessThan(Math.max(...async.gaps) / 4);
  expect(workers.message.longest_freeze_ms).toBeLessThan(async.message.longest_freeze_ms / 4);
  expect(Math.max(...blocking.gaps)).toBeGreaterThanOrEqual(blocking.message.total_ms - 1);

  // Each photo ran on a worker, which the message names; the wait stayed on the main thread.
  const [w1, w2] = [task(workers.message, 'Sharpen photo 1'), task(workers.message, 'Sharpen photo 2')];
  expect(task(workers.message, 'Load the comments').worker).toBeUndefined();
  expect(workers.message.workers!.size).toBe(pool);
  expect(workers.message.workers!.startup_ms).toBeGreaterThan(0);
  if (pool >= 2) {
    expect(new Set([w1.worker, w2.worker])).toEqual(new Set([0, 1]));
    // Side by side: each photo started before the other ended.
    expect(w2.start_ms).toBeLessThan(w1.end_ms);
    expect(workers.message.total_ms).toBeLessThan(async.message.total_ms);
  } else {
    test.info().annotations.push({
      type: 'one core',
      description: 'This browser reports one core: the workers total is not compared with async, only responsiveness.',
    });
    expect(w2.start_ms).toBeGreaterThanOrEqual(w1.end_ms - 1);
  }

  // The run strip has each mode's figures, side by side a small-multiples figure and one
  // sentence, and the status says it was compared.
  for (const run of runs) await expect(app.card(run.message.mode).locator('.measured-total')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Workers', exact: true }).getByRole('button', { name: 'Run in workers' }),
  ).toBeVisible();
  const section = page.getByRole('region', { name: 'Side by side' });
  await expect(section.locator('.sm-panel')).toHaveCount(3);
  await expect(section.locator('.sm-panel[data-mode="workers"]')).toHaveAttribute('data-workers', String(pool));
  await expect(section.locator('.sm-panel canvas')).toHaveCount(3);
  await expect(section.locator('.compare-summary')).toContainText('The page froze in blocking');
  await expect(app.status()).toContainText('Compared on the same scenario: blocking');
  // The timeline shows the last run, workers: a row per worker, and under the lanes what the pool
  // cost (not in the run strip, where a line appearing at the run's end would push the lanes down).
  await expect(app.timeline()).toHaveAttribute('data-mode', 'workers');
  await expect(app.timeline().locator('.tl-worker')).toHaveCount(pool);
  await expect(app.timeline().locator('.pool-cost')).toContainText(`Cost of the workers: `);
  await expect(app.timeline().locator('.pool-cost')).toContainText(`to start ${pool} worker`);
  await expect(app.card('workers').locator('.pool-cost')).toHaveCount(0);
  // Screen readers get the worker rows in words.
  await expect(app.timeline().locator('#timeline-summary')).toContainText(
    `A row per worker shows which of the ${pool} ran each work task; 2 ran on a worker.`,
  );
  await app.expectNoCspViolations();
});

test('the pool size: a bad size is refused and kept, one worker queues the work, and run works by message', async ({
  page,
}) => {
  const app = await Playground.open(page, '?lesson=workers&scale=200');
  const size = page.getByRole('spinbutton', { name: 'Workers', exact: true });
  const before = await size.inputValue();
  await size.fill('0');
  await size.press('Tab');
  await expect(page.locator('.run-controls .settings-note')).toHaveText(
    'The number of workers must be a whole number from 1 to 16.',
  );
  await expect(size).toHaveValue(before);

  await size.fill('1');
  await size.press('Tab');
  await expect(app.card('workers').locator('.predicted')).toHaveText(
    'Predicted total: 4 seconds (800 ms) on 1 worker, before start-up',
  );
  // Started by the postMessage API, as a course page would.
  const finished = (await app.runWith(() => page.evaluate(() => window.postMessage({ type: 'run', mode: 'workers' }, '*'))))
    .message;
  expect(finished.mode).toBe('workers');
  const [w1, w2] = [task(finished, 'Sharpen photo 1'), task(finished, 'Sharpen photo 2')];
  expect([w1.worker, w2.worker]).toEqual([0, 0]);
  expect(w2.start_ms).toBeGreaterThanOrEqual(w1.end_ms - 1);
  // With one worker busy, the second job waited for it: the model says so too.
  expect(finished.total_ms).toBeGreaterThanOrEqual(finished.predicted_ms * 0.98);
  await expect(app.timeline().locator('.tl-worker')).toHaveCount(1);
});

test('each photo travels to its worker and back: 24 MB copied, then transferred, measured in the run', async ({ page }) => {
  test.setTimeout(60_000);
  const app = await Playground.open(page, '?lesson=workers&scale=200');
  const copied = (await app.run('workers')).message;
  expect(copied.workers).toMatchObject({ data_mb: 24, send: 'copy' });
  expect(copied.workers!.send_ms).toBeGreaterThan(0);
  const row = app.timeline().locator('.pool-cost');
  await expect(row).toContainText('Each carried up to 24 MB, copied: postMessage held the page for');
  await expect(row).not.toContainText('did not come back whole');

  await page.getByRole('button', { name: 'Two photos, transferred' }).click();
  const moved = (await app.run('workers')).message;
  expect(moved.workers).toMatchObject({ data_mb: 24, send: 'transfer' });
  await expect(row).toContainText('Each carried up to 24 MB, transferred');
  await expect(row).not.toContainText('did not come back whole');
  // The scenario says how each photo travels, in the task's own fields.
  await app.task('Sharpen photo 1').click();
  await expect(page.getByLabel('Data for its worker (MB)')).toHaveValue('24');
  await expect(page.getByLabel('Send the data by')).toHaveValue('transfer');
  await page.getByLabel('Send the data by').selectOption('copy');
  await expect(page.getByLabel('Send the data by')).toHaveValue('copy');
  await expect(page.getByText('Measured before the scenario last changed: run it again to compare.')).toBeVisible();
});
