// Building the ticket queue from an empty timeline by touch alone: real touch events through
// the DevTools protocol, which Chromium turns into pointer events of type "touch".
import { expect, test, type Locator, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

test.use({ hasTouch: true });

/** A finger pressed at (x0, y0), moved in steps to (x, y), and lifted. */
async function touchDragBetween(page: Page, x0: number, y0: number, x: number, y: number) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: string, px: number, py: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x: px, y: py, id: 1 }],
    });
  await touch('touchStart', x0, y0);
  for (let i = 1; i <= 10; i++) await touch('touchMove', x0 + ((x - x0) * i) / 10, y0 + ((y - y0) * i) / 10);
  await touch('touchEnd', x, y);
  await cdp.detach();
}

async function touchDrag(page: Page, from: Locator, x: number, y: number) {
  const box = (await from.boundingBox())!;
  await touchDragBetween(page, box.x + box.width / 2, box.y + box.height / 2, x, y);
}

/** A tap on `target`. Now and then, after the DevTools touch drags above, Chromium delivers
 * no pointer events for Playwright's tap at all (the button under it is neither focused nor
 * pressed): then the tap is made again, up to three times. A tap that arrives focuses the
 * button, which is what is checked, not what the app did with it. */
async function tap(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  for (let i = 0; i < 3; i++) {
    const box = (await target.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    if (await target.evaluate((e) => e === document.activeElement || !e.isConnected || (e as HTMLButtonElement).disabled)) return;
  }
}

test('tasks can be added, moved and resized by touch', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  let lanes = await app.lanesBox();
  // The selfies move from the Phone lane into the You lane, after the wait.
  await touchDrag(page, app.task('Take selfies'), lanes.x + 6.5 * lanes.unit, lanes.y + lanes.row / 2);
  await expect(app.task('Take selfies')).toHaveAccessibleName('Take selfies: work, 2 minutes, lane You, 2 of 2');
  // A request from the palette lands in the (now empty) Phone lane.
  await touchDrag(page, page.getByRole('button', { name: 'Add request task' }), lanes.x + lanes.unit, lanes.y + lanes.row * 1.5);
  await expect(app.task('Request')).toHaveAccessibleName('Request: request, 1 minute, lane Phone, 1 of 1');
  await expect(app.card('blocking').locator('.predicted')).toHaveText('Predicted total: 8 minutes (800 ms)');
});

test('build the ticket queue from an empty timeline by touch', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  await tap(page, page.getByRole('button', { name: 'Clear' }));
  await expect(page.locator('.ed-task')).toHaveCount(0);
  await tap(page, page.getByRole('button', { name: 'Add lane' }));
  await tap(page, page.getByRole('button', { name: 'Add lane' }));
  let lanes = await app.lanesBox();
  await touchDrag(page, page.getByRole('button', { name: 'Add wait task' }), lanes.x + lanes.unit / 2, lanes.y + lanes.row / 2);
  await touchDrag(page, page.getByRole('button', { name: 'Add work task' }), lanes.x + lanes.unit / 2, lanes.y + lanes.row * 1.5);
  await expect(app.task('Wait')).toHaveAccessibleName('Wait: wait, 1 minute, lane Lane 1, 1 of 1');
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 1 minute, lane Lane 2, 1 of 1');

  // Stretch each by its right edge.
  lanes = await app.lanesBox();
  for (const [label, units] of [['Wait', 4], ['Work', 1]] as const) {
    const g = (await app.task(label).locator('.grip').boundingBox())!;
    const [x, y] = [g.x + g.width / 2, g.y + g.height / 2];
    await touchDragBetween(page, x, y, x + units * lanes.unit, y);
  }
  await expect(app.task('Wait')).toHaveAccessibleName(/^Wait: wait, 5 minutes/);
  await expect(app.task('Work')).toHaveAccessibleName(/^Work: work, 2 minutes/);
  await expect(app.card('blocking').locator('.predicted')).toHaveText('Predicted total: 7 minutes (700 ms)');
  await expect(app.card('async').locator('.predicted')).toHaveText('Predicted total: 5 minutes (500 ms)');

  const { message } = await app.runWith(() => tap(page, app.runButton('async')));
  expect(message.mode).toBe('async');
  expect(message.total_ms).toBeGreaterThanOrEqual(495);
});
