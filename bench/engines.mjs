// The browser side of `cargo xtask bench --engines`: every lesson's async and blocking runs,
// the ticket queue watched from outside, every way of the yielding lesson, the workers lesson's
// photos and the event-loop lesson's real order, in Chromium, Firefox and WebKit (Safari's engine),
// driven over plain W3C WebDriver (chromedriver; geckodriver with Firefox ESR, headless;
// WebKitWebDriver with WebKitGTK's MiniBrowser under Xvfb, which has no headless mode).
// Prints a Markdown table and writes the raw figures as JSON. Timing is measured here, never
// asserted.
//
//   node bench/engines.mjs --app <dist> --out <engines.json>
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, session, sleep, spawnGroup, stop } from '../tests/engines/webdriver.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`--${name} is required`);
  return process.argv[i + 1];
};
const [app, out] = [arg('app'), arg('out')];
// `--engines WebKit,Firefox`: only these (all three by default).
const wanted = process.argv.includes('--engines') ? process.argv[process.argv.indexOf('--engines') + 1].split(',') : ENGINES.map((e) => e.name);
const SCALE = 100; // ms per unit: every lesson's run takes well under a second or a few
const TURNS = 5; // runs of the event-loop lesson's click, per engine
const PHOTO_RUNS = 3; // workers runs of each of the workers lesson's scenarios, per engine
const OBSERVED_RUNS = 3; // runs of each mode of the ticket queue seen from outside, per engine
const log = (...xs) => console.error('engines:', ...xs);

// The server for the whole script; each engine's driver runs while it is measured.
const server = spawnGroup(['node', join(root, 'tests/e2e/serve.mjs'), resolve(app), '4600', '/']);
process.on('exit', () => stop(server));

