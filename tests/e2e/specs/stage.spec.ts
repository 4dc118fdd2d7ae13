// The stage: a learner presses Run and sees, without scrolling, the page stay alive or freeze.
// At laptop, desktop, phone and embed sizes, for each mode, pressed by mouse, keyboard or touch,
// the pressed button, the pulse and the timeline's lanes stay inside the window from the press
// to `run-finished` (checked every frame by the page's own probe); nothing scrolls sideways at
// 320 px; and the page is accessible in light and dark, before, during and after a run.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Playground, type Mode } from '../pages/playground';
import { misplacedColumns } from '../pages/strip.mjs';

type Press = 'mouse' | 'keyboard' | 'touch';

/** Installed before the app loads: every frame while a run goes (from `run-started` to
 * `run-finished`, as the page's messages say), whether the pressed button, the pulse and each
 * lane of the timeline are inside the window. */
function installStageProbe() {
  const samples: { inside: boolean; what: string }[] = [];
  let watching = false;
  (window as unknown as { __stage: typeof samples }).__stage = samples;
  window.addEventListener('message', (e) => {
    if (e.data?.type === 'run-started') watching = true;
    if (e.data?.type === 'run-finished') watching = false;
  });
  const inside = (el: Element | null) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  };
  const loop = () => {
    if (watching) {
      const pressed = document.querySelector('[data-pressed]');
      const parts: [string, Element | null][] = [
        ...(pressed ? [['button', pressed] as [string, Element]] : []),
        ['pulse', document.querySelector('section.pulse')],
        ...[...document.querySelectorAll('.tl-lane')].map((l, i) => [`lane ${i + 1}`, l] as [string, Element]),
      ];
      const out = parts.filter(([, el]) => !inside(el)).map(([name]) => name);
      samples.push({ inside: out.length === 0, what: out.join(', ') });
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

async function press(page: Page, app: Playground, mode: Mode, how: Press) {
  const button = app.runButton(mode);
  await button.evaluate((b) => {
    document.querySelectorAll('[data-pressed]').forEach((e) => e.removeAttribute('data-pressed'));
    b.setAttribute('data-pressed', '');
  });
  if (how === 'mouse') await button.click();
  else if (how === 'touch') await button.tap();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
}

async function checkRuns(page: Page, query: string, presses: [Mode, Press][]) {
  await page.addInitScript(installStageProbe);
  const app = await Playground.open(page, query);
  for (const [mode, how] of presses) {
    const before = await page.evaluate(() => (window as unknown as { __stage: unknown[] }).__stage.length);
    const run = await app.runWith(() => press(page, app, mode, how));
    expect(run.message.mode).toBe(mode);
    const samples = await page.evaluate(
      (n) => (window as unknown as { __stage: { inside: boolean; what: string }[] }).__stage.slice(n),
      before,
    );
    expect(samples.length, `frames sampled during the ${mode} run`).toBeGreaterThan(0);
    expect(samples.filter((s) => !s.inside).map((s) => s.what), `${mode} by ${how}: out of the window`).toEqual([]);
  }
  // Nothing on the page is wider than the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  // Each of the strip's column heads stands over its figures, in every row.
  const misplaced = await page.evaluate(misplacedColumns);
  expect(misplaced, 'columns off their heads').toEqual([]);
}

// The ticket queue (its selfies are work, so workers mode uses the pool), a fifth of the time.
const query = '?lesson=ticket-queue&scale=200';

test.describe('laptop, 1280 x 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test('each mode keeps the button, the pulse and the lanes in view', async ({ page }) => {
    await checkRuns(page, query, [['blocking', 'mouse'], ['async', 'keyboard'], ['workers', 'mouse']]);
  });
  test('the lesson stands beside the stage, its text open', async ({ page }) => {
    const app = await Playground.open(page, query);
    await expect(page.locator('#lesson-text')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Read the lesson' })).toBeHidden();
    const [lesson, pulse] = [await page.locator('.lesson').boundingBox(), await app.pulse().boundingBox()];
    expect(lesson!.x + lesson!.width).toBeLessThanOrEqual(pulse!.x);
  });
  test('a run started while the page is scrolled away brings the stage into view', async ({ page }) => {
    await page.addInitScript(installStageProbe);
    const app = await Playground.open(page, query);
    // The whole page there (what stands below the stage comes after `ready`), then scrolled away.
    await expect(app.editor()).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(app.pulse()).not.toBeInViewport();
    // Started by a message, as a course page would: no button was pressed.
    const run = await app.runWith(() => page.evaluate(() => window.postMessage({ type: 'run', mode: 'async' }, '*')));
    expect(run.message.mode).toBe('async');
    const samples = await page.evaluate(() => (window as unknown as { __stage: { inside: boolean; what: string }[] }).__stage);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((s) => !s.inside).map((s) => s.what)).toEqual([]);
  });
});

