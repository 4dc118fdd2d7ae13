// The browser side of `cargo xtask bench`: serves the release bundle, the minimal Yew page and
// the hand-written JavaScript baseline, drives headless Chromium with Playwright, prints a
// Markdown table and writes the raw figures as JSON. Timing is measured here, never asserted.
//
//   node bench/run.mjs --app <dist> --minimal <minimal dist> --out <bench.json> [--quick]
//
// Uses `@playwright/test` from tests/e2e/node_modules and the system's /usr/bin/chromium.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

function parseArgs(argv) {
  const out = { quick: false, notFirstView: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') out.quick = true;
    else if (['--app', '--minimal', '--out'].includes(a)) out[a.slice(2)] = argv[++i];
    else if (a === '--not-first-view') out.notFirstView = argv[++i].split(',').filter(Boolean);
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['app', 'minimal', 'out']) if (!out[k]) throw new Error(`--${k} is required`);
  return out;
}
const args = parseArgs(process.argv.slice(2));
const require = createRequire(join(root, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');

// ---- what runs ------------------------------------------------------------------------------
const SCALE = 10; // ms per scenario unit, in the page's URL (?scale=10)
const PLAN = args.quick
  ? { loads: 3, lanes8: [10, 100, 1000], ownLanes: [100, 1000], dragTasks: 1000 }
  : { loads: 15, lanes8: [10, 100, 1000, 10000], ownLanes: [100, 1000, 10000], dragTasks: 10000 };
const FIDELITY_N = [10, 100, 1000];
const LANES8_WAIT = 1; // units: 10 ms waits, back to back in 8 lanes
const OWN_WAIT = 100; // units: one 1 s wait per lane, all concurrent
const IDLE_CAP_MS = 10_000; // the idle window is as long as the run, at most this
const RUN_TIMEOUT_MS = 240_000;

// ---- helpers --------------------------------------------------------------------------------
const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const median = (xs) => pct(xs, 50);
const r1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10) / 10);
const r3 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 1000) / 1000);
const log = (...xs) => console.error('bench:', ...xs);

/** n waits of `duration` units over `lanes` lanes (0: one lane each); extras go to the first lanes. */
function scenario(n, lanes, duration) {
  const count = lanes > 0 ? Math.min(lanes, n) : n;
  const out = [];
  for (let l = 0; l < count; l++) {
    const k = Math.floor(n / count) + (l < n % count ? 1 : 0);
    out.push({ name: `L${l + 1}`, tasks: Array.from({ length: k }, (_, i) => ({ kind: 'wait', label: `t${l + 1}.${i + 1}`, duration })) });
  }
  return { version: 1, lanes: out };
}

