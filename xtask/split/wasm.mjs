// What the build's split (`split.mjs`, `profile.mjs`) and the benchmark's `bench/first-run.mjs`
// do to the page's wasm, over binaryen.js (from the build tools, `.tools/node_modules`), and how
// they learn which of its functions a page runs ([`functionsRun`]).
import { createRequire } from 'node:module';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep, spawnGroup, stop } from '../../tests/engines/webdriver.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The rest's file name (`crate::split::REST`). */
const REST = 'page-rest.wasm';
export const { default: binaryen } = await import(join(root, '.tools/node_modules/binaryen/index.js'));

// The features the release build's wasm-opt keeps (its defaults): set, so that binaryen writes
// the module back without any newer encoding, which browsers would not read.
const F = binaryen.Features;
const FEATURES =
  F.MVP | F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt | F.SignExt | F.ReferenceTypes | F.Multivalue;

/** `bytes` read by binaryen, with the features above. */
export function read(bytes) {
  const module = binaryen.readBinary(bytes);
  module.setFeatures(FEATURES);
  return module;
}

/** The module's defined functions (not its imports), in order: a function's place here is its
 *  place among the code section's bodies. */
export function defined(module) {
  const out = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const f = module.getFunctionByIndex(i);
    if (!binaryen.getFunctionInfo(f).module) out.push(f);
  }
  return out;
}

/** `bytes` with each defined function first calling the import `first_run.ran` with its place:
 *  how `profile.mjs` and `bench/first-run.mjs` learn which functions ran. It also exports the
 *  global the split adds (`split_loaded`), so that the boot script takes it for a split page's
 *  wasm and the page waits for its rest (which [`functionsRun`] never gives) as a split page
 *  does. */
export function instrument(bytes) {
  const module = read(bytes);
  const functions = defined(module);
  module.addFunctionImport('first_run_ran', 'first_run', 'ran', binaryen.i32, binaryen.none);
  module.addGlobal('split_loaded', binaryen.i32, true, module.i32.const(0));
  module.addGlobalExport('split_loaded', 'split_loaded');
  functions.forEach((f, i) => {
    const { body, results } = binaryen.getFunctionInfo(f);
    const note = module.call('first_run_ran', [module.i32.const(i)], binaryen.none);
    binaryen.Function.setBody(f, module.block(null, [note, body], results));
  });
  const out = module.emitBinary();
  module.dispose();
  return out;
}

/** The page's side of the probe, run in the page before its scripts: the page's instantiation
 *  gets the import (other modules ignore it), and `window.__ranAtReady` lists what ran when the
 *  app posted `ready`, `window.__ran` what ran so far. */
export function probe() {
  const ran = new Set();
  window.__ran = ran;
  const give = (imports) => ({ ...imports, first_run: { ran: (i) => ran.add(i) } });
  const streaming = WebAssembly.instantiateStreaming;
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (source, imports) => streaming(source, give(imports));
  WebAssembly.instantiate = (source, imports) => plain(source, give(imports));
  addEventListener('message', (e) => {
    if (e.data?.type === 'ready' && !window.__ranAtReady) window.__ranAtReady = [...ran];
  });
}

/** Which functions of `wasm` (the page's, named `wasmName` at the top of the bundle in `app`)
 *  a page runs before the rest of its wasm arrives: a copy of the bundle with `wasm`
 *  instrumented is served on `port` (tests/e2e/serve.mjs), the rest's fetch is held unanswered,
 *  and each of `paths` is loaded in headless Chromium (`CHROMIUM`, else Debian's; Playwright
 *  from tests/e2e). Once a page has posted `ready`, `visit(page)` does what
 *  it does there and returns the places of the functions that ran (`window.__ranAtReady` or
 *  `window.__ran`, see [`probe`]); the answer is every place any page returned. An error on a
 *  page is an error here. */
export async function functionsRun({ app, wasmName, wasm, port, paths, visit }) {
  const { chromium } = createRequire(join(root, 'tests/e2e/package.json'))('@playwright/test');
  const copy = await mkdtemp(join(tmpdir(), 'functions-run-'));
  await cp(app, copy, { recursive: true });
  await writeFile(join(copy, wasmName), instrument(wasm));
  const server = spawnGroup(['node', join(root, 'tests/e2e/serve.mjs'), copy, String(port), '/']);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const ran = new Set();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(probe);
    await context.route(`**/${REST}`, () => {}); // never answered
    for (const path of paths) {
      const page = await context.newPage();
      const failures = [];
      page.on('pageerror', (e) => failures.push(e.message));
      for (let tries = 0; ; tries++) {
        try {
          await page.goto(`http://127.0.0.1:${port}${path}`);
          break;
        } catch (e) {
          if (tries > 50) throw e;
          await sleep(100); // the server is still starting
        }
      }
      await page.waitForFunction(() => window.__ranAtReady, null, { timeout: 60_000 });
      const places = await visit(page);
      if (failures.length) throw new Error(`${path}: ${failures.join('; ')}`);
      for (const i of places) ran.add(i);
      await page.close();
    }
  } finally {
    await browser.close();
    stop(server);
    await rm(copy, { recursive: true, force: true });
  }
  return ran;
}
