// The page's wasm comes in two (xtask/src/split.rs): what the page runs until the learner does
// something, and the rest, `page-rest.wasm` in the parts folder, fetched once the first view is
// drawn; what the page does of its own accord after that waits for it. A call into the rest
// before it has come loads it at once (a synchronous request); if it cannot be had, the page
// says so.
import { expect, test, type Page, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Playground } from '../pages/playground';
import { shareValue } from '../pages/share';

const REST = /\/parts-[0-9a-f]{16}\/page-rest\.wasm$/;
const REST_SHEET = /\/parts-[0-9a-f]{16}\/rest\.css$/;

/** Each request for the rest, by kind (`fetch` for the page's own, `xhr` for one made at once). */
function restRequests(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (REST.test(r.url())) seen.push(r.resourceType());
  });
  return seen;
}

/** Noted in the page, in order with the `ready` message: each ask for the rest, by the page's
 * fetch or at once (a synchronous request). */
async function noteAsks(page: Page) {
  await page.addInitScript(() => {
    const asked: string[] = [];
    (window as unknown as { __asked: string[] }).__asked = asked;
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      if (String(url).includes('page-rest')) asked.push('at once');
      return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    };
    const fetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).includes('page-rest')) asked.push('fetch');
      return fetch(input, init);
    };
    addEventListener('message', (e) => {
      if (e.data?.type === 'ready') asked.push('ready');
    });
  });
  return () => page.evaluate(() => (window as unknown as { __asked: string[] }).__asked);
}

/** The selectors of the rest's stylesheet (`rest.css`, loaded with the rest) that match an
 * element on the page: none may in a first view, or it would be drawn unstyled until the rest
 * came. Read from the stylesheet itself; pseudo-classes and pseudo-elements are set aside, so a
 * rule for a state an element of the first view can take (hovered, focused) counts too. */
async function restRulesMatched(page: Page): Promise<string[]> {
  // An extra on the stage (the order question's puzzle) comes without the rest: once it is there.
  await page.waitForFunction(() => !document.querySelector('.turn-host .booting-extra'));
  return page.evaluate(async () => {
    const response = await fetch(`./${document.documentElement.dataset.parts ?? ''}rest.css`);
    if (!response.ok) return [`rest.css: ${response.status}`];
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await response.text());
    const selectors: string[] = [];
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) selectors.push(...rule.selectorText.split(','));
        else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
      }
    };
    walk(sheet.cssRules);
    if (selectors.length < 20) return [`rest.css has only ${selectors.length} selectors`];
    return selectors.filter((s) => document.querySelector(s.trim().replace(/::?[a-z-]+/g, '')) !== null);
  });
}

test('the first view runs without the rest, which comes after it, and a run uses it', async ({ page }) => {
  const asks = await noteAsks(page);
  const requests = restRequests(page);
  const app = await Playground.open(page, '?scale=50');
  await expect.poll(() => requests).toEqual(['fetch']);
  const { message } = await app.run('async');
  expect(message.tasks.map((t) => t.outcome)).toEqual(['done', 'done']);
  await app.expectPageAgrees(message);
  // Nothing of the rest was needed before `ready` (the page's own fetch comes after the first
  // view's frame, before or after the message), and nothing was loaded twice.
  expect((await asks()).sort()).toEqual(['fetch', 'ready']);
  expect(requests).toEqual(['fetch']);
});

