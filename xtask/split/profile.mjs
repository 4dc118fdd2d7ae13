// Which of the page wasm's functions the page runs before the learner does anything and before
// the rest of its wasm arrives: the build's split (`split.mjs`) keeps those in the first view and
// moves the rest out. It loads a copy of the bundle with the page's wasm instrumented
// (`wasm.mjs`, which holds the rest back) in headless Chromium as a learner or a course page
// opens it (each address in PAGES), each time until `ready` and for IDLE_MS after, when the page
// meets a course page's command, a long task, a narrower window and a scroll. What the page
// does of its own accord once the rest has arrived (what stands below the stage, the runner's
// preload) is not in it, nor carrying out a command: those wait for the rest
// (src/shell/runtime/page_rest.rs).
//
//   node xtask/split/profile.mjs --app <dist> --wasm <the page's wasm, in dist> --out <ran.json>
//
// Uses `@playwright/test` from tests/e2e/node_modules, the system's Chromium (or `CHROMIUM`) and
// tests/e2e/serve.mjs. Writes `{"functions": <count>, "ran": [<place>, ...]}`.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { defined, functionsRun, read } from './wasm.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`--${name} is required`);
  return process.argv[i + 1];
};
const app = resolve(arg('app'));
const wasmPath = resolve(arg('wasm'));
const out = resolve(arg('out'));

// Every lesson, on the site and in a course page's frame; each parameter a course page may set
// (docs/contracts.md), alone or together, and every one of them wrong (each says so in a
// notice): `parameter-pages.json`, which tests/e2e/specs/split.spec.ts opens too; then a second
// visit.
const LESSONS = ['ticket-queue', 'io-waits', 'network', 'cpu-trap', 'event-loop', 'yielding', 'workers', 'callbacks-promises-await', 'race', 'timeout-cancel', 'errors', 'debugging'];
const PARAMETERS = JSON.parse(await readFile(new URL('./parameter-pages.json', import.meta.url), 'utf8'));
const PAGES = [...LESSONS.flatMap((lesson) => [`/?lesson=${lesson}`, `/?embed=1&lesson=${lesson}`]), ...PARAMETERS, '/'];
const IDLE_MS = 1000;
const PORT = 4630;

const original = await readFile(wasmPath);
const module = read(original);
const functions = defined(module).length;
module.dispose();
const ran = await functionsRun({
  app,
  wasmName: basename(wasmPath),
  wasm: original,
  port: PORT,
  paths: PAGES,
  // What a page meets without the learner acting: a course page's command as soon as `ready`
  // comes (it waits for the rest, which never comes here: what keeps it waiting is kept, what
  // carries it out is not), a long task (a slow device's start makes one, and the page
  // observes them), a narrower window (a phone's address bar coming and going), and a scroll
  // to the end and back.
  async visit(page) {
    await page.evaluate(() => postMessage({ type: 'ping' }, '*'));
    await page.evaluate(
      () =>
        new Promise((done) =>
          setTimeout(() => {
            const until = performance.now() + 80;
            while (performance.now() < until);
            done();
          }),
        ),
    );
    await page.setViewportSize({ width: 390, height: 700 });
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(IDLE_MS / 2);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(IDLE_MS / 2);
    return page.evaluate(() => [...window.__ran]);
  },
});
await writeFile(out, JSON.stringify({ functions, ran: [...ran].sort((a, b) => a - b) }));
console.log(`profile: ${ran.size} of ${functions} functions ran in ${PAGES.length} loads`);