test.describe('desktop, 1440 x 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test('each mode keeps the button, the pulse and the lanes in view', async ({ page }) => {
    await checkRuns(page, query, [['blocking', 'keyboard'], ['async', 'mouse'], ['workers', 'keyboard']]);
  });
});

test.describe('phone, 390 x 844, touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('each mode keeps the button, the pulse and the lanes in view', async ({ page }) => {
    await checkRuns(page, query, [['blocking', 'touch'], ['async', 'touch'], ['workers', 'touch']]);
  });
  test('a figure keeps its unit on its line, and the typing field shows its whole prompt', async ({ page }) => {
    const app = await Playground.open(page, '?lesson=ticket-queue&scale=100');
    await app.run('blocking');
    // The longest freeze, in the strip's narrowest column: "702 ms", never "702" over "ms".
    const freeze = page.locator('.mode-row .longest-gap').first();
    await expect(freeze).toHaveText(/^\d+ ms$/);
    const line = await freeze.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    expect((await freeze.boundingBox())!.height).toBeLessThan(line * 1.5);
    const typing = page.locator('.try-typing');
    const [text, room] = await typing.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      return [context.measureText(input.placeholder).width, input.clientWidth - padding];
    });
    expect(text, 'the placeholder, "type during a run", fits its field').toBeLessThanOrEqual(room);
  });
  test('the lesson text folds away behind a button, the pulse never', async ({ page }) => {
    const app = await Playground.open(page, query);
    const read = page.getByRole('button', { name: 'Read the lesson' });
    await expect(read).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#lesson-text')).toBeHidden();
    await expect(app.pulse()).toBeInViewport();
    await read.tap();
    await expect(page.locator('#lesson-text')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hide the lesson' })).toHaveAttribute('aria-expanded', 'true');
  });
});

test.describe('embedded, 360 x 640', () => {
  test.use({ viewport: { width: 360, height: 640 } });
  test('each mode keeps the button, the pulse and the lanes in view', async ({ page }) => {
    await checkRuns(page, `${query}&embed=1&controls=pulse,blocking,async,workers`, [
      ['blocking', 'mouse'],
      ['async', 'keyboard'],
      ['workers', 'mouse'],
    ]);
  });
  test('without the editor the timeline only shows: keys edit nothing', async ({ page }) => {
    const app = await Playground.open(page, `${query}&embed=1&controls=pulse,async`);
    await expect(page.getByText('How to edit')).toHaveCount(0);
    const selfies = app.task('Take selfies');
    await expect(selfies).toHaveAttribute('tabindex', '-1');
    await selfies.focus();
    await page.keyboard.press('Delete');
    await page.keyboard.press('ArrowUp');
    await expect(selfies).toHaveAttribute('aria-label', /lane Phone, 1 of 1$/);
    await expect(page.locator('.ed-task')).toHaveCount(2);
  });
});

test('at 320 px wide nothing scrolls sideways, with the lesson open and after a run', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const app = await Playground.open(page, '?lesson=errors&scale=100');
  await page.getByRole('button', { name: 'Read the lesson' }).click();
  await app.run('async');
  await app.task('Fetch the photos').click();
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await width()).toBeLessThanOrEqual(320);
  // Zoomed in, the lanes scroll inside the timeline, not the page.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect(await width()).toBeLessThanOrEqual(320);
  const scroller = await page.locator('.tl-scroll').evaluate((s) => [s.scrollWidth, s.clientWidth]);
  expect(scroller[0]).toBeGreaterThan(scroller[1] * 3);
});