test('what stands below the stage, and the runner, wait for the rest, and come without a load at once', async ({ page }) => {
  // The page's own fetch of the rest is held until the page has done what it does before it.
  let held: Route | undefined;
  await page.route(REST, (route) => {
    if (route.request().resourceType() === 'fetch') held = route;
    else route.continue();
  });
  const asked: string[] = [];
  page.on('request', (r) => {
    if (REST.test(r.url())) asked.push(`rest (${r.resourceType()})`);
    else if (r.url().endsWith('/runner-loader.js')) asked.push('runner');
  });
  const app = await Playground.open(page, '?scale=50');
  await expect.poll(() => held !== undefined).toBe(true);
  // The first view is drawn (the fetch comes after its frame), and nothing below the stage is
  // there yet, nor the runner asked for.
  const editor = app.editor();
  await expect(page.locator('.stage')).toBeVisible();
  await expect(editor).toHaveCount(0);
  expect(asked).toEqual(['rest (fetch)']);
  // Where it will stand, a line says it is coming (held back a moment, so that a fast
  // connection never flashes it).
  const coming = page.locator('.below-note .coming');
  await expect(coming).toHaveText('Loading the rest of the playground\u2026');
  await expect(coming).toBeVisible();
  await expect(page.locator('.below-note .missing')).toBeHidden();
  await held!.continue();
  await expect(editor).toBeVisible();
  await expect(page.locator('.below-note')).toHaveCount(0);
  await expect.poll(() => asked).toEqual(['rest (fetch)', 'runner']);
});

test('a press before the rest has come loads it at once, and the run goes as usual', async ({ page }) => {
  // The page's own fetch of the rest never answers, as on a slow network.
  let held: Route | undefined;
  await page.route(REST, (route) => {
    if (route.request().resourceType() === 'fetch') held = route;
    else route.continue();
  });
  const requests = restRequests(page);
  const app = await Playground.open(page, '?scale=50');
  await expect.poll(() => held !== undefined).toBe(true);
  const { message } = await app.run('async');
  expect(message.tasks.map((t) => t.outcome)).toEqual(['done', 'done']);
  await app.expectPageAgrees(message);
  expect(requests).toEqual(['fetch', 'xhr']);
  await held!.abort().catch(() => {});
});

