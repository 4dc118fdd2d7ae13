// Building and running the ticket queue with the keyboard alone, each edit announced.
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

test('build the ticket queue from an empty timeline with the keyboard only', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  const kb = page.keyboard;
  await app.tabTo('Clear');
  await kb.press('Enter');
  await app.tabTo('Add lane');
  await kb.press('Enter');
  await kb.press('Enter');
  await app.tabTo('Name of lane 1');
  await kb.press('ControlOrMeta+a');
  await kb.type('You');
  await app.tabTo('Add wait task', { backwards: true });
  await kb.press('Enter');
  await expect(app.editNote()).toHaveText('Added wait task \u201cWait\u201d of 1 minute to lane You, position 1 of 1.');
  await app.tabTo('Name of lane 2');
  await kb.press('ControlOrMeta+a');
  await kb.type('Phone');
  // Choose the lane beside the palette, then add to it.
  await app.tabTo('Lane to add to', { backwards: true });
  await kb.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Lane to add to' })).toHaveValue('1');
  await app.tabTo('Add work task', { backwards: true });
  await kb.press('Enter');
  await expect(app.editNote()).toHaveText('Added work task \u201cWork\u201d of 1 minute to lane Phone, position 1 of 1.');

  await app.tabTo(/^Wait: /);
  for (let i = 0; i < 8; i++) await kb.press('Shift+ArrowRight');
  await expect(app.editNote()).toHaveText('\u201cWait\u201d now lasts 5 minutes.');
  await app.tabTo(/^Work: /);
  await kb.press('Shift+ArrowRight');
  await kb.press('Shift+ArrowRight');
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 2 minutes, lane Phone, 1 of 1');
  await expect(app.task('Work')).toBeFocused();

  // Arrow keys move it; focus stays on the task; Ctrl+Z undoes.
  await kb.press('ArrowUp');
  await expect(app.editNote()).toHaveText('Moved \u201cWork\u201d to lane You, position 1 of 2.');
  await expect(app.task('Work')).toBeFocused();
  await kb.press('ArrowRight');
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 2 minutes, lane You, 2 of 2');
  await kb.press('Control+z');
  await kb.press('Control+z');
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 2 minutes, lane Phone, 1 of 1');
  await kb.press('Control+Shift+z');
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 2 minutes, lane You, 1 of 2');
  await kb.press('Control+z');

  // Delete removes; undo brings it back.
  await app.task('Work').focus();
  await kb.press('Delete');
  await expect(app.task('Work')).toHaveCount(0);
  await kb.press('Control+z');
  await expect(app.task('Work')).toHaveAccessibleName('Work: work, 2 minutes, lane Phone, 1 of 1');

  await expect(app.card('blocking').locator('.predicted')).toHaveText('Predicted total: 7 minutes (700 ms)');
  await expect(app.card('async').locator('.predicted')).toHaveText('Predicted total: 5 minutes (500 ms)');
  await app.tabTo('Run async');
  const { message } = await app.runWith(() => kb.press('Enter'));
  expect(message.total_ms).toBeGreaterThanOrEqual(495);
  expect(message.total_ms).toBeLessThan(800);
  await expect(app.card('async').locator('.stale')).toHaveCount(0);

  // After an edit the measurement no longer matches the scenario, and the card says so.
  await app.task('Work').focus();
  await kb.press('Shift+ArrowRight');
  await expect(app.card('async').locator('.stale')).toHaveText(
    'Measured before the scenario last changed: run it again to compare.',
  );
  await kb.press('Control+z');
  await expect(app.card('async').locator('.stale')).toHaveCount(0);
});
