// Share links and autosave: a link opens the same scenario anywhere; a reload loses nothing;
// damaged links and broken storage get a clear message, and the page still works.
import { expect, test, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';
import { shareValue } from '../pages/share';

const CUSTOM = {
  version: 1,
  lanes: [
    { name: 'Disk', tasks: [{ kind: 'wait', label: 'Read notes.txt', duration: 2.5 }] },
    { name: 'Net', tasks: [{ kind: 'request', label: 'Fetch <b>bold</b> & co', duration: 1 }] },
  ],
};

async function notices(page: Page) {
  return page.locator('.notices').innerText().catch(() => '');
}

test('Share copies a link that opens the same scenario, lesson and scale in a new tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = await Playground.open(page, '?lesson=race&scale=250');
  await page.evaluate((s) => window.postMessage({ type: 'load', scenario: s }, '*'), CUSTOM);
  await expect(app.task('Read notes.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.locator('.share-note')).toContainText('Copied to the clipboard.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?lesson=race&scale=250#s=1\.[A-Za-z0-9_-]+$/);

  // A student opens it in a fresh browser: nothing saved, only the link.
  const student = await (await page.context().browser()!.newContext()).newPage();
  await student.goto(link);
  const other = new Playground(student);
  await expect(other.task('Read notes.txt')).toBeVisible();
  // The label is text, never markup.
  await expect(other.task('Fetch <b>bold</b> & co')).toBeVisible();
  await expect(student.getByLabel('Lesson', { exact: true })).toHaveValue('race');
  await expect(student.getByRole('spinbutton', { name: /Time scale/ })).toHaveValue('250');
  // The fragment is gone once read, so a reload shows the student's own latest work.
  await expect.poll(() => new URL(student.url()).hash).toBe('');
  await app.expectNoCspViolations();
  await student.context().close();
});

test('a share link pasted into an open page opens there, with its lesson and scale, undoably', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  const value = shareValue({ lesson: 'race', scale: 300, scenario: CUSTOM });
  await page.evaluate((v) => (window.location.hash = `#s=${v}`), value);
  await expect(app.task('Read notes.txt')).toBeVisible();
  await expect(page.getByLabel('Lesson', { exact: true })).toHaveValue('race');
  await expect(page.getByRole('spinbutton', { name: /Time scale/ })).toHaveValue('300');
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.task('Wait in the ticket queue')).toBeVisible();
});

test('a browser that cannot unpack or pack share links says so, and keeps the lesson', async ({ page }) => {
  // As Chrome before 103, Firefox before 113 and Safari before 16.4: no raw DEFLATE streams.
  await page.addInitScript(() => {
    for (const name of ['CompressionStream', 'DecompressionStream']) delete (window as unknown as Record<string, unknown>)[name];
  });
  const app = await Playground.open(page, `?scale=50#s=${shareValue({ scenario: CUSTOM })}`);
  await expect.poll(() => notices(page)).toContain('This browser cannot open share links: it cannot unpack them');
  await expect(app.task('Wait in the ticket queue')).toBeVisible();
  // Share is off, and says why there is no link and what to do instead. (The host is scrolled
  // to, not the bar: the bar shown while the extras load is replaced by theirs.)
  await page.locator('.share-host').scrollIntoViewIfNeeded();
  await expect(page.locator('.share-host .booting-extra')).toHaveCount(0);
  const bar = page.getByRole('region', { name: 'Share and export' });
  await expect(page.getByRole('button', { name: 'Share' })).toBeDisabled();
  await expect(bar).toContainText('This browser cannot make share links');
  await expect(bar).toContainText('Export the scenario as JSON instead');
});

test('a reload loses nothing: the scenario and settings are saved as they change', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100');
  await page.getByRole('button', { name: 'Add lane' }).click();
  await expect(page.locator('.edit-note')).toHaveText('Added lane Lane 3.');
  await page.getByLabel('Lesson', { exact: true }).selectOption('network');
  await page.getByRole('button', { name: 'Three lanes, joined' }).click();
  await expect(app.task('Fetch the comments')).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('async-playground'))).toContain('"lesson":"network","variant":1');
  await page.reload();
  await expect(page.getByLabel('Lesson', { exact: true })).toHaveValue('network');
  await expect(page.getByRole('button', { name: 'Three lanes, joined' })).toHaveAttribute('aria-pressed', 'true');
  await expect(new Playground(page).task('Fetch the comments')).toHaveAccessibleName(/lane Comments/);
});

