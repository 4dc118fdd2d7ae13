// Everything a run needs works from the keyboard alone.
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

test('a run can be started with the keyboard alone', async ({ page }) => {
  const app = await Playground.open(page, '?scale=20');
  await app.tabTo('Run async');
  await expect(app.runButton('async')).toBeFocused();
  const { message } = await app.runWith(() => page.keyboard.press('Enter'));
  expect(message.mode).toBe('async');
  await expect(app.status()).toContainText('Async run finished');
  // Focus stays where it was, ready for the next run.
  await expect(app.runButton('async')).toBeFocused();
});
