// The code view's JavaScript is real: evaluated in the page at a fast time scale, each style
// finishes its tasks in the order the model predicts. The Rust is checked by compiling it
// (the `codegen-check` crate); here, that the tabs, the highlighting and the copy button work.
import { expect, test, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

// A learner runs the generated JavaScript by pasting it into the browser console, which the
// page's Content-Security-Policy does not govern; the page's own scripts may not `eval`
// (script-src has no 'unsafe-eval'). These tests run the code with `(0, eval)(code)` inside
// page.evaluate, which Chromium exempts like the console (DevTools evaluations may eval), so
// they pass with the policy on; bypassing it says plainly that this spec runs learner code the
// way the console would, not as the page, and keeps it from resting on that exemption.
// page.spec.ts and hosting.spec.ts check the page itself under the policy.
test.use({ bypassCSP: true });

const LESSONS = [
  'ticket-queue', 'io-waits', 'network', 'cpu-trap', 'yielding',
  'callbacks-promises-await', 'race', 'timeout-cancel', 'errors', 'debugging',
];
const STYLES = ['JS callbacks', 'JS promises', 'JS async/await'];

/** The async prediction, from the ghost bars: groups of task labels that end together, in order. */
async function predictedOrder(page: Page): Promise<string[][]> {
  // The timeline draws the async prediction once it shows that mode.
  await page.getByRole('group', { name: 'Show the run of' }).getByRole('button', { name: 'Async' }).click();
  // The tasks as a table: each row carries when the model says the task ends, and how.
  const bars = (await new Playground(page).tasksTable()).map((r) => ({
    label: r.label,
    end: r.predictedEnd,
    outcome: r.predictedOutcome,
  }));
  const ended = bars.filter((b) => b.outcome === 'done' || b.outcome === 'failed').sort((a, b) => a.end - b.end);
  const groups: { end: number; labels: string[] }[] = [];
  for (const b of ended) {
    const last = groups.at(-1);
    // Ends closer than a few milliseconds may come either way round.
    if (last && b.end - last.end < 3) last.labels.push(b.label);
    else groups.push({ end: b.end, labels: [b.label] });
  }
  return groups.map((g) => g.labels);
}

/** Runs the code in the page and returns what it logged up to `finished`. */
async function runCode(page: Page, code: string): Promise<string[]> {
  const lines: string[] = [];
  const finished = new Promise<void>((resolve) => {
    page.on('console', (m) => {
      const text = m.text();
      if (/^(done|failed|counter|finished)/.test(text)) lines.push(text);
      if (text === 'finished') resolve();
    });
  });
  await page.evaluate((c) => (0, eval)(c), code);
  await finished;
  page.removeAllListeners('console');
  return lines;
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson}: the generated JavaScript runs and finishes in the predicted order`, async ({ page }) => {
    const scale = 40;
    await Playground.open(page, `?lesson=${lesson}&scale=${scale}`);
    const expected = await predictedOrder(page);
    expect(expected.length).toBeGreaterThan(0);
    for (const [i, style] of STYLES.entries()) {
      if (i > 0) {
        // JavaScript cannot cancel the lanes a race or a failure left behind: they run on and
        // log after "finished". A fresh page stops them, so they never land in the next run.
        await page.reload();
        await page.waitForFunction(() => window.__e2e.messages.some((m) => m.type === 'ready'));
      }
      await page.getByRole('tab', { name: style }).click();
      await expect(page.getByRole('tab', { name: style })).toHaveAttribute('aria-selected', 'true');
      const code = (await page.locator('pre.code').textContent())!;
      expect(code).toContain(`${scale}`);
      const lines = await runCode(page, code);
      const order = lines.filter((l) => /^(done|failed): /.test(l)).map((l) => l.replace(/^(done|failed): /, ''));
      // The completions, group by group, as predicted.
      let at = 0;
      for (const group of expected) {
        const got = order.slice(at, at + group.length);
        expect([...got].sort(), `${style}: ${order.join(' | ')}`).toEqual([...group].sort());
        at += group.length;
      }
      expect(lines.at(-1)).toBe('finished');
      if (lesson === 'race') expect(lines).toContain('counter: 1');
    }
  });
}

// The timeout lesson's point, in real code: where the page's Rust run drops the losing fetch
// (requests.spec.ts sees it aborted), the JavaScript promise that lost the race runs on and
// logs its line after "finished".
test('timeout-cancel: in JavaScript the request that lost the race still logs done, after finished', async ({ page }) => {
  await Playground.open(page, '?lesson=timeout-cancel&scale=40');
  await page.getByRole('tab', { name: 'JS promises' }).click();
  const code = (await page.locator('pre.code').textContent())!;
  const lines: string[] = [];
  page.on('console', (m) => lines.push(m.text()));
  await page.evaluate((c) => (0, eval)(c), code);
  await expect.poll(() => lines.includes('done: Fetch the report'), { timeout: 10_000 }).toBe(true);
  expect(lines.indexOf('finished')).toBeGreaterThan(-1);
  expect(lines.indexOf('done: Fetch the report')).toBeGreaterThan(lines.indexOf('finished'));
  expect(lines.indexOf('done: Give up after 3 seconds')).toBeLessThan(lines.indexOf('finished'));
});

test('the code view: tabs by keyboard, highlighting, copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await Playground.open(page, '?lesson=callbacks-promises-await');
  // This lesson opens on the callbacks tab.
  const callbacks = page.getByRole('tab', { name: 'JS callbacks' });
  await expect(callbacks).toHaveAttribute('aria-selected', 'true');
  await callbacks.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'JS promises' })).toBeFocused();
  await expect(page.getByRole('tabpanel')).toContainText('.then(');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'JS async/await' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  const rust = page.getByRole('tab', { name: 'Rust' });
  await expect(rust).toHaveAttribute('aria-selected', 'true');
  const code = page.locator('pre.code');
  await expect(code).toContainText('.await');
  await expect(code.locator('.tok-keyword').first()).toBeVisible();
  // Labels appear as string literals, highlighted as strings.
  await expect(code.locator('.tok-string', { hasText: 'Boil the water' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.locator('.copy-note')).toHaveText('Copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await code.textContent());
  // The code follows the timeline: an edit shows up at once.
  await page.getByRole('button', { name: /^Boil the water: / }).click();
  await page.getByRole('textbox', { name: 'Label' }).fill('Heat the kettle');
  await page.getByRole('textbox', { name: 'Label' }).press('Enter');
  await expect(code).toContainText('Heat the kettle');
});
