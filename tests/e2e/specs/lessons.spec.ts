// Every lesson opens from its link, asks its question, runs, and sets the learner's guess
// beside the model's prediction and the measurement; and the measurement agrees with what
// the lesson's text claims.
import { expect, test, type Page } from '@playwright/test';
import { Playground, type Mode, type RunFinished } from '../pages/playground';

/** How the learner answers each kind of question. */
type Answer =
  | { total: number } // units
  | { freeze: number } // units: the longest freeze in one go
  | { ends: [string, number] } // a task's label, and when it is done, in units
  | { lane: string }
  | { counter: number }
  | { culprit: string }
  | { logged: boolean }; // whether a task gets past its await (its done line is logged)

interface Case {
  id: string;
  title: string;
  scale: number;
  /** The model's answer for the first scenario (from the lesson's text). */
  model: Answer;
  /** The mode the lesson's question is about (async unless said). */
  mode?: Mode;
  /** Extra checks on the run-finished message of the first scenario. */
  check?: (run: RunFinished) => void;
}

const task = (run: RunFinished, label: string) => {
  const t = run.tasks.find((t) => t.label === label);
  expect(t, `task ${label}`).toBeDefined();
  return t!;
};

const CASES: Case[] = [
  { id: 'ticket-queue', title: 'The ticket queue', scale: 100, model: { total: 5 } },
  { id: 'io-waits', title: 'Waiting for the disk', scale: 100, model: { total: 3 } },
  { id: 'network', title: 'Async is not concurrent by itself', scale: 100, model: { total: 6 } },
  {
    id: 'cpu-trap',
    title: 'The CPU trap',
    scale: 200,
    model: { freeze: 2 },
    // The resize never yields: the page went without a frame for at least as long as it ran.
    check: (run) => {
      const resize = task(run, 'Resize the photo');
      expect(run.longest_freeze_ms).toBeGreaterThanOrEqual(resize.end_ms - resize.start_ms - 1);
    },
  },
  // With a MessageChannel the timer gets in between two bursts, long before the work ends.
  { id: 'yielding', title: 'Six ways to give the thread back', scale: 400, model: { ends: ['A timer due at 0.5 s', 0.5] } },
  // Two photos of two units each on min(cores, 4) workers (this runner has two cores or more;
  // the workers spec covers one core).
  { id: 'workers', title: 'More hands for the work', scale: 400, model: { total: 2 }, mode: 'workers' },
  { id: 'callbacks-promises-await', title: 'Callbacks, promises and async/await', scale: 100, model: { lane: 'Toaster' } },
  { id: 'race', title: 'The lost update', scale: 100, model: { counter: 1 } },
  {
    id: 'timeout-cancel',
    title: 'Timeouts and cancellation',
    scale: 100,
    // In Rust the fetch that loses the race is dropped: its done line is never logged.
    model: { logged: false },
    check: (run) => {
      expect(task(run, 'Fetch the report').outcome).toBe('cancelled');
      expect(task(run, 'Give up after 3 seconds').outcome).toBe('done');
    },
  },
  {
    id: 'errors',
    title: 'When a request fails',
    scale: 100,
    model: { total: 4 },
    check: (run) => {
      expect(task(run, 'Fetch the profile').outcome).toBe('failed');
      expect(run.tasks.find((t) => t.label === 'Show the profile')).toBeUndefined();
      expect(task(run, 'Fetch the photos').outcome).toBe('done');
    },
  },
  { id: 'debugging', title: 'Finding what froze the page', scale: 200, model: { culprit: 'Decode thumbnails' } },
];

/** The answer in units, for the questions answered by a number of units. */
const unitsOf = (a: Answer) => ('total' in a ? a.total : 'freeze' in a ? a.freeze : 'ends' in a ? a.ends[1] : undefined);

/** What a run measured for a question answered in units, in units. */
function measuredUnits(a: Answer, run: RunFinished, scale: number): number {
  if ('freeze' in a) return run.longest_freeze_ms / scale;
  if ('ends' in a) return task(run, a.ends[0]).end_ms / scale;
  return run.total_ms / scale;
}

/** Units as the app writes them ("5 minutes", "1.5 seconds"). */
const units = (n: number, unit: string) => `${Math.round(n * 100) / 100} ${unit}${n === 1 ? '' : 's'}`;

async function guess(page: Page, answer: Answer) {
  const form = page.locator('.guess-form');
  const number = unitsOf(answer);
  if (number !== undefined) await form.getByRole('spinbutton').fill(String(number));
  if ('counter' in answer) await form.getByRole('spinbutton').fill(String(answer.counter));
  if ('lane' in answer) await form.getByRole('radio', { name: answer.lane }).check();
  if ('culprit' in answer) await form.getByRole('combobox').selectOption({ label: answer.culprit });
  if ('logged' in answer) await form.getByRole('radio', { name: answer.logged ? 'Yes, it is logged' : 'No, never' }).check();
  await page.getByRole('button', { name: 'Lock in my guess' }).click();
  await expect(page.locator('.guess-locked')).toContainText('Your prediction:');
}

