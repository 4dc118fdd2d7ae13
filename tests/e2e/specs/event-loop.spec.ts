// "One turn of the event loop": the learner puts a click handler's log lines in order (by
// keyboard, buttons or dragging), runs the click for real, and sees their order beside the
// model's and the browser's. The browser's column must be the page's real console log, and
// that log must keep what the standard guarantees.
import { expect, test, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

const SYNC = ['handler starts', 'async fn starts', 'handler ends'];
const MICROTASKS = ['then callback', 'queued microtask', 'after await'];
const LATER = ['frame callback', 'timer fired', 'message arrived'];
const LINES = [...SYNC, ...MICROTASKS, ...LATER];

const order = (page: Page) => page.locator('.turn-order li code').allTextContents();

test('predict the order, run the click, and see the real log beside the model', async ({ page }) => {
  const logged: string[] = [];
  page.on('console', (m) => {
    if (LINES.includes(m.text())) logged.push(m.text());
  });
  await Playground.open(page, '?lesson=event-loop');
  await expect(page.getByRole('heading', { level: 2, name: 'One turn of the event loop' })).toBeVisible();
  const list = page.locator('.turn-order');
  await expect(list.locator('li')).toHaveCount(9);
  const start = await order(page);
  expect(start[0]).toBe('handler starts');
  expect(start[1]).toBe('timer fired');
  // The answer waits for the run.
  await expect(page.getByRole('heading', { name: 'What to notice' })).toHaveCount(0);

  // Keyboard: Alt+Down moves the focused line, says so, and keeps the focus on it.
  await list.locator('li', { hasText: 'timer fired' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  expect((await order(page))[2]).toBe('timer fired');
  await expect(page.locator('.turn-guess [aria-live]')).toHaveText('\u201ctimer fired\u201d moved to place 3 of 9.');
  await expect(list.locator('li', { hasText: 'timer fired' })).toBeFocused();
  // Buttons.
  await page.getByRole('button', { name: 'Move \u201chandler ends\u201d up' }).click();
  expect((await order(page))[7]).toBe('handler ends');
  // Dragging: the last line onto the first place.
  await list.locator('li', { hasText: 'handler ends' }).dragTo(list.locator('li').first());
  expect((await order(page))[0]).toBe('handler ends');
  const guess = await order(page);

  await page.getByRole('button', { name: 'Run the click' }).click();
  const table = page.locator('.turn-results');
  await expect(table).toBeVisible();
  await expect.poll(() => logged.length).toBe(9);
  // The standard's guarantees, in the real log.
  expect(logged.slice(0, 3)).toEqual(SYNC);
  expect(logged.slice(3, 6)).toEqual(MICROTASKS);
  expect([...logged.slice(6)].sort()).toEqual([...LATER].sort());
  // The page's columns: the guess as it was, the model, and exactly what the console got.
  const column = (n: number) => table.locator(`tbody tr td:nth-child(${n}) .turn-chip`).allTextContents();
  expect(await column(2)).toEqual(guess);
  expect(await column(3)).toEqual(LINES);
  expect(await column(4)).toEqual(logged);
  // The guess put "handler ends" first: the verdict names the rule it breaks.
  await expect(page.locator('.turn .verdict')).toContainText('the click handler runs to its end before anything it scheduled');
  // The queues drawn: each line in the queue it waited in.
  await expect(page.locator('.turn-queue.microtasks li')).toHaveText(MICROTASKS);
  await expect(page.getByRole('heading', { name: 'What to notice' })).toBeVisible();
});

test('while the puzzle loads its place is kept, so the run buttons do not move when it arrives', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/extras.js', async (route) => {
    await held;
    await route.continue();
  });
  await Playground.open(page, '?lesson=event-loop');
  await expect(page.locator('.turn-host .booting-extra')).toBeVisible();
  const run = page.locator('.mode-async button.run');
  const before = (await run.boundingBox())!.y;
  release();
  await expect(page.locator('.turn-order li')).toHaveCount(9);
  const after = (await run.boundingBox())!.y;
  // Without the kept place the buttons moved 390 px down.
  expect(Math.abs(after - before)).toBeLessThan(24);
});

for (const file of ['extras.js', 'extras_bg.wasm']) {
  test(`if the puzzle's ${file} cannot be loaded, the page says so, the rest of the lesson works, and Try again loads it`, async ({
    page,
  }) => {
    let tries = 0;
    await page.route(`**/${file}`, (route) => {
      tries += 1;
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const app = await Playground.open(page, '?lesson=event-loop');
    const failed = page.locator('.turn-host [role=alert]');
    await expect(failed).toHaveText(
      'This part of the lesson could not be loaded. Check the connection and try again, or reload the page if the site has just been updated.Try again',
    );
    await app.runButton('async').click();
    await expect(app.status()).toContainText('Async run finished');
    // Still failing: tried again, said again, and nothing else is lost.
    // (The table of runs, shown after the run, has tried too, and waits with it.)
    const before = tries;
    await expect(page.locator('.history-host [role=alert]')).toBeVisible();
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => tries).toBeGreaterThan(before);
    await expect(failed.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.unroute(`**/${file}`);
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.turn-order li')).toHaveCount(9);
    await expect(failed).toHaveCount(0);
    // One press tried every place that waited: the table of runs came too.
    await expect(page.locator('.history-host [role=alert]')).toHaveCount(0);
    await expect(page.locator('.history-host table')).toBeVisible();
    await expect.poll(async () => (await app.messages('run-finished')).length).toBe(1);
    // The extras' glue ran once (a second run declares `wasm_bindgen` twice), and one
    // stylesheet of theirs is left.
    expect(errors.filter((e) => e.includes('already been declared'))).toEqual([]);
    await expect(page.locator('link[data-extras]')).toHaveCount(1);
  });
}
