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

test('2,000 lanes: the live drawing draws the lanes scrolled to during a run, in their rows', async ({ page }) => {
  // A wait of 3 units in every seventh lane (the others empty), at 1 s a unit: a 3 s run,
  // time to scroll while it goes, and lanes that tell one row from another.
  const waits = (i: number) => i % 7 === 3;
  const long = {
    version: 1,
    lanes: Array.from({ length: LANES }, (_, i) => ({
      name: `L${i}`,
      tasks: waits(i) ? [{ kind: 'wait', label: `Wait ${i}`, duration: 3 }] : [],
    })),
  };
  const app = await Playground.open(page, '?scale=1000');
  await page.evaluate((s) => window.postMessage({ type: 'load', scenario: s }, '*'), long);
  await expect(app.task('Wait 3')).toBeVisible();
  const live = app.timeline().locator('canvas.tl-live');
  await page.evaluate(() => window.postMessage({ type: 'run', mode: 'async' }, '*'));
  await expect(live).toBeVisible();

  // Lane 1,000 was not built when the run started; scrolled to, it is, and its neighbours are
  // drawn where they are.
  const rowPx = Number(await page.locator('.tl-rows').getAttribute('data-row-px'));
  await page.locator('.tl-rows').evaluate((rows, y) => window.scrollTo(0, rows.getBoundingClientRect().top + window.scrollY + y), 1000 * rowPx);
  await expect(app.task('Wait 1004')).toBeInViewport();
  // Every built lane the canvas covers has its measured bar if it has a wait and none if not,
  // and no bar is drawn in a ghost band.
  const covered = () =>
    live.evaluate((c: HTMLCanvasElement) => {
      const ratio = c.width / c.getBoundingClientRect().width;
      const shift = new DOMMatrix(getComputedStyle(c).transform).m42;
      const rows = c.closest('.tl-rows') as HTMLElement;
      const out: { lane: number; measured: number; ghost: number }[] = [];
      for (const lane of rows.querySelectorAll<HTMLElement>('.tl-lane')) {
        const track = lane.querySelector<HTMLElement>('.tl-track')!;
        const half = track.offsetHeight / 2;
        const top = track.offsetTop - shift;
        if (top < 0 || (top + 2 * half) * ratio > c.height) continue;
        const count = (y: number) => {
          const data = c.getContext('2d')!.getImageData(0, Math.round(y * ratio), c.width, Math.round(half * ratio)).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
          return n;
        };
        out.push({ lane: Math.round(lane.offsetTop / Number(rows.dataset.rowPx)), measured: count(top + half), ghost: count(top) });
      }
      return out;
    });
  await expect
    .poll(async () => {
      const lanes = await covered();
      const wrong = lanes.filter((l) => l.measured > 0 !== waits(l.lane) || l.ghost > 0);
      return { covered: lanes.length >= 7 && lanes.some((l) => l.lane >= 1000), wrong: wrong.map((l) => l.lane) };
    })
    .toEqual({ covered: true, wrong: [] });
  await expect.poll(async () => (await app.messages('run-finished')).length, { timeout: 30_000 }).toBe(1);
});