async function measure(engine, url) {
  const w = await session(engine);
  const { run, until } = w;
  const open = async (query) => {
    await w.open(`${url}${query}`);
    await until("return !!document.querySelector('.mode-async button')");
    // The page posts its messages to its parent: at the top, to itself.
    await run("window.__runs = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'run-finished') window.__runs.push(e.data); });");
  };
  const runMode = async (mode) => {
    const before = await run('return window.__runs.length');
    const label = { async: 'Run async', blocking: 'Run blocking', workers: 'Run in workers' }[mode];
    await run("[...document.querySelectorAll('.mode-row button')].find((b) => b.textContent.trim() === arguments[0]).click();", [label]);
    await until(`return window.__runs.length > ${before}`, 60_000);
    return run('return window.__runs.at(-1)');
  };
  const result = { engine: engine.name, lessons: [], turns: [], photos: [], yields: [], observed: [] };
  // A run started by a real click, watched from outside the app: every animation frame's time
  // from a probe of the test's own, from the click to the end of the run's last task (its
  // user-timing measure), against what the page itself reported.
  const observe = async (mode) => {
    await run(`window.__probe = window.__probe ?? (() => { const p = { frames: [] }; const loop = () => { p.frames.push(performance.now()); requestAnimationFrame(loop); }; requestAnimationFrame(loop); addEventListener('click', () => { p.click = performance.now(); }, { capture: true }); return p; })();`);
    await sleep(300);
    const before = await run('return window.__runs.length');
    await w.click(`.mode-${mode} button.run`);
    await until(`return window.__runs.length > ${before}`, 60_000);
    await sleep(300);
    return run(`const p = window.__probe, m = window.__runs.at(-1);
      const tasks = performance.getEntriesByType('measure').filter((e) => e.name.startsWith(arguments[0] + ': '));
      const end = Math.max(...tasks.map((e) => e.startTime + e.duration));
      let gap = 0;
      for (let i = 1; i < p.frames.length; i++) if (p.frames[i] > p.click && p.frames[i - 1] < end) gap = Math.max(gap, p.frames[i] - Math.max(p.frames[i - 1], p.click));
      return { mode: arguments[0], total_ms: m.total_ms, predicted_ms: m.predicted_ms, reported_ms: m.longest_freeze_ms, observed_ms: gap };`, [mode]);
  };
  try {
    await open('?lesson=ticket-queue&scale=200');
    for (let i = 0; i < OBSERVED_RUNS; i++) {
      for (const mode of ['async', 'blocking']) result.observed.push(await observe(mode));
    }
    log(engine.name, 'observed', JSON.stringify(result.observed));
    await open(`?scale=${SCALE}`);
    const ids = await run("return [...document.querySelectorAll('#lesson-picker option')].map((o) => o.value)");
    for (const lesson of ids) {
      await open(`?lesson=${lesson}&scale=${SCALE}`);
      const row = { lesson };
      for (const mode of ['async', 'blocking']) {
        const m = await runMode(mode);
        row[mode] = { total_ms: m.total_ms, predicted_ms: m.predicted_ms, longest_freeze_ms: m.longest_freeze_ms };
      }
      result.lessons.push(row);
      log(engine.name, lesson, JSON.stringify(row));
    }
    // The yielding lesson: every way of yielding, async, at the lesson's own scale (a second a
    // unit: 1.5 s of work in 8 ms bursts beside a timer due at 0.5 s).
    await open('?lesson=yielding');
    const variants = await run("return [...document.querySelectorAll('.variants button.variant')].map((b) => b.textContent.trim())");
    for (const variant of variants) {
      await run("[...document.querySelectorAll('.variants button.variant')].find((b) => b.textContent.trim() === arguments[0]).click();", [variant]);
      const m = await runMode('async');
      const timer = m.tasks.find((t) => t.label.startsWith('A timer'));
      const work = m.tasks.find((t) => t.label === 'Crunch numbers');
      result.yields.push({ variant, total_ms: m.total_ms, predicted_ms: m.predicted_ms, longest_freeze_ms: m.longest_freeze_ms, late_frames: m.late_frames, timer_ms: timer?.end_ms, work_ms: work?.end_ms });
      log(engine.name, variant, JSON.stringify(result.yields.at(-1)));
    }
    // The workers lesson's photos, 24 MB each, copied and then transferred to their workers.
    await open(`?lesson=workers&scale=${SCALE}`);
    for (const variant of ['Two photos, copied', 'Two photos, transferred']) {
      await run("[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === arguments[0]).click();", [variant]);
      for (let i = 0; i < PHOTO_RUNS; i++) {
        const m = await runMode('workers');
        result.photos.push({ variant, ...m.workers, longest_freeze_ms: m.longest_freeze_ms });
      }
      log(engine.name, variant, JSON.stringify(result.photos.at(-1)));
    }
    // The event-loop lesson's click, by a real click (input), as a learner makes it.
    await open('?lesson=event-loop');
    await until("return !!document.querySelector('.turn-guess button.run')");
    for (let i = 0; i < TURNS; i++) {
      await w.click('.turn-guess button.run');
      await sleep(1500);
      result.turns.push(await run("return [...document.querySelectorAll('.turn-results tbody td:nth-child(4) .turn-chip')].map((e) => e.textContent)"));
    }
  } finally {
    await w.close();
  }
  return result;
}

await sleep(500);
const results = [];
for (const engine of ENGINES.filter((e) => wanted.includes(e.name))) {
  log(`${engine.name}…`);
  try {
    results.push(await measure(engine, 'http://127.0.0.1:4600/'));
  } catch (e) {
    log(`${engine.name} failed: ${e.message}`);
    results.push({ engine: engine.name, error: e.message });
  }
}
stop(server);