for (const c of CASES) {
  test(`lesson ${c.id}: open by link, predict, run, compare`, async ({ page }) => {
    const app = await Playground.open(page, `?lesson=${c.id}&scale=${c.scale}`);
    await expect(page.getByLabel('Lesson', { exact: true })).toHaveValue(c.id);
    await expect(page.getByRole('heading', { level: 2, name: c.title })).toBeVisible();
    const unit = (await page.locator('.tl-unit').first().textContent())!.replace(/s$/, '');
    // The note that holds the answer is not there before the run.
    await expect(page.getByRole('heading', { name: 'What to notice' })).toHaveCount(0);

    await guess(page, c.model);
    const run = (await app.run(c.mode ?? 'async')).message;
    c.check?.(run);

    const compare = page.locator('.predict .compare');
    await expect(compare).toBeVisible();
    const inUnits = unitsOf(c.model);
    const modelText = inUnits !== undefined ? units(inUnits, unit) : 'lane' in c.model ? c.model.lane : 'counter' in c.model ? String(c.model.counter) : 'logged' in c.model ? (c.model.logged ? 'yes: it runs to its end' : 'no: it is dropped before') : `“${c.model.culprit}”`;
    // The guess was the model's answer, so all three agree where the answer is exact.
    await expect(compare.locator('.guess-value')).toHaveText(modelText);
    await expect(compare.locator('.model-value')).toHaveText(modelText);
    if (inUnits !== undefined) {
      // Timers are never early. A loaded machine makes them late, and work that yields
      // shares the thread with every frame the browser draws between its bursts (the
      // benchmark measures by how much), so the upper bound only rules out another schedule
      // (for a task's end, the one where it waits for the work: a second later).
      const measured = measuredUnits(c.model, run, c.scale);
      expect(measured).toBeGreaterThanOrEqual(inUnits * 0.98);
      expect(measured).toBeLessThan('ends' in c.model ? inUnits + 0.5 : inUnits * 2.5 + 0.5);
      await expect(compare.locator('.measured-value')).toHaveText(units(measured, unit));
    } else {
      await expect(compare.locator('.measured-value')).toHaveText(modelText);
      await expect(page.locator('.predict .verdict')).toHaveText('Your prediction matched the run.');
    }
    if ('counter' in c.model) expect(run.counter).toBe(c.model.counter);
    // The link still names the lesson, so it can be shared.
    expect(new URL(page.url()).searchParams.get('lesson')).toBe(c.id);
    await expect(page.getByRole('heading', { name: 'What to notice' })).toBeVisible();
  });
}

test('a guess that cannot be read is said in the question\'s terms, keeps what was typed, and goes once one can', async ({
  page,
}) => {
  await Playground.open(page, '?lesson=race');
  const form = page.locator('.guess-form');
  await page.getByRole('button', { name: 'Lock in my guess' }).click();
  await expect(form.getByRole('alert')).toHaveText('Type a whole number: for example 2.');
  await form.getByRole('spinbutton').fill('2.5');
  await page.getByRole('button', { name: 'Lock in my guess' }).click();
  await expect(form.getByRole('alert')).toHaveText('Type a whole number: for example 2.');
  await expect(form.getByRole('spinbutton')).toHaveValue('2.5');
  await form.getByRole('spinbutton').fill('2');
  await page.getByRole('button', { name: 'Lock in my guess' }).click();
  await expect(page.locator('.guess-locked')).toContainText('Your prediction: 2');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the lesson picker switches lessons, and undo brings back the scenario before', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  await page.getByLabel('Lesson', { exact: true }).selectOption('race');
  await expect(page.getByRole('heading', { level: 2, name: 'The lost update' })).toBeVisible();
  await expect(app.task('Alice adds a like')).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('lesson')).toBe('race');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.task('Wait in the ticket queue')).toBeVisible();
});

