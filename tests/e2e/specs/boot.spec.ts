// Never a blank page: the HTML itself says what the playground is and that it is loading,
// until the app mounts; if it cannot start, the page says why and what to do.
import { expect, test, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

/** Holds back the files matching `url` until the returned function is called; then lets them
 * through, or fails them with `fail`. */
async function holdBack(page: Page, url: RegExp, { fail = false } = {}): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(url, async (route) => {
    await held;
    await (fail ? route.abort() : route.continue());
  });
  return release;
}

test('until the app mounts the page shows its title and a loading line; then the app', async ({ page }) => {
  // Hold the wasm back to see the page before the app.
  const release = await holdBack(page, /_bg\.wasm$/);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Async Playground' })).toBeVisible();
  await expect(page.locator('.booting')).toHaveText('Loading the playground…');
  release();
  await expect(page.getByRole('button', { name: 'Run async' })).toBeVisible();
  await expect(page.locator('.boot-screen')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true });
  test('the app takes the loading screen\'s place without moving what was there (no layout shift)', async ({ page }) => {
    await page.addInitScript(() => {
      const shifts: string[] = [];
      (window as unknown as { __shifts: string[] }).__shifts = shifts;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; sources: { node?: Node }[] }[]) {
          shifts.push(`${e.value.toFixed(3)} ${e.sources.map((s) => s.node?.nodeName ?? '?').join(' ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await Playground.open(page, '?lesson=ticket-queue');
    // What stands below the stage renders a frame after the first view: wait for it, and for a
    // frame after that.
    await expect(page.getByRole('spinbutton', { name: /Time scale/ })).toBeAttached();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts)).toEqual([]);
  });
});

test('if the wasm cannot load, the page says so in words and what to do', async ({ page }) => {
  await page.route(/async-playground-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Async Playground could not start');
  await expect(alert).toContainText('reload the page');
  await expect(page.locator('.booting')).toHaveCount(0);
});

test('if the JavaScript bindings cannot load, the page says so too', async ({ page }) => {
  await page.route(/async-playground-[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('Async Playground could not start');
});

test('if the boot script cannot load, even before the stylesheet has, the page says so', async ({ page }) => {
  // The boot script loads async, so its failure comes at once; the stylesheet is held back so
  // the page is still being parsed when it does.
  const release = await holdBack(page, /\/style-[0-9a-f]+\.css$/);
  const failed = new Promise<void>((ok) =>
    page.route(/\/boot-[0-9a-f]{16}\.js$/, async (route) => {
      await route.abort();
      ok();
    }),
  );
  await page.goto('./', { waitUntil: 'commit' });
  await failed;
  release();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Async Playground could not start');
  await expect(alert).toContainText(/boot-[0-9a-f]{16}\.js/);
});

test('the app waits for the stylesheet, and starts without it if it cannot load', async ({ page }) => {
  // Held: the app's files are asked for while the stylesheet is still loading (the boot
  // script does not wait for it to fetch them), and still the app does not mount.
  const release = await holdBack(page, /\/style-[0-9a-f]+\.css$/, { fail: true });
  const wasm = page.waitForRequest(/_bg\.wasm$/);
  const bindings = page.waitForResponse(/async-playground-[0-9a-f]+\.js$/);
  await page.goto('./', { waitUntil: 'commit' });
  await Promise.all([wasm, bindings]);
  await expect(page.locator('.booting')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Run async' })).toHaveCount(0);
  release();
  // A page without its styles is plain, but it runs.
  await expect(page.getByRole('button', { name: 'Run async' })).toBeVisible();
});

test('a normal start shows no failure, even after a while', async ({ page }) => {
  await Playground.open(page);
  await expect(page.locator('.boot-failed')).toHaveCount(0);
});