for (const [what, value, expected] of [
  ['garbage', 'not a link at all!', 'damaged'],
  ['truncated', shareValue(CUSTOM).slice(0, 40), 'damaged'],
  ['from a newer version', '2.' + shareValue(CUSTOM).slice(2), 'newer'],
  ['oversized', '1.' + 'A'.repeat(70_000), 'too long'],
  ['holding a negative duration', shareValue({ scenario: { version: 1, lanes: [{ name: 'L', tasks: [{ kind: 'wait', label: 'x', duration: -3 }] }] } }), 'duration -3'],
  ['holding a zero duration', shareValue({ scenario: { version: 1, lanes: [{ name: 'L', tasks: [{ kind: 'wait', label: 'x', duration: 0 }] }] } }), 'duration 0'],
  ['holding a huge duration', shareValue({ scenario: { version: 1, lanes: [{ name: 'L', tasks: [{ kind: 'wait', label: 'x', duration: 1e308 }] }] } }), 'at most 600'],
  ['holding a NaN duration', shareValue({ scenario: { version: 1, lanes: [{ name: 'L', tasks: [{ kind: 'wait', label: 'x', duration: 'NaN' }] }] } }), 'cannot use'],
] as const) {
  test(`a share link ${what} is explained and the page still works`, async ({ page }) => {
    const app = await Playground.open(page, `?scale=50#s=${value}`);
    await expect.poll(() => notices(page)).toContain(expected);
    // The lesson's own scenario is there, and it runs.
    await expect(app.task('Wait in the ticket queue')).toBeVisible();
    const run = (await app.run('async')).message;
    expect(run.tasks).toHaveLength(2);
  });
}

test('a saved entry that cannot be read is set aside, not lost', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('async-playground', '{"version": 1, "scenario": {"lanes": tru');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const app = await Playground.open(page, '?scale=50');
  await expect.poll(() => notices(page)).toContain('cannot be read');
  await expect(app.task('Wait in the ticket queue')).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('async-playground.corrupt.')).map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"version": 1, "scenario": {"lanes": tru']);
});

test('saved work whose lesson cannot be fetched is set aside whole, never saved over', async ({ page }) => {
  const entry = JSON.stringify({
    version: 1,
    lesson: 'race',
    variant: 0,
    scenario: { version: 1, lanes: [{ name: 'Mine', tasks: [{ kind: 'wait', label: 'My own work', duration: 2 }] }] },
  });
  await page.addInitScript((e) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('async-playground', e);
      sessionStorage.setItem('seeded', '1');
    }
  }, entry);
  await page.route('**/lessons/race.json', (route) => route.abort());
  await Playground.open(page, '?scale=50');
  await expect.poll(() => notices(page)).toContain('\u201crace\u201d could not be loaded');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('async-playground.corrupt.')).map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([entry]);
});

test('with storage refused, the page works and says once that changes are not kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const app = await Playground.open(page, '?scale=50');
  await expect.poll(() => notices(page)).toContain('will not be kept');
  await page.getByRole('button', { name: 'Add lane' }).click();
  const run = (await app.run('async')).message;
  expect(run.total_ms).toBeGreaterThan(0);
  expect((await notices(page)).match(/will not be kept/g)).toHaveLength(1);
});

test('with storage full, an edit still works and the page says changes are not kept', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const app = await Playground.open(page, '?scale=50');
  await page.getByRole('button', { name: 'Add lane' }).click();
  await expect.poll(() => notices(page)).toContain('will not be kept');
  await expect(page.locator('.edit-note')).toHaveText('Added lane Lane 3.');
  await expect(app.task('Take selfies')).toBeVisible();
});

test('labels holding HTML or script are shown as text everywhere and never run', async ({ page }) => {
  const app = await Playground.open(page, '?scale=20');
  const evil = '<img src=x onerror="window.__pwned=1">';
  const lane = '<script>window.__pwned=2</script>';
  await page.evaluate(
    ([label, name]) =>
      window.postMessage({ type: 'load', scenario: { version: 1, lanes: [{ name, tasks: [{ kind: 'wait', label, duration: 1 }] }] } }, '*'),
    [evil, lane],
  );
  await expect(app.task(evil.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).toBeVisible();
  await expect(page.locator('pre.code')).toContainText('onerror');
  await app.run('async');
  await page.getByRole('button', { name: 'Share' }).click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});
