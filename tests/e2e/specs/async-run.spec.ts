// An async run keeps the page responsive and ends near the prediction (5 units of 100 ms).
import { expect, test } from '@playwright/test';
import { formatDuration, Playground } from '../pages/playground';

test('an async run keeps frames coming and takes about 5 units', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  const { message, gaps, longTasks } = await app.run('async');

  expect(message.mode).toBe('async');
  expect(message.predicted_ms).toBe(500);
  // Timers never fire early; on a loaded machine they may be late.
  expect(message.total_ms).toBeGreaterThanOrEqual(495);
  expect(message.total_ms).toBeLessThan(800);

  // The test's own frame probe: frames kept coming all through the run.
  console.log(`async: ${gaps.length} frame gaps, max ${Math.max(...gaps).toFixed(1)} ms, app says ${message.longest_freeze_ms} ms`);
  expect(gaps.length).toBeGreaterThan(10);
  expect(Math.max(...gaps)).toBeLessThan(150);
  expect(longTasks.filter((t) => t.duration > 150)).toEqual([]);

  // The selfies (lane 1) were done while the wait (lane 0) was still going.
  const [wait, selfies] = message.tasks;
  expect([wait.lane, wait.label]).toEqual([0, 'Wait in the ticket queue']);
  expect([selfies.lane, selfies.label]).toEqual([1, 'Take selfies']);
  expect(selfies.start_ms).toBeLessThan(50);
  expect(selfies.end_ms).toBeLessThan(wait.end_ms);

  await app.expectPageAgrees(message);
  await expect(app.card('async').locator('.input-delay')).toHaveText('no input');
  // The session's history has the run, with the same figures.
  const row = page.locator('.history table').getByRole('row').nth(1);
  await expect(row).toContainText('Async');
  await expect(row.getByRole('cell').nth(0)).toHaveText('The ticket queue');
  await expect(row.getByRole('cell').nth(2)).toHaveText(formatDuration(message.total_ms));
  await expect(page.getByRole('heading', { name: 'What to notice' })).toBeVisible();
});

test('the live timeline draws each lane as the run goes, then gives way to the timeline drawn from the report', async ({ page }) => {
  // 5 units of 400 ms: a 2 s run, time enough to look at it while it runs.
  const app = await Playground.open(page, '?scale=400');
  const timeline = app.timeline();
  await timeline.scrollIntoViewIfNeeded();
  const canvas = timeline.locator('canvas.tl-live');
  await expect(canvas).toBeHidden();

  // How many pixels of the live canvas are painted in each lane's measured band.
  const paintedPerLane = () => app.painted('measured', 'tl-live');

  const before = (await app.messages('run-finished')).length;
  await app.runButton('async').click();
  await expect(canvas).toBeVisible();
  // The last run's bars are left out of the timeline's own canvas while the live one draws.
  // Both lanes start at once (the wait and the selfies), so both get a bar, and it grows.
  let first: number[] = [];
  await expect.poll(async () => (first = await paintedPerLane()).every((n) => n > 0)).toBe(true);
  await expect.poll(async () => (await paintedPerLane())[0]).toBeGreaterThan(first[0]);
  await expect(timeline.locator('.now-cursor')).toBeVisible();
  // Each redraw adds only what grew: the pieces join without a seam. Across the middle of the
  // first lane's bar, drawn over a dozen redraws by now, every pixel between its ends is solid.
  await expect.poll(async () => (await paintedPerLane())[0]).toBeGreaterThan(first[0] * 4);
  const seams = await canvas.evaluate((c: HTMLCanvasElement) => {
    const ratio = c.width / c.getBoundingClientRect().width;
    const shift = new DOMMatrix(getComputedStyle(c).transform).m42;
    const track = c.closest('.tl-rows')!.querySelector<HTMLElement>('.tl-lane .tl-track')!;
    // The measured bar: 10 px tall, 2 px above the track's foot (runtime/live_timeline.rs).
    const y = Math.round((track.offsetTop + track.offsetHeight - 7 - shift) * ratio);
    const row = c.getContext('2d')!.getImageData(0, y, c.width, 1).data;
    const alpha = [...row.keys()].filter((i) => i % 4 === 3).map((i) => row[i]);
    const [from, to] = [alpha.findIndex((a) => a > 0), alpha.findLastIndex((a) => a > 0)];
    return alpha.slice(from + 1, to).filter((a) => a < 255).length;
  });
  expect(seams).toBe(0);

  await page.waitForFunction((n) => window.__e2e.messages.filter((m) => m.type === 'run-finished').length > n, before);
  await expect(canvas).toBeHidden();
  await expect(timeline.locator('.now-cursor')).toBeHidden();
  // The timeline's canvas now draws the measured bar of each lane, from the report.
  await expect.poll(async () => (await app.painted('measured')).every((n) => n > 100)).toBe(true);
});

test('the extras never load while runs go: the table of runs comes after Compare all', async ({ page }) => {
  // Only the run strip and the history: nothing else on the page loads the extras. The history
  // appears after the first run, while Compare all goes on to the next.
  const app = await Playground.open(page, '?scale=100&controls=run,blocking,async,compare,history');
  await page.getByRole('button', { name: 'Compare all' }).click();
  await expect.poll(async () => (await app.messages('run-finished')).length, { timeout: 45_000 }).toBe(2);
  const row = page.locator('.history table').getByRole('row').nth(2);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Async');
  const { lastRunEnd, wasmAsked } = await page.evaluate(() => {
    const started = window.__e2e.messages.filter((m) => m.type === 'run-started').at(-1)!;
    const finished = window.__e2e.messages.filter((m) => m.type === 'run-finished').at(-1)! as unknown as { total_ms: number };
    const wasm = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('extras_bg.wasm'));
    return { lastRunEnd: started.received_at + finished.total_ms, wasmAsked: wasm.map((e) => e.startTime) };
  });
  expect(wasmAsked.length).toBe(1);
  expect(wasmAsked[0]).toBeGreaterThan(lastRunEnd);
});

test.describe('on a phone, 390 x 844', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the table of runs shows each run as labelled figures, without scrolling sideways', async ({ page }) => {
    const app = await Playground.open(page, '?lesson=ticket-queue&scale=100');
    const { message } = await app.run('async');
    const runs = page.locator('.history .table-scroll');
    const measured = runs.locator('td[data-label="Measured"]');
    await expect(measured).toHaveText(formatDuration(message.total_ms));
    // The figure's label is drawn beside it (the column heads are for screen readers here).
    expect(await measured.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Measured"');
    const [scrolled, shown] = await runs.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scrolled, 'the runs fit the column').toBeLessThanOrEqual(shown);
  });
});