test('race: the lock fixes the lost update at twice the time; reading after the wait fixes it at none', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=race&scale=100');
  const lost = (await app.run('async')).message;
  expect(lost.counter).toBe(1);
  await expect(app.card('async').locator('.counter')).toContainText('1 of 2 updates lost (predicted 1)');
  // The measured line says the prediction too, so the predicted line gives way to it.
  await expect(app.card('async').locator('.predicted-counter')).toHaveCount(0);
  await page.getByRole('button', { name: 'With a lock' }).click();
  await expect(page.getByRole('button', { name: 'With a lock' })).toHaveAttribute('aria-pressed', 'true');
  const locked = (await app.run('async')).message;
  expect(locked.counter).toBe(2);
  const [alice, bob] = [task(locked, 'Alice adds a like'), task(locked, 'Bob adds a like')];
  expect(bob.start_ms).toBeGreaterThanOrEqual(alice.end_ms - 1);
  expect(locked.total_ms).toBeGreaterThanOrEqual(400);
  // The table of runs names each scenario.
  const rows = page.locator('.history tbody tr');
  await expect(rows.nth(0).getByRole('cell').nth(0)).toHaveText('Lost update');
  await expect(rows.nth(1).getByRole('cell').nth(0)).toHaveText('With a lock');
  // Reading after the wait: both likes count, and they still overlap (no lock, no queue).
  await page.getByRole('button', { name: 'Read after the wait' }).click();
  const late = (await app.run('async')).message;
  expect(late.counter).toBe(2);
  const [a, b] = [task(late, 'Alice adds a like'), task(late, 'Bob adds a like')];
  expect(b.start_ms).toBeLessThan(a.end_ms);
  await expect(rows.nth(2).getByRole('cell').nth(0)).toHaveText('Read after the wait');
});

test('yielding: a microtask yield freezes the page, a MessageChannel yield does not', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=yielding&scale=400'); // 600 ms of work
  await page.getByRole('button', { name: 'Microtask' }).click();
  const frozen = await app.run('async');
  expect(Math.max(...frozen.gaps)).toBeGreaterThanOrEqual(500);
  await page.getByRole('button', { name: 'MessageChannel' }).click();
  const smooth = await app.run('async');
  expect(Math.max(...smooth.gaps)).toBeLessThan(200);
  // The timer lane waited for the microtask work to finish, but not for the yielding work.
  expect(task(frozen.message, 'A timer due at 0.5 s').end_ms).toBeGreaterThanOrEqual(590);
  expect(task(smooth.message, 'A timer due at 0.5 s').end_ms).toBeLessThan(400);
});

// The lesson's question, checked against a real run under each way: the timer due at 0.5 s
// (200 ms at this scale) fires in a gap between bursts, or only once the 600 ms of work is
// done. Chromium has scheduler.yield(); where a browser lacks it the runtime uses a
// MessageChannel, and the timer would get in (the browser test covers both).
test('yielding: when the timer fires under each of the six ways, as the model says', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=yielding&scale=400');
  const hasSchedulerYield = await page.evaluate(() => 'scheduler' in window && 'yield' in (window as any).scheduler);
  const cases: [string, 'on time' | 'after the work'][] = [
    ['MessageChannel', 'on time'],
    ['Microtask', 'after the work'],
    ['setTimeout(0)', 'on time'],
    ['requestAnimationFrame', 'on time'],
    ['scheduler.yield()', hasSchedulerYield ? 'after the work' : 'on time'],
    ['Frame-aware (the default)', 'on time'],
  ];
  for (const [way, when] of cases) {
    await page.getByRole('button', { name: way, exact: true }).click();
    const run = (await app.run('async')).message;
    const timer = task(run, 'A timer due at 0.5 s').end_ms;
    const work = task(run, 'Crunch numbers').end_ms;
    if (when === 'on time') {
      expect(timer, way).toBeLessThan(work - 100);
    } else {
      expect(timer, way).toBeGreaterThanOrEqual(work - 1);
    }
    expect(timer, way).toBeGreaterThanOrEqual(200);
  }
});

// WebKit has no scheduler.yield(): there the work yields by a MessageChannel message, the
// timer gets in between bursts, and the page says so rather than differ in silence.
test('yielding: without scheduler.yield() the page says what it used instead', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as any).Scheduler?.prototype.yield;
  });
  const app = await Playground.open(page, '?lesson=yielding&scale=400');
  await page.getByRole('button', { name: 'scheduler.yield()', exact: true }).click();
  const run = (await app.run('async')).message;
  expect(task(run, 'A timer due at 0.5 s').end_ms).toBeLessThan(task(run, 'Crunch numbers').end_ms - 100);
  await expect(page.locator('.notices')).toContainText('This browser has no scheduler.yield(): the work yielded by a MessageChannel message instead, so a timer that fell due could run between its bursts.');
});

test('errors: try_join drops the photos at the first error and draws them cut off', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=errors&scale=100');
  await page.getByRole('button', { name: 'try_join: stop at the first error' }).click();
  const run = (await app.run('async')).message;
  expect(task(run, 'Fetch the photos').outcome).toBe('cancelled');
  expect(run.total_ms).toBeLessThan(400);
  const photos = task(run, 'Fetch the photos');
  const row = (await app.tasksTable()).find((r) => r.id === photos.id)!;
  expect(row.measuredOutcome).toBe('cancelled');
  expect(row.cells[3]).toContain('(cancelled: dropped unfinished)');
  await expect(app.status()).toContainText('Failed: 1; cancelled: 1.');
});

