// The event loop of a finished run, step by step: the keyboard moves the cursor from event to
// event, and what the inspector says at known moments is checked against the run's recording
// (read from the results file the page saves). A saved file replays with the same pictures.
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Playground } from '../pages/playground';

type Event = [number, number, string, unknown];

/** A duration as the page writes it (`core::format::duration`). */
const duration = (ms: number) => (Math.abs(ms) < 999.5 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

async function results(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Results (JSON)' }).click(),
  ]);
  const bytes = await readFile((await download.path())!);
  return { name: download.suggestedFilename(), bytes, json: JSON.parse(bytes.toString()) };
}

/** The replay, once it shows the page's run. */
async function replay(page: Page) {
  // The host is scrolled to, not the region: the one shown while the extras load is replaced.
  await page.locator('.replay-host').scrollIntoViewIfNeeded();
  await expect(page.locator('.replay-host .booting-extra')).toHaveCount(0);
  const region = page.getByRole('region', { name: 'Event loop' });
  // The replay loads when asked (or by itself after a run when the URL has at=).
  const ask = region.getByRole('button', { name: 'Step through the run' });
  if (await ask.isVisible()) await ask.click();
  await expect(region.locator('.el-source')).toContainText(/event \d+ of \d+/);
  const slider = region.getByRole('slider', { name: 'Moment in the run' });
  const box = (name: string) => region.locator('.el-box', { has: page.getByRole('heading', { name, exact: true }) });
  return {
    region,
    slider,
    box,
    now: region.locator('.el-now'),
    /** Puts the cursor on event `i` (from 0) by the keyboard: Home, then the right arrow. */
    async to(i: number) {
      await slider.focus();
      await page.keyboard.press('Home');
      for (let k = 0; k < i; k++) await page.keyboard.press('ArrowRight');
      await expect(region.locator('.el-source')).toContainText(`event ${i + 1} of`);
    },
    async picture() {
      return (await region.locator('.el-picture').innerText()).replace(/\s+/g, ' ');
    },
  };
}

const first = (events: Event[], task: number, kind: string) => events.findIndex((e) => e[1] === task && e[2] === kind);

