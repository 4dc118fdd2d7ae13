// The drawn timeline: what a run did is painted on one canvas, not built as an element per
// task, and stays usable by pointer and keys at ten thousand tasks. Behaviour only: speed is
// the benchmark's (cargo xtask bench).
import { expect, test, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

/** `lanes` lanes of `perLane` waits of one unit each. */
const waits = (lanes: number, perLane: number) => ({
  version: 1,
  lanes: Array.from({ length: lanes }, (_, l) => ({
    name: `L${l}`,
    tasks: Array.from({ length: perLane }, (_, t) => ({ kind: 'wait', label: `W${l}-${t}`, duration: 1 })),
  })),
});

async function load(page: Page, scenario: object, tasks: number) {
  await page.evaluate((s) => window.postMessage({ type: 'load', scenario: s }, '*'), scenario);
  await expect(page.locator('.timeline')).toHaveAttribute('data-task-count', String(tasks));
}

test('10,000 tasks in 8 lanes: a few elements, every lane painted, and the keys walk the tasks', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await Playground.open(page, '?scale=1');
  await load(page, waits(8, 1250), 10_000);
  // Too thin to hold at this zoom: the tasks are painted, not built.
  expect(await page.locator('.ed-task').count()).toBeLessThan(50);
  await app.timeline().scrollIntoViewIfNeeded();
  await expect.poll(async () => (await app.painted('ghost')).every((n) => n > 100)).toBe(true);

  const run = (await app.run('async')).message;
  expect(run.tasks).toHaveLength(10_000);
  await expect.poll(async () => (await app.painted('measured')).every((n) => n > 100)).toBe(true);

  // The keys: the first task, the next, the lane below, the lane's last; each move said aloud.
  const canvas = app.timeline().locator('canvas.tl-paint');
  const said = app.timeline().locator('.tl-said');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect(said).toHaveText(/^W0-0, lane L0, task 1 of 1250: measured [\d.]+–[\d.]+ ms, predicted 0\.0–1\.0 ms\.$/);
  await page.keyboard.press('ArrowRight');
  await expect(said).toContainText('W0-1, lane L0, task 2 of 1250');
  await page.keyboard.press('ArrowDown');
  await expect(said).toContainText('W1-1, lane L1, task 2 of 1250');
  await page.keyboard.press('End');
  await expect(said).toContainText('W1-1249, lane L1, task 1250 of 1250');
  // The selection is the editor's too: the inspector edits it, and it has an element to focus.
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue('W1-1249');
  await expect(app.task('W1-1249')).toHaveCount(1);
  // Folded away, the table (an extra) is not built, even in view with the extras loaded.
  await page.locator('.share-host').scrollIntoViewIfNeeded();
  await expect(page.locator('.share-host .booting-extra')).toHaveCount(0);
  await app.timeline().locator('details.tl-tasks').scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(app.timeline().locator('.tl-table-host table')).toHaveCount(0);
  // The table on demand holds the tasks around the selection, not ten thousand rows.
  const rows = await app.tasksTable();
  expect(rows.length).toBe(21);
  expect(rows[10].label).toBe('W1-1249');
  expect(rows[11].label).toBe('W2-0');
  expect(rows.every((r) => r.measuredOutcome === 'done')).toBe(true);
  await expect(app.timeline().locator('tbody tr[aria-current="true"]')).toHaveText(/W1-1249/);
  // Choosing a name in the table selects its task: the inspector edits it, and the table moves
  // with the selection.
  await app.timeline().locator('tbody tr').filter({ hasText: 'W2-0' }).getByRole('button').click();
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue('W2-0');
  await expect(app.timeline().locator('tbody tr[aria-current="true"]')).toHaveText(/W2-0/);
  expect((await app.tasksTable())[10].label).toBe('W2-0');
  // Escape lets go of it.
  await canvas.focus();
  await page.keyboard.press('Escape');
  await expect(said).toHaveText('No task selected.');
  await expect(page.getByLabel('Label', { exact: true })).toHaveCount(0);
});