// ---- the report ------------------------------------------------------------------------------
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const lines = [`Every engine, ${new Date().toISOString().slice(0, 10)}, each lesson at scale=${SCALE} (measured / predicted total, longest frame gap):`, ''];
lines.push(`| lesson | ${results.map((r) => `${r.engine} async | ${r.engine} blocking`).join(' | ')} |`);
lines.push(`|---|${results.map(() => '---|---').join('|')}|`);
const ids = results.find((r) => r.lessons)?.lessons.map((l) => l.lesson) ?? [];
for (const id of ids) {
  const cells = results.map((r) => {
    const row = r.lessons?.find((l) => l.lesson === id);
    if (!row) return 'failed | failed';
    return ['async', 'blocking'].map((m) => `${ms(row[m].total_ms)} / ${ms(row[m].predicted_ms)}, gap ${ms(row[m].longest_freeze_ms)}`).join(' | ');
  });
  lines.push(`| ${id} | ${cells.join(' | ')} |`);
}
lines.push('', `The ticket queue at scale=200, runs started by a real click and watched from outside (a probe's animation frames from the click to the end of the last task), ${OBSERVED_RUNS} runs of each mode: the longest gap the probe saw (worst run), the blocking run's freeze against its predicted total, and the page's own figure against the probe's:`, '');
lines.push('| engine | async: longest gap seen | blocking: freeze seen / predicted | page / seen, async | page / seen, blocking |', '|---|---|---|---|---|');
const pct = (x) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`;
for (const r of results) {
  const of = (mode) => (r.observed ?? []).filter((o) => o.mode === mode);
  if (!of('async').length) {
    lines.push(`| ${r.engine} | failed | | | |`);
    continue;
  }
  const worst = (mode, f) => of(mode).map(f).sort((a, b) => Math.abs(b) - Math.abs(a))[0];
  const cells = [
    ms(Math.max(...of('async').map((o) => o.observed_ms))),
    of('blocking').map((o) => `${ms(o.observed_ms)} / ${ms(o.predicted_ms)}`).join(', ') + ` (worst ${pct(worst('blocking', (o) => o.observed_ms / o.predicted_ms - 1))})`,
    ...['async', 'blocking'].map((mode) => {
      const o = of(mode).sort((a, b) => Math.abs(b.reported_ms - b.observed_ms) - Math.abs(a.reported_ms - a.observed_ms))[0];
      return `worst ${o.reported_ms - o.observed_ms >= 0 ? '+' : ''}${(o.reported_ms - o.observed_ms).toFixed(1)} ms (${pct(o.reported_ms / o.observed_ms - 1)})`;
    }),
  ];
  lines.push(`| ${r.engine} | ${cells.join(' | ')} |`);
}
lines.push('', 'The event-loop lesson, a real click: where the animation frame fell among the timer and the message, run by run:', '');
for (const r of results) {
  const where = (r.turns ?? []).map((t) => {
    const f = t.indexOf('frame callback');
    return f < 0 ? 'never' : f === 6 ? 'first' : f === 8 ? 'last' : 'between';
  });
  lines.push(`- ${r.engine}: ${r.error ? `failed (${r.error})` : where.join(', ')}`);
}
lines.push('', 'The yielding lesson, each way async (1.5 s of work in 8 ms bursts beside a timer due at 0.5 s): total, when the timer fired, longest frame gap, frame gaps over 50 ms:', '');
lines.push(`| way | ${results.map((r) => r.engine).join(' | ')} |`, `|---|${results.map(() => '---').join('|')}|`);
for (const variant of results.find((r) => r.yields?.length)?.yields.map((y) => y.variant) ?? []) {
  const cells = results.map((r) => {
    const y = r.yields?.find((x) => x.variant === variant);
    if (!y) return 'failed';
    return `${ms(y.total_ms)}, timer ${ms(y.timer_ms)}, gap ${ms(y.longest_freeze_ms)}, ${y.late_frames} late`;
  });
  lines.push(`| ${variant} | ${cells.join(' | ')} |`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
lines.push('', `The workers lesson's photos (24 MB each way), workers runs, medians of ${PHOTO_RUNS}: a job's trip to its worker, the time postMessage held the page, a result's trip back:`, '');
lines.push('| engine | copied: to worker / postMessage / back | transferred: to worker / postMessage / back |', '|---|---|---|');
for (const r of results) {
  const cell = (variant) => {
    const runs = (r.photos ?? []).filter((p) => p.variant === variant);
    if (!runs.length) return 'failed';
    return ['send_ms', 'post_ms', 'reply_ms'].map((k) => `${median(runs.map((p) => p[k])).toFixed(1)} ms`).join(' / ');
  };
  lines.push(`| ${r.engine} | ${cell('Two photos, copied')} | ${cell('Two photos, transferred')} |`);
}
console.log(lines.join('\n'));
await mkdir(dirname(out), { recursive: true });
await writeFile(out, JSON.stringify(results, null, 2));
process.exit(0);