test('the pulse is a landmark and the timeline a region, named as the contract says', async ({ page }) => {
  const app = await Playground.open(page, query);
  await expect(app.pulse()).toHaveCount(1);
  await expect(app.timeline()).toHaveCount(1);
  // The lanes where tasks are planned are the lanes a run is drawn on: a task's planned block
  // and its measured bar share a lane row.
  const run = (await app.run('blocking')).message;
  const selfies = run.tasks.find((t) => t.label === 'Take selfies')!;
  const row = app.timeline().locator('.tl-lane').nth(1);
  // The canvas paints the selfies' measured bar in the second lane's row.
  await expect.poll(async () => (await app.painted('measured'))[1]).toBeGreaterThan(100);
  const [task, lane] = [await app.task('Take selfies').boundingBox(), await row.boundingBox()];
  expect(task!.y).toBeGreaterThanOrEqual(lane!.y);
  expect(task!.y + task!.height).toBeLessThanOrEqual(lane!.y + lane!.height);
  // Switching the timeline to another mode draws that mode's prediction.
  await expect(app.timeline()).toHaveAttribute('data-mode', 'blocking');
  await page.getByRole('group', { name: 'Show the run of' }).getByRole('button', { name: 'Async' }).click();
  await expect(app.timeline()).toHaveAttribute('data-mode', 'async');
  expect((await app.tasksTable()).find((r) => r.id === selfies.id)!.predictedEnd).toBe(400);
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations in ${scheme} mode, before, during and after a run`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    const app = await Playground.open(page, '?lesson=ticket-queue&scale=1000');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toContain(scheme);
    expect(await seriousViolations(page)).toEqual([]);
    const before = (await app.messages('run-finished')).length;
    await app.runButton('async').click();
    await page.waitForFunction(() => window.__e2e.messages.some((m) => m.type === 'run-started'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.waitForFunction((n) => window.__e2e.messages.filter((m) => m.type === 'run-finished').length > n, before);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('theme= overrides the system setting for embeds', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await Playground.open(page, '?theme=dark&embed=1');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(3 * 80);
  await Playground.open(page, '?theme=sepia');
  await expect(page.getByRole('alert')).toContainText('sepia');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('a value being typed in the run settings is not put back when the page redraws for something else', async ({
  page,
}) => {
  await Playground.open(page, '?scale=100');
  const scale = page.getByRole('spinbutton', { name: /Time scale/ });
  await scale.click();
  await scale.fill('25');
  // A course page loads another scenario: the page redraws, with the field still focused and
  // its value not yet committed.
  await page.evaluate(() =>
    window.postMessage({ type: 'load', scenario: { version: 1, lanes: [{ name: 'A', tasks: [{ kind: 'wait', label: 'Nap', duration: 1 }] }] } }, '*'),
  );
  await expect(page.getByRole('button', { name: /Nap/ }).first()).toBeVisible();
  await expect(scale).toBeFocused();
  await expect(scale).toHaveValue('25');
});

test('a cap being typed during a run is not put back when the run ends', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=ticket-queue&scale=400');
  const cap = page.getByRole('spinbutton', { name: /Blocking cap/ });
  await expect(cap).toHaveValue('10');
  const run = await app.runWith(async () => {
    await app.runButton('async').click();
    // The other settings cannot change during a run; the cap can.
    await expect(page.getByRole('spinbutton', { name: /Time scale/ })).toBeDisabled();
    await cap.click();
    await cap.fill('12');
  });
  expect(run.message.mode).toBe('async');
  await expect(page.getByRole('spinbutton', { name: /Time scale/ })).toBeEnabled();
  await expect(cap).toBeFocused();
  await expect(cap).toHaveValue('12');
  // Committed, it stays: it is now the cap.
  await page.keyboard.press('Tab');
  await expect(cap).not.toBeFocused();
  await expect(cap).toHaveValue('12');
  // A value the page cannot hold is not left showing: the cap goes to its nearest limit; a scale
  // out of range (or none) is refused, saying why, and the field shows the one in use.
  await cap.fill('99');
  await cap.press('Enter');
  await expect(cap).toHaveValue('30');
  const scale = page.getByRole('spinbutton', { name: /Time scale/ });
  const note = page.locator('.run-controls .settings-note');
  await expect(note).toBeEmpty();
  for (const typed of ['0', '']) {
    await scale.fill(typed);
    await scale.press('Enter');
    await expect(scale).toHaveValue('400');
    // Said beside the fields, where the learner is looking, not in the status line above the
    // stage (out of view on a laptop by then).
    await expect(note).toHaveText('The time scale is a number of milliseconds per unit from 1 to 10000: it stays at 400.');
    await expect(note).toBeInViewport();
  }
  await expect(page).toHaveURL(/scale=400/);
  // One it can use is taken, and the note goes.
  await scale.fill('250');
  await scale.press('Enter');
  await expect(scale).toHaveValue('250');
  await expect(page).toHaveURL(/scale=250/);
  await expect(note).toBeEmpty();
});
