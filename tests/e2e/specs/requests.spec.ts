// A request task is a real fetch that takes the scenario's latency: where the playground's
// service worker controls the page, the worker answers after the latency, so the network log
// shows each request that long, and a request dropped before its answer (a lost select) is
// aborted there, not left running.
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

test('requests take their latency on the network, and a dropped one is aborted', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=timeout-cancel&scale=100');
  // The worker starts on the first visit and then controls the page (clients.claim).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const finished: { url: string; ms: number }[] = [];
  const failed: { url: string; error: string }[] = [];
  const started = new Map<object, number>();
  page.on('request', (r) => {
    if (r.url().includes('playground-request')) started.set(r, Date.now());
  });
  page.on('requestfinished', (r) => {
    if (r.url().includes('playground-request')) finished.push({ url: r.url(), ms: Date.now() - started.get(r)! });
  });
  page.on('requestfailed', (r) => {
    if (r.url().includes('playground-request')) failed.push({ url: r.url(), error: r.failure()?.errorText ?? '' });
  });

  // Slow network: the 5-unit report loses to the 3-unit timeout and is dropped at 300 ms.
  const slow = (await app.run('async')).message;
  expect(slow.tasks.find((t) => t.label === 'Fetch the report')?.outcome).toBe('cancelled');
  await expect.poll(() => failed.length).toBe(1);
  expect(failed[0].url).toContain('ms=500');
  expect(finished).toEqual([]);

  // Fast network: the 2-unit report wins; its fetch itself took the latency.
  await page.getByRole('button', { name: 'Fast network' }).click();
  const fast = (await app.run('async')).message;
  expect(fast.tasks.find((t) => t.label === 'Fetch the report')?.outcome).toBe('done');
  await expect.poll(() => finished.length).toBe(1);
  expect(finished[0].url).toContain('ms=200');
  expect(finished[0].ms).toBeGreaterThanOrEqual(190);
  expect(failed.length).toBe(1);
});

test('a page whose scenario makes no request never registers the service worker', async ({ page }) => {
  const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  const app = await Playground.open(page, '?lesson=ticket-queue&scale=100');
  await app.run('async');
  expect(await registrations()).toBe(0);
  // Loading a scenario with a request registers it, and it comes to control the page.
  await page.evaluate(() =>
    window.postMessage(
      { type: 'load', scenario: { version: 1, lanes: [{ name: 'Net', tasks: [{ kind: 'request', label: 'Ask', duration: 1 }] }] } },
      '*',
    ),
  );
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await registrations()).toBe(1);
});
