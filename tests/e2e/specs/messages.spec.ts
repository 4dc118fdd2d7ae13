// The postMessage API's incoming half: `load` replaces the scenario, `run` starts a run, and
// anything malformed is ignored with a console warning, leaving the scenario as it was.
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

test('load and run messages drive the playground; bad ones are ignored with a warning', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const app = await Playground.open(page, '?scale=20');
  const post = (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);

  await post({
    type: 'load',
    scenario: {
      version: 1,
      lanes: [
        { name: 'Disk', tasks: [{ kind: 'wait', label: 'Read a.txt', duration: 3 }] },
        { name: 'Net', tasks: [{ kind: 'request', label: 'Fetch b.json', duration: 4 }] },
      ],
    },
  });
  await expect(app.task('Read a.txt')).toHaveAccessibleName('Read a.txt: wait, 3 minutes, lane Disk, 1 of 1');
  await expect(app.card('async').locator('.predicted')).toHaveText('Predicted total: 4 minutes (80 ms)');

  const { message } = await app.runWith(() => post({ type: 'run', mode: 'async' }));
  expect(message.mode).toBe('async');
  expect(message.predicted_ms).toBe(80);
  expect(message.tasks.map((t) => t.label)).toEqual(['Read a.txt', 'Fetch b.json']);
  expect(message.total_ms).toBeGreaterThanOrEqual(79);

  for (const bad of [
    'hello',
    { type: 'run', mode: 'sideways' },
    { type: 'load', scenario: { version: 2, lanes: [] } },
    { type: 'load', scenario: { version: 1, lanes: [{ name: 'x', tasks: [{ kind: 'wait', label: 'y', duration: 'NaN' }] }] } },
    { type: 'launch' },
    // Over the 4 MiB a message may hold.
    { type: 'load', scenario: { version: 1, lanes: [{ name: 'x'.repeat(5 * 1024 * 1024), tasks: [] }] } },
  ]) {
    await post(bad);
  }
  await expect.poll(() => warnings.length).toBe(6);
  expect(warnings.every((w) => w.startsWith('Async Playground ignored a message'))).toBe(true);
  expect(warnings[2]).toContain('format version 2');
  expect(warnings[5]).toContain('byte limit');
  await expect(app.task('Read a.txt')).toBeVisible();
  expect(await app.messages('run-started')).toHaveLength(1);
});