test('the note with the answer waits for a run of the mode the question asks about', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=ticket-queue&scale=100');
  await app.run('blocking');
  await expect(page.getByRole('heading', { name: 'What to notice' })).toHaveCount(0);
  await app.run('async');
  await expect(page.getByRole('heading', { name: 'What to notice' })).toBeVisible();
  await expect(page.locator('.notice')).toContainText('ends after about five minutes');
});

test('undo after choosing another lesson brings back the lesson with its lanes, redo the other', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=ticket-queue&scale=100');
  await page.getByLabel('Lesson', { exact: true }).selectOption('race');
  await expect(page.getByRole('heading', { level: 2, name: 'The lost update' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The ticket queue' })).toBeVisible();
  await expect(page.getByLabel('Lesson', { exact: true })).toHaveValue('ticket-queue');
  await expect(page.locator('#guess-question')).toContainText('minutes');
  await expect(app.task('Take selfies')).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('lesson')).toBe('ticket-queue');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The lost update' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('lesson')).toBe('race');
  // The table of runs names what ran: the lesson's scenario, as it came.
  await app.run('async');
  await expect(page.locator('.history table').getByRole('row').nth(1).getByRole('cell').nth(0)).toHaveText('Lost update');
});

test('a lesson is fetched when first opened; if it cannot be, the page says why and keeps its lesson', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/lessons/')) fetched.push(new URL(r.url()).pathname);
  });
  await page.route('**/lessons/race.json', (route) => route.abort());
  await Playground.open(page, '?scale=100');
  expect(fetched, 'the default lesson is built in').toEqual([]);
  const picker = page.getByLabel('Lesson', { exact: true });
  await picker.selectOption('race');
  await expect(page.getByRole('alert')).toContainText('\u201cThe lost update\u201d could not be loaded');
  await expect(page.getByRole('heading', { level: 2, name: 'The ticket queue' })).toBeVisible();
  await expect(picker).toHaveValue('ticket-queue');
  await page.unroute('**/lessons/race.json');
  await picker.selectOption('race');
  await expect(page.getByRole('heading', { level: 2, name: 'The lost update' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(fetched.filter((f) => f.endsWith('/race.json')).length).toBe(2);
  // Fetched once, kept: back and forth fetches nothing more.
  await picker.selectOption('io-waits');
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for the disk' })).toBeVisible();
  await picker.selectOption('race');
  await expect(page.getByRole('heading', { level: 2, name: 'The lost update' })).toBeVisible();
  expect(fetched.filter((f) => f.endsWith('/race.json')).length).toBe(2);
});

test('a link to a lesson that cannot be fetched opens the default lesson and says why', async ({ page }) => {
  await page.route('**/lessons/race.json', (route) => route.abort());
  await Playground.open(page, '?lesson=race');
  await expect(page.getByRole('heading', { level: 2, name: 'The ticket queue' })).toBeVisible();
  await expect(page.locator('.notices')).toContainText('\u201cThe lost update\u201d could not be loaded');
  await expect(page.locator('.notices')).not.toContainText('There is no lesson');
});

test('extras that finish loading while a lesson is fetched wait to show until it is drawn', async ({ page }) => {
  // Both files are held by the test: the extras' wasm until the lesson has been chosen, the
  // lesson until the extras have loaded.
  const release = { wasm: () => {}, lesson: () => {} };
  const asked = { wasm: () => {}, lesson: () => {} };
  const wasmAsked = new Promise<void>((done) => (asked.wasm = done));
  const lessonAsked = new Promise<void>((done) => (asked.lesson = done));
  for (const [pattern, file] of [['**/extras_bg.wasm', 'wasm'], ['**/lessons/io-waits.json', 'lesson']] as const) {
    await page.route(pattern, async (route) => {
      asked[file]();
      await new Promise<void>((go) => (release[file] = go));
      await route.continue();
    });
  }
  await Playground.open(page, '?scale=100');
  const booting = page.locator('.share-host .booting-extra');
  await wasmAsked; // the extras have started loading
  await expect(booting).toBeVisible();
  await page.getByLabel('Lesson', { exact: true }).selectOption('io-waits');
  await lessonAsked;
  release.wasm();
  // The extras are loaded (their loader's promise has settled), but not shown.
  await page.evaluate(async () => {
    await (self as unknown as { __playgroundExtras: Promise<unknown> }).__playgroundExtras;
    for (let i = 0; i < 3; i++) await new Promise((frame) => requestAnimationFrame(frame));
  });
  await expect(booting).toBeVisible();
  release.lesson();
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for the disk' })).toBeVisible();
  await expect(booting).toHaveCount(0);
  await expect(page.locator('.share-host').getByRole('button', { name: 'Share', exact: true })).toBeVisible();
});