test('the ticket queue, stepped by the keyboard, says what the recording says', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  await app.run('async');
  const { json } = await results(page);
  const events: Event[] = json.recording.events;
  const r = await replay(page);
  await expect(r.region.locator('.el-source')).toContainText(`of ${events.length}`);

  // The first event: the queue starts.
  await r.to(0);
  await expect(r.now).toHaveText(new RegExp(`^${duration(events[0][0])}: `));
  // A burst of the selfies: it holds the main thread while the queue's timer is pending.
  const burst = first(events, 2, 'burst');
  await r.to(burst);
  await expect(r.now).toContainText(`${duration(events[burst][0])}: Take selfies holds the main thread for`);
  await expect(r.now).toContainText('lane You waits on its timer');
  await expect(r.box('Main thread')).toContainText('A burst of Take selfies holds it');
  await expect(r.box('Timers')).toContainText('Wait in the ticket queue: due at');
  // The yield after it: the thread is free and a message waits in the task queue.
  await page.keyboard.press('ArrowRight');
  await expect(r.now).toContainText('Take selfies yields by');
  await expect(r.box('Main thread')).toContainText('Free');
  await expect(r.box('Task queue')).toContainText('Take selfies: a message that resumes it');
  // Back one event: the burst again.
  await page.keyboard.press('ArrowLeft');
  await expect(r.box('Main thread')).toContainText('A burst of Take selfies holds it');

  // The queue's timer fires near the end: its future is woken, to be polled in a microtask.
  const fired = first(events, 1, 'timer-fired');
  await r.slider.focus();
  await page.keyboard.press('End');
  await expect(r.region.locator('.el-source')).toContainText(`event ${events.length} of`);
  for (let k = events.length - 1; k > fired; k--) await page.keyboard.press('ArrowLeft');
  await expect(r.now).toContainText(`${duration(events[fired][0])}: Wait in the ticket queue's timer fires (a task)`);
  await expect(r.now).toContainText('lane Phone is done');
  await expect(r.box('Microtask queue')).toContainText('Wait in the ticket queue: poll its future');
  await expect(r.box('Timers')).toContainText('none pending');

  // The buttons step too, and choosing an event in the log moves the cursor there.
  await r.region.getByRole('button', { name: 'Previous event' }).click();
  await expect(r.region.locator('.el-source')).toContainText(`event ${fired} of`);
  // The log lists five events before the cursor's: choosing the first moves back five.
  await r.region.getByRole('list', { name: 'Event log' }).getByRole('button').first().click();
  await expect(r.region.locator('.el-source')).toContainText(`event ${fired - 5} of`);
  await expect(r.region.locator('.el-log li[aria-current]')).toContainText(duration(events[fired - 6][0]));

  // Played back at 4×, the cursor moves on by itself to the run's end, and can be paused.
  await r.region.getByLabel('Speed').selectOption('4');
  await r.slider.focus();
  await page.keyboard.press('Home');
  await r.region.getByRole('button', { name: 'Play' }).click();
  await expect(r.region.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(r.region.locator('.el-source')).toContainText(`event ${events.length} of`);
  await expect(r.region.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('the race lesson with a lock: Bob starts only once Alice ends, both on timers', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=race&scale=100');
  await page.getByRole('button', { name: 'With a lock' }).click();
  await app.run('async');
  const { json } = await results(page);
  const events: Event[] = json.recording.events;
  const r = await replay(page);
  const aliceTimer = first(events, 1, 'timer-set');
  await r.to(aliceTimer);
  await expect(r.now).toContainText('Alice adds a like sets a timer for 200 ms');
  await expect(r.now).toContainText('lane Bob has not started');
  await expect(r.box('Timers')).toContainText('Alice adds a like: due at');
  const bobStarts = first(events, 2, 'started');
  expect(events[bobStarts][0]).toBeGreaterThanOrEqual(events[first(events, 1, 'ended')][0]);
  await r.to(bobStarts + 1);
  await expect(r.now).toContainText('Bob adds a like sets a timer');
  await expect(r.now).toContainText('lane Alice is done');
});

test('the workers lesson shows each worker with its job', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=workers&scale=100');
  await app.run('workers');
  const { json } = await results(page);
  const events: Event[] = json.recording.events;
  const r = await replay(page);
  await expect(r.box('Workers')).toBeVisible();
  const started = events.findIndex((e) => e[2] === 'worker-started');
  const [, task, , worker] = events[started];
  const label = json.run.tasks.find((t: { id: number }) => t.id === task).label;
  await r.to(started);
  await expect(r.now).toContainText(`worker ${(worker as number) + 1} starts ${label}`);
  await expect(r.box('Workers')).toContainText(`Worker ${(worker as number) + 1}: ${label}`);
  await expect(r.box('Main thread')).toContainText('Free');
  const finished = events.findIndex((e, i) => i > started && e[1] === task && e[2] === 'worker-finished');
  await r.to(finished);
  await expect(r.box('Task queue')).toContainText(`${label}: its worker's reply`);
});

test('a saved results file replays with the same pictures, and a bad one is refused', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  await app.run('async');
  const { name, bytes, json } = await results(page);
  const events: Event[] = json.recording.events;
  const r = await replay(page);
  const burst = first(events, 2, 'burst');
  await r.to(burst);
  const live = { now: await r.now.innerText(), picture: await r.picture() };

  const file = r.region.locator('input[type=file]');
  await file.setInputFiles({ name: 'not-results.json', mimeType: 'application/json', buffer: Buffer.from('{"lanes": [') });
  await expect(r.region.locator('.el-note')).toContainText('not-results.json cannot be replayed. This file is not JSON');
  await expect(r.region.locator('.el-source')).toContainText(`event ${burst + 1} of`);

  await file.setInputFiles({ name, mimeType: 'application/json', buffer: bytes });
  await expect(r.region.locator('.el-source')).toContainText('async-playground-the-ticket-queue-async.json: The ticket queue, async run');
  await r.to(burst);
  expect({ now: await r.now.innerText(), picture: await r.picture() }).toEqual(live);
  await r.region.getByRole('button', { name: "Back to this page's run" }).click();
  await expect(r.region.locator('.el-source')).toContainText("This page's last run");
});

test('at= opens the replay of each run at that moment', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100&at=0.25s');
  await app.run('async');
  const { json } = await results(page);
  const events: Event[] = json.recording.events;
  const r = await replay(page);
  const at = events.findLastIndex((e) => e[0] <= 250);
  await expect(r.region.locator('.el-source')).toContainText(`event ${at + 1} of ${events.length}`);
  await expect(r.slider).toHaveValue('250');
  await expect(r.now).toContainText('lane You waits on its timer');
});

test('a request is recorded as its fetch and its latency timer, resumed once when both are done', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=network&scale=100');
  await app.run('async');
  const { json } = await results(page);
  const events: Event[] = json.recording.events;
  const requests = json.run.tasks.filter((t: { kind: string }) => t.kind === 'request');
  expect(requests.length).toBeGreaterThan(0);
  for (const task of requests) {
    const own = events.filter((e) => e[1] === task.id);
    const kinds = own.map((e) => e[2]);
    expect(kinds.filter((k) => k === 'resumed')).toHaveLength(1);
    for (const k of ['started', 'fetch-sent', 'timer-set', 'fetch-answered', 'timer-fired', 'ended']) expect(kinds).toContain(k);
    // It goes on only once both are done: after its timer fired and its fetch was answered.
    const at = (k: string) => own.find((e) => e[2] === k)![0];
    expect(at('resumed')).toBeGreaterThanOrEqual(Math.max(at('timer-fired'), at('fetch-answered')));
  }
});
