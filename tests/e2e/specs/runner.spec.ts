// The runner (what runs a scenario and draws it live) is a wasm binary of its own, loaded once
// the first view is drawn: the page never waits for it to show, a run pressed before it is
// there waits for it, and a runner that cannot be loaded is said in words, with nothing lost.
import { expect, test, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

const RUNNER_WASM = '**/runner_bg.wasm';
const FAILED =
  'The part of the page that runs scenarios could not be loaded, so nothing ran. Check the connection and press Run again, or reload the page if the site has just been updated.';

/** Holds the runner's wasm back until the returned function is called. */
async function holdRunner(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(RUNNER_WASM, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the first view does not wait for the runner, and a run pressed before it arrives goes once it has', async ({
  page,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await page.route(RUNNER_WASM, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  // `open` waits for `ready`: the page is ready and shows its lesson with the runner held.
  const app = await Playground.open(page, '?scale=100');
  await requested;
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await app.runButton('async').click();
  // Held back before the press is counted, and said so; the page is as if running (Stop
  // enabled, Run not), and nothing has started.
  await expect(app.status()).toHaveText('Async run: starting as soon as the page has finished loading.');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
  await expect(app.runButton('blocking')).toBeDisabled();
  expect(await app.messages('run-started')).toHaveLength(0);
  release();
  await expect(app.status()).toContainText('Async run finished');
  // Posted a frame after the results are drawn.
  await expect.poll(async () => (await app.messages('run-finished')).length).toBe(1);
  const [finished] = await app.messages('run-finished');
  expect(finished.tasks.map((t: { outcome: string }) => t.outcome)).toEqual(['done', 'done']);
});

test('a run stopped while it waits for the runner says nothing ran, on a phone too, and the next press runs', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const release = await holdRunner(page);
  const app = await Playground.open(page, '?scale=100');
  await app.runButton('async').click();
  await expect(app.status()).toHaveText('Async run: starting as soon as the page has finished loading.');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeInViewport();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(app.status()).toHaveText('Async run cancelled before it started: nothing ran.');
  await expect(app.runButton('async')).toBeEnabled();
  release();
  await app.runButton('blocking').click();
  await expect(app.status()).toContainText('Blocking run finished');
  // Only the run pressed after Stop ran (its message is posted a frame after its results).
  await expect.poll(async () => (await app.messages('run-finished')).length).toBe(1);
  expect(await app.messages('run-started')).toHaveLength(1);
});

test('a blocking run waiting for the runner can be stopped too: nothing of it has started', async ({ page }) => {
  const release = await holdRunner(page);
  const app = await Playground.open(page, '?scale=100');
  await app.runButton('blocking').click();
  await expect(app.status()).toHaveText('Blocking run: starting as soon as the page has finished loading.');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(app.status()).toHaveText('Blocking run cancelled before it started: nothing ran.');
  release();
  await app.runButton('async').click();
  await expect(app.status()).toContainText('Async run finished');
  expect(await app.messages('run-started')).toHaveLength(1);
});

for (const file of ['runner.js', 'runner_bg.wasm']) {
  // The file, whatever its query (a retry imports the bindings as `runner.js?try=2`).
  const url = new RegExp(`/${file.replace('.', '\\.')}(\\?|$)`);
  test(`a runner whose ${file} cannot be loaded is said in words, the scenario is kept, and Run tries again`, async ({
    page,
  }) => {
    await page.route(url, (route) => route.abort());
    const app = await Playground.open(page, '?scale=100');
    await app.runButton('async').click();
    await expect(app.status()).toHaveText(FAILED);
    expect(await app.messages('run-started')).toHaveLength(0);
    await expect(app.runButton('async')).toBeEnabled();
    await expect(app.task('Wait in the ticket queue')).toHaveCount(1);
    await expect(app.task('Take selfies')).toHaveCount(1);

    // A failed import stays failed for the page's life: the next try must not depend on it.
    await page.unroute(url);
    await app.runButton('blocking').click();
    await expect(app.status()).toContainText('Blocking run finished');
    await expect.poll(async () => (await app.messages('run-finished')).length).toBe(1);
  });
}

test('Compare all that cannot load the runner says so, and ends', async ({ page }) => {
  await page.route(RUNNER_WASM, (route) => route.abort());
  const app = await Playground.open(page, '?scale=100');
  await page.getByRole('button', { name: 'Compare all' }).click();
  await expect(app.status()).toHaveText(FAILED);
  await expect(page.getByRole('button', { name: 'Compare all' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
  expect(await app.messages('run-started')).toHaveLength(0);
});
