// A blocking run holds the main thread for the whole run (7 units of 100 ms): no frame is
// drawn, and the browser reports a long task of about that length.
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

test('a blocking run freezes the page for about 7 units', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  const { message, gaps, longTasks } = await app.run('blocking');

  expect(message.mode).toBe('blocking');
  expect(message.predicted_ms).toBe(700);
  expect(message.total_ms).toBeGreaterThanOrEqual(699);
  expect(message.total_ms).toBeLessThan(1200);

  // The test's own probes: one frame gap and one long task as long as the run.
  const longest = Math.max(...gaps);
  console.log(`blocking: max frame gap ${longest.toFixed(1)} ms, app says ${message.longest_freeze_ms} ms; long tasks ${longTasks.map((t) => t.duration.toFixed(0)).join(', ')} ms`);
  expect(longest).toBeGreaterThanOrEqual(650);
  expect(longest).toBeLessThan(2500);
  expect(Math.max(...longTasks.map((t) => t.duration))).toBeGreaterThanOrEqual(650);
  // The app measured the same freeze and reported it.
  expect(Math.abs(message.longest_freeze_ms - longest)).toBeLessThan(100);
  expect(message.long_tasks).toBeGreaterThanOrEqual(1);

  // One after the other: the selfies start when the wait ends.
  const [wait, selfies] = message.tasks;
  expect(selfies.start_ms).toBeGreaterThanOrEqual(wait.end_ms);
  expect(wait.end_ms - wait.start_ms).toBeGreaterThanOrEqual(499);

  await app.expectPageAgrees(message);
});
