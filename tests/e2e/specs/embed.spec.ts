// Embedding: the compact layout with chosen parts, the Embed dialog's snippet, the demo
// parent page driving the playground through postMessage, and the frame sized to its content
// by a parent on another origin.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Playground } from '../pages/playground';

test('embed mode at 320 px shows only the chosen parts, and they work', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const app = await Playground.open(page, '?lesson=io-waits&scale=50&embed=1&controls=async,pulse');
  await expect(page.locator('.site-header')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run async' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run blocking' })).toHaveCount(0);
  await expect(page.locator('.editor')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Is the page alive?' })).toBeVisible();
  const run = (await app.run('async')).message;
  expect(run.tasks.map((t) => t.label)).toEqual(['Read config.toml', 'Read users.csv', 'Read logo.png']);
  // Nothing is wider than the frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the Embed dialog gives an iframe snippet for the lesson and the chosen parts', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await Playground.open(page, '?lesson=race&scale=500');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a course page' });
  await expect(dialog).toBeVisible();
  const snippet = dialog.getByLabel('The snippet');
  await expect(snippet).toHaveValue(/^<iframe src="http:\/\/[^"]+\/\?lesson=race&amp;scale=500&amp;embed=1"/);
  await dialog.getByRole('checkbox', { name: 'editor' }).uncheck();
  await expect(snippet).toHaveValue(/controls=lesson,predict,pulse,run,blocking,async,workers,compare,code,history,replay,share"/);
  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the demo parent page loads a scenario, runs it and shows the results it gets back', async ({ page }) => {
  await page.goto('./embed-demo.html');
  await expect(page.getByRole('status')).toContainText('The playground is ready');
  await page.getByRole('button', { name: 'Load three concurrent waits' }).click();
  const frame = page.frameLocator('#playground');
  await expect(frame.getByRole('button', { name: /^Wait 3: / })).toBeVisible();
  await page.getByRole('button', { name: 'Run async in the frame' }).click();
  const row = page.getByRole('table', { name: 'Results reported by the playground' }).locator('tbody tr');
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await expect(row.getByRole('cell').first()).toHaveText('async');
  await expect(row.getByRole('cell').nth(2)).toHaveText('600 ms');
});

test('embedded, the playground tells a parent on another origin its content height as it changes', async ({ page, baseURL }) => {
  // A course page on an origin of its own, served for real (Chromium lets a page from a
  // loopback address be framed by another loopback page only), with the snippet's script and
  // a log of what came.
  const app = new URL('?lesson=ticket-queue&scale=200&embed=1', baseURL).href;
  const html = `<!doctype html><body style="margin:0">
    <script>
      window.sizes = []; window.lti = [];
      addEventListener('message', (e) => {
        if (e.data?.type === 'resize') sizes.push(e.data.height);
        if (e.data?.subject === 'lti.frameResize') lti.push(e.data.height);
        if (e.data?.type !== 'resize') return;
        for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
      });
    </script>
    <iframe id="course-frame" title="Async Playground" src="${app}" style="width: 900px; height: 300px; border: 0"></iframe>
  </body>`;
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  try {
    await page.goto(`http://localhost:${port}/chapter.html`);
    const frame = page.frameLocator('#course-frame');
    await expect(frame.locator('.mode-async button.run')).toBeVisible();
    const content = () => frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    const last = () => page.evaluate(() => (window as any).sizes.at(-1) ?? 0);
    const matches = async () => Math.abs((await last()) - (await content())) <= 2;
    await expect.poll(matches).toBe(true);
    // The parent applied it: the frame is as tall as its content.
    expect(Math.abs((await page.locator('#course-frame').boundingBox())!.height - (await content()))).toBeLessThanOrEqual(2);

    // Another lesson, and a panel opened: each change is told.
    const count = await page.evaluate(() => (window as any).sizes.length);
    await frame.locator('#lesson-picker').selectOption('io-waits');
    await expect(frame.locator('#lesson-title')).toContainText('disk');
    await expect.poll(matches).toBe(true);
    const opened = await content();
    await frame.locator('.pulse details summary').click();
    await expect.poll(content).toBeGreaterThan(opened);
    await expect.poll(matches).toBe(true);
    expect(await page.evaluate(() => (window as any).sizes.length)).toBeGreaterThan(count);
    // Canvas LMS's message carries the same heights; no height is sent twice in a row.
    const [sizes, lti] = await page.evaluate(() => [(window as any).sizes, (window as any).lti]);
    expect(lti).toEqual(sizes);
    expect(sizes.every((h: number, i: number) => i === 0 || h !== sizes[i - 1])).toBe(true);
  } finally {
    server.close();
  }
});

test('readonly=1 runs the scenario but refuses edits with a message', async ({ page }) => {
  const app = await Playground.open(page, '?scale=100&embed=1&readonly=1');
  const note = page.locator('.edit-note');
  await expect(note).toHaveText('Read-only here: this scenario can be run, not changed.');
  // No editor: no palette, no hint, no settings below the stage; tasks cannot take the focus.
  await expect(page.getByText('How to edit')).toHaveCount(0);
  await expect(app.task('Take selfies')).toHaveAttribute('tabindex', '-1');
  // The course page may still load a scenario by message; the learner's undo keys cannot take
  // it back: they are refused with the same words.
  await page.evaluate(() =>
    window.postMessage({ type: 'load', scenario: { version: 1, lanes: [{ name: 'A', tasks: [{ kind: 'wait', label: 'Nap', duration: 1 }] }] } }, '*'),
  );
  await expect(app.timeline()).toHaveAttribute('data-task-count', '1');
  await expect(note).not.toHaveText('Read-only here: this scenario can be run, not changed.');
  await page.keyboard.press('Control+z');
  await expect(note).toHaveText('Read-only here: this scenario can be run, not changed.');
  await expect(app.timeline()).toHaveAttribute('data-task-count', '1');
  const run = await app.run('async');
  expect(run.message.tasks).toHaveLength(1);
});
