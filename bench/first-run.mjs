// What the page's wasm runs before `ready`, and so how far splitting it can go: `cargo xtask
// bench --sizes` runs this after `sizes.mjs`. It copies the release bundle with the page's
// whole wasm (as it was before the build split it, xtask/src/split.rs) in place of the first
// view's, adds to each function a call that notes it ran (`xtask/split/wasm.mjs`), loads the
// copy in headless Chromium until the app posts `ready`, three times, and prints which code
// ran and which did not: raw, compressed alone, by group and the largest functions by name
// (from the build with names kept, whose functions come in the same order). It also empties
// every function that did not run (each body becomes `unreachable`) and compresses that wasm:
// a split by function cannot leave less in the first view than that.
//
//   node bench/first-run.mjs --app <dist> --whole <the whole wasm> --named <named.wasm> [--rows N]
//
// Uses `@playwright/test` from tests/e2e/node_modules, the system's Chromium (or `CHROMIUM`) and
// tests/e2e/serve.mjs. Figures only: nothing here is asserted.
import { readdir, readFile } from 'node:fs/promises';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { binaryen, defined, functionsRun, read } from '../xtask/split/wasm.mjs';
import { group, nameOf, readWasm } from './wasm-read.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
};
const app = resolve(arg('app'));
const named = readWasm(await readFile(arg('named')));
const rows = Number(arg('rows', '25'));
const LOADS = 3;
const PORT = 4620;

const pageWasm = (await readdir(app)).find((name) => name.endsWith('_bg.wasm'));
if (!pageWasm) throw new Error(`no page wasm at the top of ${app}`);
const firstView = await readFile(join(app, pageWasm));
const original = await readFile(arg('whole'));
const wasm = readWasm(original);
const sameOrder = wasm.bodies.length === named.bodies.length && wasm.bodies.every((b, i) => b.length === named.bodies[i].length);

// What ran before `ready` in any of LOADS loads of the default lesson.
const ran = await functionsRun({
  app,
  wasmName: pageWasm,
  wasm: original,
  port: PORT,
  paths: Array(LOADS).fill('/'),
  visit: (page) => page.evaluate(() => window.__ranAtReady),
});

// What did not run, emptied: the least a split by function could leave in the first view.
const module = read(original);
defined(module).forEach((f, i) => {
  if (!ran.has(i)) binaryen.Function.setBody(f, module.unreachable());
});
const emptied = module.emitBinary();
module.dispose();

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const bytes = (n) => `${n.toLocaleString('en-US')} B`;
const z = (bodies) => deflateRawSync(Buffer.concat(bodies), { level: 9 }).length;
const sum = (bodies) => bodies.reduce((s, b) => s + b.length, 0);
const hot = wasm.bodies.filter((_, i) => ran.has(i));
const cold = wasm.bodies.filter((_, i) => !ran.has(i));
const gz = (file) => gzipSync(file, { level: 9 }).length;

console.log('');
console.log(`### What the page's wasm runs before \`ready\``);
console.log('');
console.log(`${ran.size} of ${wasm.bodies.length} functions of the page's whole wasm ran before \`ready\` (in any of ${LOADS} loads of the default lesson in headless Chromium).`);
console.log('');
console.log('| functions | count | code | compressed alone |');
console.log('|---|---|---|---|');
console.log(`| ran before \`ready\` | ${hot.length} | ${kb(sum(hot))} | ${kb(z(hot))} |`);
console.log(`| did not run | ${cold.length} | ${kb(sum(cold))} | ${kb(z(cold))} |`);
console.log('');
console.log(
  `The whole wasm is ${bytes(gz(original))} gzip -9; the first view's, as the build split it, ${bytes(gz(firstView))}. ` +
    `With every function that did not run before \`ready\` emptied it would be ${bytes(gz(emptied))}: no split by function could leave less.`,
);
if (!sameOrder) {
  console.log('', '(The build with names kept has other functions: no names below.)');
  process.exit(0);
}
const groups = new Map();
wasm.bodies.forEach((body, i) => {
  if (ran.has(i)) return;
  const g = group(nameOf(named, i) ?? '?');
  groups.set(g, [...(groups.get(g) ?? []), body]);
});
console.log('');
console.log('| did not run, by group | code | compressed alone |');
console.log('|---|---|---|');
for (const [g, bodies] of [...groups].sort((a, b) => sum(b[1]) - sum(a[1])).slice(0, 12)) console.log(`| ${g} | ${kb(sum(bodies))} | ${kb(z(bodies))} |`);
console.log('');
console.log(`| the ${rows} largest functions that did not run | code |`);
console.log('|---|---|');
const largest = wasm.bodies.map((body, i) => [body.length, i]).filter(([, i]) => !ran.has(i)).sort((a, b) => b[0] - a[0]);
for (const [size, i] of largest.slice(0, rows)) console.log(`| \`${(nameOf(named, i) ?? '?').replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|')}\` | ${bytes(size)} |`);