test('pointing at a drawn bar names it, and pressing it selects its task', async ({ page }) => {
  const app = await Playground.open(page, '?scale=200');
  const run = (await app.run('async')).message;
  const selfies = run.tasks.find((t) => t.label === 'Take selfies')!;
  const rows = await app.lanesBox();
  const canvas = app.timeline().locator('canvas.tl-paint');
  // The middle of the selfies' measured bar: lane 2, in the foot of its track.
  const px = rows.width / Number(await app.timeline().getAttribute('data-axis-ms'));
  const x = rows.x + ((selfies.start_ms + selfies.end_ms) / 2) * px;
  const y = rows.y + rows.row + 34 + 26 - 7;
  await page.mouse.move(x, y);
  await expect(canvas).toHaveAttribute('title', /^Take selfies: measured \d+–\d+ ms$/);
  await page.mouse.click(x, y);
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue('Take selfies');
  // Where no bar is, no name.
  await page.mouse.move(rows.x + rows.width - 4, y);
  await expect(canvas).toHaveAttribute('title', '');
  // The summary names the lanes, the tasks and the longest freeze.
  await expect(app.timeline().locator('#timeline-summary')).toContainText('2 lanes (You, Phone) of 2 tasks, showing async mode');
  await expect(app.timeline().locator('#timeline-summary')).toContainText('the page went without a frame for up to');
});

test('the canvas zooms by keys and Ctrl+wheel, and a drag pans the zoomed lanes', async ({ page }) => {
  const app = await Playground.open(page, '?scale=200');
  const level = app.timeline().locator('.tl-zoom-level');
  const canvas = app.timeline().locator('canvas.tl-paint');
  await canvas.focus();
  await page.keyboard.press('+');
  await expect(level).toHaveText('2×');
  await page.keyboard.press('+');
  await expect(level).toHaveText('4×');
  await page.keyboard.press('-');
  await expect(level).toHaveText('2×');
  // Ctrl+wheel (a trackpad's pinch) zooms, and not the page.
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 50, box.y + 10);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(level).toHaveText('4×');
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
  // A drag on the canvas scrolls the zoomed lanes sideways.
  const scroller = app.timeline().locator('.tl-scroll');
  expect(await scroller.evaluate((s) => s.scrollLeft)).toBe(0);
  // In the first lane's track, under its task (a press on a task drags the task instead).
  await page.mouse.move(box.x + 300, box.y + 50);
  await page.mouse.down();
  await page.mouse.move(box.x + 100, box.y + 50, { steps: 10 });
  await page.mouse.up();
  expect(await scroller.evaluate((s) => s.scrollLeft)).toBeGreaterThan(150);
});

test('10,000 lanes: the lanes near the window hold their tasks, which drag as in a short timeline', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await Playground.open(page, '?scale=1');
  // One long task in the first lane, and 9,999 short ones, one a lane (the axis spans the
  // blocking run, all of them one after another, so the long one stays wide enough to grab).
  const scenario = waits(10_000, 1);
  scenario.lanes[0].tasks[0].duration = 600;
  for (const lane of scenario.lanes.slice(1)) lane.tasks[0].duration = 0.01;
  await load(page, scenario, 10_000);
  await expect(app.task('W0-0')).toBeVisible();
  expect(await page.locator('.ed-task').count()).toBeLessThan(150);
  // Drag the first lane's task down into the second lane.
  const box = await app.lanesBox();
  const task = (await app.task('W0-0').boundingBox())!;
  await page.mouse.move(task.x + 20, task.y + task.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(task.x + 20, task.y + task.height / 2 + (i * box.row) / 10);
  await page.mouse.up();
  await expect(app.task('W0-0')).toHaveAccessibleName(/lane L1\b/);
});

test('the canvas follows the lanes when the page above them changes, with no scroll', async ({ page }) => {
  const app = await Playground.open(page, '?scale=1');
  await load(page, waits(200, 1), 200);
  // A browser without scroll anchoring (WebKit) lets the lanes move when the page above grows.
  await page.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
  const rows = app.timeline().locator('.tl-rows');
  const canvas = app.timeline().locator('canvas.tl-paint');
  const shift = () => canvas.evaluate((c) => new DOMMatrix(getComputedStyle(c).transform).m42);
  const rowsTop = () => rows.evaluate((r) => r.getBoundingClientRect().top);
  // The lanes' top 300 px above the window: the canvas starts 300 px down the rows.
  await page.evaluate((by) => window.scrollBy(0, by), (await rowsTop()) + 300);
  await expect.poll(shift).toBeCloseTo(300, -1);
  const before = await rowsTop();
  const grown = await page.evaluate(() => {
    const why = document.querySelector<HTMLDetailsElement>('.pulse-why')!;
    const before = why.getBoundingClientRect().height;
    why.open = true;
    return why.getBoundingClientRect().height - before;
  });
  expect(grown).toBeGreaterThan(10);
  // No scroll event: the layout moved the lanes down, and the canvas went with them.
  expect(await rowsTop()).toBeGreaterThan(before + 10);
  await expect.poll(async () => Math.abs((await shift()) + (await rowsTop()))).toBeLessThan(2);
});