test('when the rest cannot be had, the page says so, once, and stops asking', async ({ page }) => {
  await page.route(REST, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const requests = restRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = await Playground.open(page, '?scale=50');
  // Said as soon as the page's own fetch fails, before anything asks for the rest; and where
  // what stands below the stage would be, that it cannot come. Nothing was drawn that needs it.
  const said = page.getByRole('alert').filter({ hasText: 'could not load a part of itself' });
  await expect(said).toContainText('Check the connection and reload the page');
  const missing = page.locator('.below-note .missing');
  await expect(missing).toHaveText('The rest of the playground could not be loaded. Check the connection and reload the page.');
  await expect(missing).toBeVisible();
  await expect(page.locator('.below-note .coming')).toBeHidden();
  await expect(app.editor()).toHaveCount(0);
  expect(requests).toEqual(['fetch']);
  expect(errors).toEqual([]);
  // A press needs the rest: it fails without asking again, and the message stays one.
  await app.runButton('async').click();
  await expect.poll(() => errors.some((e) => e.includes('page-rest.wasm did not load'))).toBe(true);
  await expect(said).toHaveCount(1);
  expect(requests).toEqual(['fetch']);
  await expect(app.pulse()).toBeVisible();
});

test('every lesson reads the same before the rest has come: what the first view shows is all in it', async ({ browser }) => {
  // The constants only the rest uses move with it (xtask/split/data.mjs): a text the first view
  // drew from one would be missing or NULs until the rest came. So each lesson's first view is
  // read with the rest held back, then as the page shows it with the rest.
  const read = async (query: string, hold: boolean) => {
    const page = await browser.newPage();
    if (hold) await page.route(REST, () => {});
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await Playground.open(page, query);
    // The lesson and the stage, less the pulse's clock and graph, which move: their text and
    // their markup (a class or a label is a constant too).
    const text = await page.evaluate(() => {
      const parts = ['.lesson-pane', '.stage-top', '.turn-host', '.timeline'].map((s) => document.querySelector(s) as HTMLElement | null);
      return parts.map((p) => `${p?.innerText ?? ''}\n${p?.outerHTML ?? ''}`).join('\n---\n');
    });
    const unstyled = hold ? await restRulesMatched(page) : [];
    // (Closing the page before its rest has come makes its `pagehide` listener ask for it.)
    const found = [...errors];
    await page.close();
    return { text, errors: found, unstyled };
  };
  const picker = await browser.newPage();
  await Playground.open(picker, '');
  const lessons = await picker.locator('#lesson-picker option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  await picker.close();
  expect(lessons.length).toBeGreaterThan(10);
  for (const query of [...lessons.map((l) => `?lesson=${l}&scale=50`), '?embed=1&controls=async,pulse&scale=200']) {
    const held = await read(query, true);
    const whole = await read(query, false);
    expect(held.errors, query).toEqual([]);
    // Nothing of the first view needs the rest's stylesheet.
    expect(held.unstyled, query).toEqual([]);
    expect(held.text, query).not.toContain('\u0000');
    expect(held.text.length, query).toBeGreaterThan(1000);
    expect(held.text, query).toBe(whole.text);
  }
});

test('saved work and a share link open with the rest fetched before the first view, never loaded at once', async ({ page, browser }) => {
  // Only the rest's code reads saved work or a link: a returning learner's page asks for it
  // first, and waits, instead of holding still for a synchronous download when it reads.
  const made = await Playground.open(page, '?scale=50');
  await page.evaluate(() => (window as unknown as { __playgroundRest: Promise<void> }).__playgroundRest);
  await page.getByRole('button', { name: 'Add lane' }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('async-playground'))).toContain('Lane 3');
  const asks = await noteAsks(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.reload();
  await page.waitForFunction(() => window.__e2e.messages.some((m) => m.type === 'ready'));
  expect(await asks()).toEqual(['fetch', 'ready']);
  await expect(page.getByLabel('Name of lane 3')).toHaveValue('Lane 3');
  await expect(made.editor()).toBeVisible();
  expect(errors).toEqual([]);

  const student = await browser.newPage();
  const studentAsks = await noteAsks(student);
  const scenario = { version: 1, lanes: [{ name: 'Disk', tasks: [{ kind: 'wait', label: 'Read notes.txt', duration: 2.5 }] }] };
  const app = await Playground.open(student, `?scale=50#s=${shareValue({ scenario })}`);
  expect(await studentAsks()).toEqual(['fetch', 'ready']);
  await expect(app.task('Read notes.txt')).toBeVisible();
  await student.close();
});

test('saved work whose rest cannot be had is kept, and the page says why it cannot open', async ({ page }) => {
  await Playground.open(page, '?scale=50');
  await page.evaluate(() => (window as unknown as { __playgroundRest: Promise<void> }).__playgroundRest);
  await page.getByRole('button', { name: 'Add lane' }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('async-playground'))).toContain('Lane 3');
  const saved = await page.evaluate(() => localStorage.getItem('async-playground'));
  await page.route(REST, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const requests = restRequests(page);
  await page.reload();
  // Said in place of the loading line, and nothing opened half-read.
  const said = page.locator('#app').getByRole('alert').filter({ hasText: 'could not load a part of itself' });
  await expect(said).toContainText('Check the connection and reload the page');
  await expect(page.locator('#app .booting')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Async Playground' })).toBeVisible();
  await expect(page.locator('.stage')).toHaveCount(0);
  expect(requests).toEqual(['fetch']);
  expect(await page.evaluate(() => localStorage.getItem('async-playground'))).toBe(saved);
});

test('commands a course page sends as soon as `ready` comes wait for the rest, in order, never loading it at once', async ({ page }) => {
  const asks = await noteAsks(page);
  // The course page's side: at `ready`, a scenario, then the state, then a run.
  await page.addInitScript(() => {
    const scenario = { version: 1, lanes: [{ name: 'Disk', tasks: [{ kind: 'wait', label: 'Read notes.txt', duration: 2.5 }] }] };
    addEventListener('message', (e) => {
      if (e.data?.type !== 'ready') return;
      for (const command of [{ type: 'load', scenario }, { type: 'get-state' }, { type: 'run', mode: 'async' }]) postMessage(command, '*');
    });
  });
  const app = await Playground.open(page, '?scale=20');
  await expect.poll(async () => (await app.messages('run-finished')).length).toBe(1);
  const [state] = await app.messages('state');
  expect((state as unknown as { scenario: { lanes: { name: string }[] } }).scenario.lanes.map((l) => l.name)).toEqual(['Disk']);
  const [finished] = await app.messages('run-finished');
  expect(finished.tasks.map((t) => t.label)).toEqual(['Read notes.txt']);
  // The page's own fetch only (before or after `ready`, as the first view's frame falls).
  expect((await asks()).sort()).toEqual(['fetch', 'ready']);
});

test('every parameter a course page may set opens without loading the rest at once', async ({ browser }) => {
  // The pages the build's profile opens for them (xtask/split/profile.mjs): each parameter
  // alone or with others, and each of them wrong.
  const pages: string[] = JSON.parse(readFileSync(new URL('../../../xtask/split/parameter-pages.json', import.meta.url), 'utf8'));
  for (const address of pages) {
    // Its first view, the rest held back: nothing in it needs the rest's stylesheet.
    const held = await browser.newPage();
    await held.route(REST, () => {});
    await Playground.open(held, address.slice(1));
    expect(await restRulesMatched(held), address).toEqual([]);
    await held.close();

    const page = await browser.newPage();
    const asks = await noteAsks(page);
    await Playground.open(page, address.slice(1));
    await page.evaluate(() => (window as unknown as { __playgroundRest: Promise<void> }).__playgroundRest);
    expect((await asks()).filter((a) => a !== 'ready'), address).toEqual(['fetch']);
    await page.close();
  }
});

test('the rest comes with its stylesheet, so what only it draws is never drawn unstyled', async ({ page, browser }) => {
  // How the run settings and the scenario's settings were styled the moment they were added.
  await page.addInitScript(() => {
    const seen: Record<string, string> = {};
    (window as unknown as { __seen: Record<string, string> }).__seen = seen;
    new MutationObserver(() => {
      for (const [name, selector] of [['run settings', '.run-controls'], ['editor', '.editor']]) {
        const element = document.querySelector(selector);
        if (element && !(name in seen)) seen[name] = getComputedStyle(element).display;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  // The stylesheet held until the rest's wasm has come: what stands below the stage waits for it.
  let sheet: Route | undefined;
  await page.route(REST_SHEET, (route) => {
    sheet = route;
  });
  const restCame = page.waitForResponse(REST);
  const app = await Playground.open(page, '?scale=50');
  await restCame;
  await expect.poll(() => sheet !== undefined).toBe(true);
  await expect(page.locator('.stage')).toBeVisible();
  await expect(app.editor()).toHaveCount(0);
  await sheet!.continue();
  await expect(app.editor()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __seen: Record<string, string> }).__seen)).toEqual({
    'run settings': 'flex',
    editor: 'block',
  });
  // One link to it, from the parts folder, after the first view's (its rules win a tie).
  const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => (l as HTMLLinkElement).href));
  const at = (pattern: RegExp) => sheets.findIndex((h) => pattern.test(h));
  expect(sheets.filter((h) => REST_SHEET.test(h))).toHaveLength(1);
  expect(at(/\/style-[0-9a-f]{16}\.css$/)).toBe(0);
  expect(at(/\/rest\.css$/)).toBeGreaterThan(0);
  // A rule from it is in force: the editor's card.
  await expect(app.editor()).toHaveCSS('border-top-style', 'solid');

  // Where it cannot be had, the page still works, plainer, and says nothing is missing.
  const plain = await browser.newPage();
  await plain.route(REST_SHEET, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const errors: string[] = [];
  plain.on('pageerror', (e) => errors.push(e.message));
  const plainApp = await Playground.open(plain, '?scale=50');
  await expect(plainApp.editor()).toBeVisible();
  await expect(plain.locator('.run-controls')).toHaveCSS('display', 'block');
  await expect(plain.getByRole('alert')).toHaveCount(0);
  const { message } = await plainApp.run('async');
  expect(message.tasks.map((t) => t.outcome)).toEqual(['done', 'done']);
  expect(errors).toEqual([]);
  await plain.close();
});
