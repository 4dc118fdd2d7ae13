// Dragging works with touch: real touch events through the DevTools protocol, which Chromium
// turns into pointer events of type "touch".
import { expect, test, type Locator, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

test.use({ hasTouch: true });

async function touchDrag(page: Page, from: Locator, x: number, y: number) {
  const cdp = await page.context().newCDPSession(page);
  const box = (await from.boundingBox())!;
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
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

test('tasks can be added and moved by touch', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  const lanes = await app.lanesBox();
  // The selfies move from the Phone lane into the You lane, after the wait.
  await touchDrag(page, app.task('Take selfies'), lanes.x + 6.5 * lanes.unit, lanes.y + lanes.row / 2);
  await expect(app.task('Take selfies')).toHaveAccessibleName('Take selfies: work, 2 minutes, lane You, 2 of 2');
  // A request from the palette lands in the (now empty) Phone lane.
  await touchDrag(page, page.getByRole('button', { name: 'Add request task' }), lanes.x + lanes.unit, lanes.y + lanes.row * 1.5);
  await expect(app.task('Request')).toHaveAccessibleName('Request: request, 1 minute, lane Phone, 1 of 1');
  await expect(app.card('blocking').locator('.predicted')).toHaveText('Predicted total: 8 minutes (800 ms)');
});