// ---- a static server for the three pages ----------------------------------------------------
const mounts = { '/app/': resolve(args.app), '/minimal/': resolve(args.minimal), '/bench/': here };
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const prefix = Object.keys(mounts).find((p) => url.pathname.startsWith(p));
  if (!prefix) return res.writeHead(404).end();
  const base = mounts[prefix];
  let path = normalize(join(base, decodeURIComponent(url.pathname.slice(prefix.length))));
  if (path !== base && !path.startsWith(base + sep)) return res.writeHead(403).end();
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- 1. sizes -------------------------------------------------------------------------------
async function sizes(dir) {
  const files = [];
  for (const name of await readdir(dir)) {
    // Not first view: what xtask/src/budget.rs leaves out at the top of dist/ (the embedding
    // demo, the service worker), passed in by `cargo xtask bench`; what loads later is in the
    // parts folder, not read here.
    if (!/\.(wasm|js|css|html)$/.test(name) || args.notFirstView.some((prefix) => name.startsWith(prefix))) continue;
    const bytes = await readFile(join(dir, name));
    files.push({
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const total = (k) => files.reduce((s, f) => s + f[k], 0);
  return { files, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

// ---- the page probes (installed before any page script) -------------------------------------
function probes() {
  const b = { frames: [], longTasks: [], messages: [], readyAt: null };
  window.__bench = b;
  const loop = (t) => {
    b.frames.push(t);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  window.addEventListener('message', (e) => {
    const at = performance.now();
    if (!e.data || typeof e.data.type !== 'string') return;
    if (e.data.type === 'ready' && b.readyAt === null) b.readyAt = at;
    b.messages.push({ type: e.data.type, at, data: e.data.type === 'run-finished' ? e.data : undefined });
  });
}

/** Frame gaps, long-task time and a frame-delay estimate of busy time in [from, to]. */
function windowStats(page, from, to) {
  return page.evaluate(
    ([from, to]) => {
      const f = window.__bench.frames;
      const gaps = [];
      for (let i = 1; i < f.length; i++) if (f[i] > from && f[i - 1] < to) gaps.push(f[i] - f[i - 1]);
      let longTaskMs = 0;
      for (const [s, d] of window.__bench.longTasks) longTaskMs += Math.max(0, Math.min(s + d, to) - Math.max(s, from));
      return { gaps, longTaskMs };
    },
    [from, to],
  );
}
function frameFigures(gaps) {
  const FRAME = 1000 / 60;
  return {
    frames: gaps.length,
    p50: r1(pct(gaps, 50)),
    p99: r1(pct(gaps, 99)),
    max: r1(gaps.length ? Math.max(...gaps) : null),
    // Busy estimate: time each frame came later than a 60 Hz frame would have.
    busyEstMs: r1(gaps.reduce((s, g) => s + Math.max(0, g - FRAME), 0)),
  };
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript(probes);
const browserVersion = browser.version();

async function openPage(path) {
  const page = await context.newPage();
  await page.goto(origin + path);
  await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 60_000, polling: 50 });
  const readyAt = await page.evaluate(() => window.__bench.readyAt);
  return { page, readyAt };
}

/** Posts `command`, waits for the next run-finished, returns it with the run's window. */
async function run(page, command) {
  // The page measures each drawing of its timeline ("timeline draw"): only this run's count.
  await page.evaluate(() => performance.clearMeasures('timeline draw'));
  const before = await page.evaluate(() => window.__bench.messages.filter((m) => m.type === 'run-finished').length);
  // The press: the live drawing's first frame can come before `run-started` arrives, and it
  // draws every bar in view, so draws count from here.
  const pressed = await page.evaluate((c) => {
    const at = performance.now();
    window.postMessage(c, '*');
    return at;
  }, command);
  await page.waitForFunction((n) => window.__bench.messages.filter((m) => m.type === 'run-finished').length > n, before, { timeout: RUN_TIMEOUT_MS, polling: 250 });
  // Let the frames after the run (the results) pass before reading anything back: handing the
  // run-finished message of ten thousand tasks to this script holds the page's thread for a
  // long frame of its own, which would count against the page.
  await page.waitForTimeout(600);
  const { from, to, finished } = await page.evaluate(() => {
    const m = window.__bench.messages;
    const started = m.filter((x) => x.type === 'run-started').at(-1);
    const finished = m.filter((x) => x.type === 'run-finished').at(-1);
    return { from: started.at, to: finished.at, finished: finished.data };
  });
  const stats = await windowStats(page, from, to);
  const draws = await page.evaluate(([pressed, to]) => performance.getEntriesByName('timeline draw').filter((m) => m.startTime >= pressed && m.startTime <= to).map((m) => m.duration), [pressed, to]);
  return { finished, from, to, wallMs: to - from, draws, ...stats };
}

/** The same page left alone for `ms`. */
async function idle(page, ms) {
  const from = await page.evaluate(() => performance.now());
  await page.waitForTimeout(ms);
  const to = await page.evaluate(() => performance.now());
  return { ms: to - from, ...(await windowStats(page, from, to)) };
}

async function loadScenario(page, sc, n) {
  await page.evaluate((s) => window.postMessage({ type: 'load', scenario: s }, '*'), sc);
  // The timeline builds only the lanes near the window, so count the scenario's tasks, not
  // the elements.
  await page.waitForFunction((n) => document.querySelector('.timeline')?.dataset.taskCount === String(n), n, { timeout: RUN_TIMEOUT_MS, polling: 200 });
  await page.waitForTimeout(500);
}

/** One playground run of a scenario on a fresh page, then the page idle as long; `record: false`
 * leaves out the recording of the run's event loop (to measure what it costs). */
async function playgroundRun(n, lanes, duration, { record = true } = {}) {
  const { page } = await openPage(`/app/?scale=${SCALE}`);
  try {
    const t0 = Date.now();
    await loadScenario(page, scenario(n, lanes, duration), n).catch((e) => {
      throw new Error(`loading the scenario: ${e.message}`);
    });
    const loadMs = Date.now() - t0;
    // The timeline in view, as a learner watching the run has it: its live bars are part of
    // what each frame costs (out of view, the browser skips drawing them).
    await page.evaluate(() => document.querySelector('.timeline').scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    const heapMB = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : null));
    if (!record) await page.evaluate(() => { window.__playgroundNoRecording = true; });
    const r = await run(page, { type: 'run', mode: 'async' }).catch((e) => {
      throw new Error(`the run: ${e.message}`);
    });
    // The frame that shows the results: the longest gap from the run's end (run-started's
    // arrival plus the measured total: a little before the end, as the run starts a frame
    // after run-started) to half a second after run-finished, which comes a frame after the
    // results are drawn (`run` waited that long before reading anything back).
    const results = await windowStats(page, r.from + r.finished.total_ms, r.to + 500);
    const quiet = await idle(page, Math.min(r.wallMs, IDLE_CAP_MS));
    return { loadScenarioMs: loadMs, heapMB, resultsFrameMs: results.gaps.length ? Math.max(...results.gaps) : null, ...r, idle: quiet };
  } finally {
    await page.close();
  }
}
async function baselineRun(n, lanes, ms) {
  const { page } = await openPage(`/bench/baseline.html`);
  try {
    return await run(page, { type: 'run', n, lanes, ms });
  } finally {
    await page.close();
  }
}

async function attempt(what, f) {
  log(what);
  const t = Date.now();
  try {
    const v = await f();
    log(`  ${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return v;
  } catch (e) {
    log(`  ${what} FAILED after ${((Date.now() - t) / 1000).toFixed(1)} s: ${e.message.split('\n')[0]}`);
    return { error: e.message.split('\n')[0] };
  }
}

// ---- run everything -------------------------------------------------------------------------
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`, browser: `Chromium ${browserVersion} (headless, no GPU)`, node: process.version },
  quick: args.quick,
  plan: { ...PLAN, scale: SCALE, lanes8WaitUnits: LANES8_WAIT, ownLaneWaitUnits: OWN_WAIT },
};

result.sizes = { app: await sizes(mounts['/app/']), minimal: await sizes(mounts['/minimal/']) };

// 1. Load: alternate the two pages so drift hits both alike; one warm-up each, not counted.
{
  const times = { app: [], minimal: [] };
  for (let i = -1; i < PLAN.loads; i++) {
    for (const [k, path] of [['app', '/app/'], ['minimal', '/minimal/']]) {
      const { page, readyAt } = await openPage(path);
      await page.close();
      if (i >= 0) times[k].push(readyAt);
    }
  }
  result.load = { runs: PLAN.loads, appMs: times.app.map(r1), minimalMs: times.minimal.map(r1), appMedianMs: r1(median(times.app)), minimalMedianMs: r1(median(times.minimal)) };
  result.load.ratio = r3(result.load.appMedianMs / result.load.minimalMedianMs);
  log(`load: app ${result.load.appMedianMs} ms, minimal ${result.load.minimalMedianMs} ms`);
}

// 1b. Opening another lesson: from choosing it in the picker to its first paragraph on the page,
// measured in the page (a MutationObserver), each lesson opened for the first time in its page
// (so its file is fetched), then once more (from the page's cache).
result.lessonOpen = await attempt('opening each lesson', async () => {
  const { page } = await openPage('/app/');
  try {
    const ids = await page.evaluate(() => [...document.querySelectorAll('#lesson-picker option')].map((o) => o.value).slice(1));
    const first = [], again = [];
    // The lessons are in the folder the page names (xtask/src/parts.rs), or beside it.
    const parts = await page.evaluate(() => document.documentElement.dataset.parts ?? '');
    for (const [list, round] of [[first, 'first'], [again, 'again']]) {
      for (const id of ids) {
        const lesson = JSON.parse(await readFile(join(mounts['/app/'], parts, 'lessons', `${id}.json`), 'utf8'));
        const words = lesson.paragraphs[0].slice(0, 40);
        const ms = await page.evaluate(([id, words]) => new Promise((done) => {
          const shown = () => document.querySelector('#lesson-text p')?.textContent.startsWith(words);
          const picker = document.querySelector('#lesson-picker');
          const t0 = performance.now();
          const watch = new MutationObserver(() => {
            if (shown()) {
              watch.disconnect();
              done(performance.now() - t0);
            }
          });
          watch.observe(document.body, { subtree: true, childList: true, characterData: true });
          picker.value = id;
          picker.dispatchEvent(new Event('change', { bubbles: true }));
        }), [id, words]);
        list.push(ms);
        // Back to the default lesson, so the next one is a change too.
        await page.evaluate(() => { const p = document.querySelector('#lesson-picker'); p.value = p.options[0].value; p.dispatchEvent(new Event('change', { bubbles: true })); });
        await page.waitForFunction(() => document.querySelector('#lesson-picker').selectedIndex === 0 && !document.querySelector('.lesson-opening'));
      }
      log(`lessons opened (${round}): ${list.map((x) => Math.round(x)).join(', ')} ms`);
    }
    return { lessons: ids.length, firstMs: first.map(r1), againMs: again.map(r1), firstMaxMs: r1(Math.max(...first)), firstMedianMs: r1(median(first)), againMaxMs: r1(Math.max(...again)) };
  } finally {
    await page.close();
  }
});

// 2-4. Runs: waits in 8 lanes (fidelity, responsiveness, overhead) and one wait per lane.
function fidelity(r, duration) {
  const byLane = new Map();
  for (const t of r.finished.tasks) (byLane.get(t.lane) ?? byLane.set(t.lane, []).get(t.lane)).push(t);
  const late = [];
  for (const tasks of byLane.values()) {
    // In the order the lane ran them (plain JavaScript's tasks carry no id).
    tasks.sort((a, b) => a.start_ms - b.start_ms);
    tasks.forEach((t, k) => late.push(t.start_ms - k * duration * SCALE));
  }
  const predicted = r.finished.predicted_ms ?? null;
  return {
    tasks: r.finished.tasks.length,
    totalMs: r1(r.finished.total_ms),
    predictedMs: r1(predicted),
    ratio: predicted ? r3(r.finished.total_ms / predicted) : null,
    latenessP50: r1(pct(late, 50)),
    latenessP99: r1(pct(late, 99)),
    latenessMax: r1(Math.max(...late)),
  };
}
function summarise(r, duration) {
  if (r.error) return r;
  return {
    n: r.finished.tasks.length,
    totalMs: r1(r.finished.total_ms),
    predictedMs: r1(r.finished.predicted_ms),
    loadScenarioMs: r.loadScenarioMs,
    heapMB: r1(r.heapMB),
    resultsFrameMs: r1(r.resultsFrameMs),
    draw: r.draws.length ? { count: r.draws.length, p50: r1(pct(r.draws, 50)), p99: r1(pct(r.draws, 99)), max: r1(Math.max(...r.draws)) } : null,
    appLongestFreezeMs: r1(r.finished.longest_freeze_ms),
    longTaskMs: r1(r.longTaskMs),
    run: frameFigures(r.gaps),
    idle: { ms: r1(r.idle.ms), longTaskMs: r1(r.idle.longTaskMs), ...frameFigures(r.idle.gaps) },
    fidelity: fidelity(r, duration),
  };
}
function summariseBaseline(r, duration) {
  if (r.error) return r;
  return { totalMs: r1(r.finished.total_ms), longTaskMs: r1(r.longTaskMs), run: frameFigures(r.gaps), fidelity: fidelity(r, duration) };
}

result.lanes8 = {};
result.ownLanes = {};
result.baseline8 = {};
result.baselineOwn = {};
for (const n of PLAN.lanes8) {
  result.lanes8[n] = summarise(await attempt(`playground: ${n} waits of ${LANES8_WAIT * SCALE} ms in 8 lanes`, () => playgroundRun(n, 8, LANES8_WAIT)), LANES8_WAIT);
  result.baseline8[n] = summariseBaseline(await attempt(`plain JS: ${n} waits of ${LANES8_WAIT * SCALE} ms in 8 lanes`, () => baselineRun(n, 8, LANES8_WAIT * SCALE)), LANES8_WAIT);
}
for (const n of PLAN.ownLanes) {
  result.ownLanes[n] = summarise(await attempt(`playground: ${n} lanes of one ${OWN_WAIT * SCALE} ms wait`, () => playgroundRun(n, 0, OWN_WAIT)), OWN_WAIT);
  result.baselineOwn[n] = summariseBaseline(await attempt(`plain JS: ${n} lanes of one ${OWN_WAIT * SCALE} ms wait`, () => baselineRun(n, 0, OWN_WAIT * SCALE)), OWN_WAIT);
}

// 4b. The recording's cost: the largest run of waits in 8 lanes again, its event loop not
// recorded (runtime/recording.rs reads `window.__playgroundNoRecording`), against the recorded
// run above.
const RECORDING_N = PLAN.lanes8.at(-1);
result.unrecorded8 = summarise(await attempt(`playground, not recorded: ${RECORDING_N} waits in 8 lanes`, () => playgroundRun(RECORDING_N, 8, LANES8_WAIT, { record: false })), LANES8_WAIT);

// 5. Editor: drag a task along its lane among N tasks, one a lane (the first one long, the
// others short, so that the axis, which spans the blocking run, leaves the first wide enough to
// grab).
result.drag = await attempt(`editor: drag among ${PLAN.dragTasks} tasks`, async () => {
  const { page } = await openPage(`/app/?scale=${SCALE}`);
  try {
    const sc = scenario(PLAN.dragTasks, 0, 0.01);
    sc.lanes[0].tasks[0].duration = 600;
    await loadScenario(page, sc, PLAN.dragTasks);
    const task = page.locator('.ed-task').first();
    await task.scrollIntoViewIfNeeded();
    const box = await task.boundingBox();
    const [x, y] = [box.x + 20, box.y + box.height / 2];
    await page.mouse.move(x, y);
    const from = await page.evaluate(() => performance.now());
    await page.mouse.down();
    await page.mouse.move(x + 240, y, { steps: 60 });
    await page.mouse.move(x + 120, y, { steps: 30 });
    await page.mouse.up();
    await page.waitForTimeout(100);
    const to = await page.evaluate(() => performance.now());
    const s = await windowStats(page, from, to);
    return { tasks: PLAN.dragTasks, ms: r1(to - from), longTaskMs: r1(s.longTaskMs), ...frameFigures(s.gaps) };
  } finally {
    await page.close();
  }
});

await browser.close();
server.close();

// ---- the table ------------------------------------------------------------------------------
const fmt = (x, unit = '') => (x === null || x === undefined ? 'n/a' : `${typeof x === 'number' ? x.toLocaleString('en-US') : x}${unit}`);
const ratio = (a, b) => (a === null || a === undefined || !b ? null : r3(a / b));
const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'met' : '**missed**');
const rows = [];
const judge = (what, figure, target, ok) => rows.push(`| ${what} | ${figure} | ${target} | ${verdict(ok)} |`);
const S = result.sizes;
judge('first view, gzip -9 (app)', `${fmt(S.app.gzip)} B`, '≤ 150,000 B', S.app.gzip <= 150_000);
judge('navigation to `ready` / minimal Yew page', `${fmt(result.load.appMedianMs)} / ${fmt(result.load.minimalMedianMs)} ms = ${fmt(result.load.ratio)}`, '≤ 1.5', result.load.ratio <= 1.5);
const L = result.lessonOpen;
judge('opening another lesson: its text shown after the choice, slowest of all, first open', L.error ? `failed: ${L.error}` : `${fmt(L.firstMaxMs)} ms (median ${fmt(L.firstMedianMs)}; again ${fmt(L.againMaxMs)})`, '≤ 100 ms', L.error ? null : L.firstMaxMs <= 100);
const f1000 = result.lanes8[1000]?.fidelity;
judge('fidelity: measured / predicted total, 1,000 waits in 8 lanes', fmt(f1000?.ratio), '≤ 1.01', f1000 ? f1000.ratio <= 1.01 : null);
// Plain JavaScript's waits start late too (each timer fires a little after its time, and the
// delays add up along a lane): the target is the playground's lateness beyond that.
const b1000 = result.baseline8[1000]?.fidelity;
const extraLate = f1000 && b1000 ? r1(f1000.latenessP99 - b1000.latenessP99) : null;
judge('start lateness p99, 1,000 waits in 8 lanes, minus plain JS\'s', f1000 && b1000 ? `${fmt(f1000.latenessP99)} − ${fmt(b1000.latenessP99)} ms = ${fmt(extraLate)} ms` : 'n/a', '≤ 5 ms', extraLate === null ? null : extraLate <= 5);
for (const [name, set] of [['8 lanes', result.lanes8], ['one lane each', result.ownLanes]]) {
  const r = set[1000];
  const q = r && !r.error ? ratio(r.run.p99, r.idle.p99) : null;
  judge(`frame p99 during async run / idle p99, 1,000 waits, ${name}`, r && !r.error ? `${fmt(r.run.p99)} / ${fmt(r.idle.p99)} ms = ${fmt(q)}` : 'n/a', '≤ 1.25', q === null ? null : q <= 1.25);
}
for (const [name, set, base] of [['8 lanes', result.lanes8, result.baseline8], ['one lane each', result.ownLanes, result.baselineOwn]]) {
  const [r, b] = [set[10000], base[10000]];
  const q = r && b && !r.error && !b.error ? ratio(r.totalMs, b.totalMs) : null;
  judge(`total time / plain JS, 10,000 waits, ${name}`, q === null ? (r?.error ? `failed: ${r.error}` : 'not run') : `${fmt(r.totalMs)} / ${fmt(b.totalMs)} ms = ${fmt(q)}`, '≤ 1.5', q === null ? null : q <= 1.5);
}
const d = result.drag;
judge(`frame p99 while dragging a task among ${fmt(PLAN.dragTasks)}`, d.error ? `failed: ${d.error}` : `${fmt(d.p99)} ms`, '≤ 20 ms', d.error ? null : d.p99 <= 20);
// The drawn timeline (issue 13): the time spent drawing each frame, the frame that shows the
// results, and the JS heap, at the largest N run.
const big = result.ownLanes[10000] ?? result.ownLanes[1000];
const big8 = result.lanes8[10000] ?? result.lanes8[1000];
for (const [name, r] of [['one lane each', big], ['8 lanes', big8]]) {
  if (!r || r.error) continue;
  judge(`draw time per frame p99, ${fmt(r.n)} live bars, ${name}`, r.draw ? `${fmt(r.draw.p99)} ms (${fmt(r.draw.count)} draws)` : 'n/a', '≤ 2 ms', r.draw ? r.draw.p99 <= 2 : null);
  judge(`longest frame when the results appear, ${fmt(r.n)} tasks, ${name}`, `${fmt(r.resultsFrameMs)} ms`, '≤ 50 ms', r.resultsFrameMs === null ? null : r.resultsFrameMs <= 50);
  judge(`JS heap after loading ${fmt(r.n)} tasks, ${name}`, r.heapMB === null ? 'n/a' : `${fmt(r.heapMB)} MB`, '≤ 60 MB', r.heapMB === null ? null : r.heapMB <= 60);
}

{
  const [a, b] = [result.lanes8[RECORDING_N], result.unrecorded8];
  const ok = a && b && !a.error && !b.error;
  judge(`the recording's cost: total recorded / not recorded, ${fmt(RECORDING_N)} waits in 8 lanes`, ok ? `${fmt(a.totalMs)} / ${fmt(b.totalMs)} ms = ${fmt(ratio(a.totalMs, b.totalMs))}; start lateness p99 ${fmt(a.fidelity.latenessP99)} vs ${fmt(b.fidelity.latenessP99)} ms; frame p99 ${fmt(a.run.p99)} vs ${fmt(b.run.p99)} ms; results frame ${fmt(a.resultsFrameMs)} vs ${fmt(b.resultsFrameMs)} ms` : 'n/a', 'measured (no target)', null);
}
const out = [];
out.push(`Benchmark, ${result.date.slice(0, 10)}: ${result.machine.cpus} × ${result.machine.cpu}, ${result.machine.memGB} GB, ${result.machine.browser}${args.quick ? ' (--quick: fewer loads, smaller N; not for comparison)' : ''}`);
out.push('', '| measure | figure | target | verdict |', '|---|---|---|---|', ...rows);
out.push('', '**Load** (first-view assets; median of ' + PLAN.loads + ' loads from navigation to `ready`)', '', '| page | raw | gzip -9 | brotli 11 | to ready |', '|---|---|---|---|---|');
out.push(`| playground | ${fmt(S.app.raw)} B | ${fmt(S.app.gzip)} B | ${fmt(S.app.brotli)} B | ${fmt(result.load.appMedianMs)} ms |`);
for (const f of S.app.files) out.push(`| &nbsp;&nbsp;${f.name.replace(/-[0-9a-f]{16}/, '-…')} | ${fmt(f.raw)} B | ${fmt(f.gzip)} B | ${fmt(f.brotli)} B | |`);
out.push(`| minimal Yew | ${fmt(S.minimal.raw)} B | ${fmt(S.minimal.gzip)} B | ${fmt(S.minimal.brotli)} B | ${fmt(result.load.minimalMedianMs)} ms |`);
out.push(`| playground / minimal | ${fmt(ratio(S.app.raw, S.minimal.raw))} | ${fmt(ratio(S.app.gzip, S.minimal.gzip))} | ${fmt(ratio(S.app.brotli, S.minimal.brotli))} | ${fmt(result.load.ratio)} |`);
out.push('', `**Fidelity** (async, waits of ${LANES8_WAIT * SCALE} ms back to back in 8 lanes; lateness = measured start − predicted start)`, '', '| N | measured / predicted total | ratio | lateness p50 | p99 | max |', '|---|---|---|---|---|---|');
for (const n of FIDELITY_N) {
  const r = result.lanes8[n];
  if (!r) continue;
  if (r.error) out.push(`| ${fmt(n)} | failed: ${r.error} | | | | |`);
  else out.push(`| ${fmt(n)} | ${fmt(r.fidelity.totalMs)} / ${fmt(r.fidelity.predictedMs)} ms | ${fmt(r.fidelity.ratio)} | ${fmt(r.fidelity.latenessP50)} ms | ${fmt(r.fidelity.latenessP99)} ms | ${fmt(r.fidelity.latenessMax)} ms |`);
}
out.push('', `**Responsiveness and overhead** (frame gaps in ms during the async run, and on the same page idle as long, at most ${IDLE_CAP_MS / 1000} s; plain JS: the same waits with setTimeout and Promise.all; busy = Σ max(0, gap − 16.7 ms), an estimate from frame delays)`, '', '| run | N | total | frames p50 / p99 / max | idle p50 / p99 / max | p99 ratio | plain JS total | total ratio | busy est. | plain JS busy est. | long tasks |', '|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name, set, base] of [[`8 lanes, ${LANES8_WAIT * SCALE} ms waits`, result.lanes8, result.baseline8], [`one lane each, ${OWN_WAIT * SCALE} ms wait`, result.ownLanes, result.baselineOwn]]) {
  for (const n of Object.keys(set).map(Number)) {
    const [r, b] = [set[n], base[n]];
    if (r.error) {
      out.push(`| ${name} | ${fmt(n)} | failed: ${r.error} | | | | | | | | |`);
      continue;
    }
    const bt = b && !b.error ? b.totalMs : null;
    out.push(
      `| ${name} | ${fmt(n)} | ${fmt(r.totalMs)} ms | ${fmt(r.run.p50)} / ${fmt(r.run.p99)} / ${fmt(r.run.max)} | ${fmt(r.idle.p50)} / ${fmt(r.idle.p99)} / ${fmt(r.idle.max)} | ${fmt(ratio(r.run.p99, r.idle.p99))} | ${fmt(bt, ' ms')} | ${fmt(ratio(r.totalMs, bt))} | ${fmt(r.run.busyEstMs, ' ms')} | ${fmt(b?.run?.busyEstMs, ' ms')} | ${fmt(r.longTaskMs, ' ms')} vs ${fmt(b?.longTaskMs, ' ms')} |`,
    );
  }
}
if (!d.error) out.push('', `**Editor**: dragging the first task ${fmt(d.ms)} ms along its lane, ${fmt(d.tasks)} tasks on the timeline (one a lane): ${fmt(d.frames)} frames, gaps p50 ${fmt(d.p50)} / p99 ${fmt(d.p99)} / max ${fmt(d.max)} ms, long tasks ${fmt(d.longTaskMs)} ms.`);
result.table = out.join('\n');

await mkdir(dirname(resolve(args.out)), { recursive: true });
await writeFile(resolve(args.out), JSON.stringify(result, null, 2));
console.log(result.table);
