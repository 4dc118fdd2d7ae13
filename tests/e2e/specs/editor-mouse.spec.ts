// Building the ticket queue from an empty timeline with a mouse, then running it both ways.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

async function drag(page: Page, from: Locator, x: number, y: number) {
  const box = (await from.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 12 });
  await page.mouse.up();
}

test('build the ticket queue by dragging, run it both ways, undo and redo', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.locator('.ed-task')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add lane' }).click();
  await page.getByRole('button', { name: 'Add lane' }).click();
  await page.getByRole('textbox', { name: 'Name of lane 1' }).fill('You');
  await page.getByRole('textbox', { name: 'Name of lane 2' }).fill('Phone');
  await page.getByRole('textbox', { name: 'Name of lane 2' }).press('Tab');

  let lanes = await app.lanesBox();
  await drag(page, page.getByRole('button', { name: 'Add wait task' }), lanes.x + lanes.unit / 2, lanes.y + lanes.row / 2);
  await expect(app.editNote()).toHaveText('Added wait task \u201cWait\u201d of 1 minute to lane You, position 1 of 1.');
  await drag(page, page.getByRole('button', { name: 'Add work task' }), lanes.x + lanes.unit / 2, lanes.y + lanes.row * 1.5);
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 1 minute, lane Phone, 1 of 1');

  // Drag the right edges: the wait to 5 units, the work to 2.
  lanes = await app.lanesBox();
  const grip = async (label: string) => (await app.task(label).locator('.grip').boundingBox())!;
  let g = await grip('Wait');
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2 + 4 * lanes.unit, g.y + g.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(app.task('Wait')).toHaveAccessibleName(/^Wait: wait, 5 minutes, lane You/);
  g = await grip('Work');
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2 + lanes.unit, g.y + g.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(app.task('Work')).toHaveAccessibleName(/^Work: work, 2 minutes, lane Phone/);

  await expect(app.card('blocking').locator('.predicted')).toHaveText('Predicted total: 7 minutes (700 ms)');
  await expect(app.card('async').locator('.predicted')).toHaveText('Predicted total: 5 minutes (500 ms)');

  const asyncRun = await app.run('async');
  expect(asyncRun.message.total_ms).toBeGreaterThanOrEqual(495);
  expect(Math.max(...asyncRun.gaps)).toBeLessThan(150);
  const blockingRun = await app.run('blocking');
  expect(blockingRun.message.total_ms).toBeGreaterThanOrEqual(699);
  expect(Math.max(...blockingRun.gaps)).toBeGreaterThanOrEqual(650);

  // Move the work into the first lane, after the wait; undo and redo the move.
  lanes = await app.lanesBox();
  await drag(page, app.task('Work'), lanes.x + 5.8 * lanes.unit, lanes.y + lanes.row / 2);
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 2 minutes, lane You, 2 of 2');
  await expect(app.card('async').locator('.predicted')).toHaveText('Predicted total: 7 minutes (700 ms)');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 2 minutes, lane Phone, 1 of 1');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 2 minutes, lane You, 2 of 2');

  // A click selects: the inspector edits the label.
  await app.task('Work').click();
  await page.getByRole('textbox', { name: 'Label' }).fill('Take selfies');
  await page.getByRole('textbox', { name: 'Label' }).press('Enter');
  await expect(app.task('Take selfies')).toBeVisible();
});
