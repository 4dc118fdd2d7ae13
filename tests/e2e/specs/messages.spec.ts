// The postMessage API's incoming half: `load` replaces the scenario, `run` starts a run, `ping`
// and `get-state` are answered, and anything malformed is ignored with a console warning,
// leaving the scenario as it was.
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

test('a page that attaches late learns the state: ping is answered by pong, get-state by the scenario and the last run', async ({ page }) => {
  const app = await Playground.open(page, '?scale=20');
  const post = (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
  const answers = async (type: string, n: number) => {
    await expect.poll(async () => (await app.messages(type)).length).toBe(n);
    const { received_at: _, ...message } = (await app.messages(type))[n - 1];
    return message as Record<string, any>;
  };

  await post({ type: 'ping' });
  expect(await answers('pong', 1)).toEqual({ type: 'pong', version: expect.stringMatching(/^\d+\.\d+\.\d+/), ready: true });

  await post({ type: 'get-state' });
  const before = await answers('state', 1);
  expect(before).toMatchObject({ lesson: 'ticket-queue', scale: 20, running: null, last_run: null });
  expect(before.scenario.lanes.map((l: { name: string }) => l.name)).toEqual(['You', 'Phone']);

  const { message } = await app.runWith(() => post({ type: 'run', mode: 'async' }));
  await post({ type: 'get-state' });
  const after = await answers('state', 2);
  const { received_at: _, ...finished } = message as Record<string, any>;
  expect(after.last_run).toEqual(finished);
  // Its own answers are not commands: nothing was warned about.
  expect(await app.messages('run-started')).toHaveLength(1);
});
