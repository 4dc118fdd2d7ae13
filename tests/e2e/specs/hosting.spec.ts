// The bundle as a course site hosts it: under a sub-path, with the strict
// Content-Security-Policy (a meta tag in the page, and the same policy as a header from
// serve.mjs). One build serves both the root and the sub-path: its URLs are relative.
import { expect, test as base, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

/** Where playwright.config.ts has serve.mjs put the same files a second time. */
const SUB_PATH = '/course/playground/';

// Playground.open goes to `./?query` from the base URL: here, the sub-path's absolute URL.
const test = base.extend({
  baseURL: async ({ baseURL }, use) => use(new URL(SUB_PATH, baseURL).href),
});

/** Every response the page gets; `failed` lists those that were not 2xx/3xx. */
function recordResponses(page: Page) {
  const seen: { url: string; status: number }[] = [];
  page.on('response', (r) => seen.push({ url: r.url(), status: r.status() }));
  return {
    urls: () => seen.map((r) => r.url),
    failed: () => seen.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`),
  };
}

test('runs under a sub-path: every file loads from there, nothing 404s, no policy is broken', async ({ page, baseURL }) => {
  expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/course\/playground\/$/);
  const responses = recordResponses(page);
  const app = await Playground.open(page, '?scale=50');
  expect(page.url()).toBe(`${baseURL}?scale=50`);

  const { message } = await app.run('async');
  expect(message.mode).toBe('async');
  expect(message.predicted_ms).toBe(250);
  expect(message.total_ms).toBeGreaterThanOrEqual(245);
  expect(message.tasks.map((t) => t.outcome)).toEqual(['done', 'done']);
  await expect(app.status()).toContainText('Async run finished in');

  expect(responses.failed()).toEqual([]);
  // The page, its script, styles, wasm and icon all came from the sub-path: the server also
  // serves the root, so a bundle with root-relative URLs would load, but not from here.
  const urls = responses.urls();
  for (const file of [/\/boot-[0-9a-f]{16}\.js$/, /\.wasm$/, /\.css$/, /\/favicon\.svg$/]) {
    expect(urls.some((u) => file.test(u)), `${file} among ${urls.join(', ')}`).toBe(true);
  }
  expect(urls.filter((u) => !u.startsWith(baseURL!))).toEqual([]);
  await app.expectNoCspViolations();
});

// After a site is updated, a browser may still hold the old build's files in its cache. The
// files the page loads after its first view are in a folder it names, and the folder's name
// follows their content (xtask/src/parts.rs): a page never loads another build's runner,
// extras, worker or lessons, and nothing of them is left beside the page under a fixed name.
test('what loads after the first view comes from the folder the page names, and nothing else', async ({ page, baseURL }) => {
  const requested: string[] = [];
  page.context().on('request', (r) => requested.push(r.url()));
  const responses = recordResponses(page);
  const app = await Playground.open(page, '?lesson=race&scale=50');
  const parts = await page.evaluate(() => document.documentElement.dataset.parts);
  expect(parts).toMatch(/^parts-[0-9a-f]{16}\/$/);
  await app.run('async');
  await app.run('workers');
  // The table of runs is one of the extras: they load once the runs have ended.
  await expect(page.locator('.history table')).toBeVisible();
  const later = [
    'lessons/race.json',
    'runner-loader.js',
    'runner.js',
    'runner_bg.wasm',
    'extras.js',
    'extras-loader.js',
    'extras_bg.wasm',
    'extras.css',
    'compute-worker-loader.js',
    'compute-worker.js',
    'compute-worker_bg.wasm',
  ];
  for (const name of later) {
    expect(requested, name).toContain(`${baseURL}${parts}${name}`);
    expect(requested, name).not.toContain(`${baseURL}${name}`);
  }
  expect(responses.failed()).toEqual([]);
  // None is beside the page, where a cached copy of an older build could answer for it.
  for (const name of ['runner-loader.js', 'extras.js', 'compute-worker-loader.js', 'lessons/race.json']) {
    expect((await page.request.get(`${baseURL}${name}`)).status(), name).toBe(404);
  }
  await app.expectNoCspViolations();
});

// Through the playground's service worker once it controls the page (`playground-request`,
// answered with the icon after the latency; requests.spec.ts), else the icon itself.
test('a request task fetches relative to the page', async ({ page, baseURL }) => {
  const responses = recordResponses(page);
  const app = await Playground.open(page, '?lesson=network&scale=50');
  const before = responses.urls().length;
  const { message } = await app.run('async');
  expect(message.tasks.length).toBeGreaterThan(0);
  expect(message.tasks.every((t) => t.kind === 'request' && t.outcome === 'done')).toBe(true);
  const fetched = responses.urls().slice(before).filter((u) => /favicon\.svg|playground-request/.test(u));
  expect(fetched.length).toBe(message.tasks.length);
  expect(fetched.every((u) => u.startsWith(`${baseURL}favicon.svg`) || u.startsWith(`${baseURL}playground-request?ms=`))).toBe(true);
  expect(responses.failed()).toEqual([]);
  await app.expectNoCspViolations();
});

test('the page carries the policy as a meta tag and the server sends it as a header', async ({ page, baseURL }) => {
  const response = await page.goto(baseURL!);
  const header = response!.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', header);
  // Trunk's inline start-up script was moved into a file: the page has no inline script.
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('the policy check can fail: an injected inline script is blocked and recorded', async ({ page }) => {
  const app = await Playground.open(page, '?scale=50');
  await app.expectNoCspViolations();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
  });
  // Blocked twice, once by each copy of the policy: the header's and the meta tag's.
  await expect
    .poll(() => page.evaluate(() => window.__e2e.cspViolations.map((v) => `${v.directive} ${v.blocked}`)))
    .toEqual(['script-src-elem inline', 'script-src-elem inline']);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect(app.expectNoCspViolations()).rejects.toThrow();
});
