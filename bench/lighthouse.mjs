// The browser side of `cargo xtask bench --lighthouse`: Lighthouse's performance category, as
// PageSpeed Insights scores a phone (Lighthouse's default mobile preset: a Moto G Power's
// screen, simulated slow 4G and 4× CPU slowdown), over the release bundle served gzipped as
// static hosts serve it, and over the minimal Yew page for comparison. Each page is measured
// --runs times (3 by default) in a fresh headless Chromium each time, the pages alternating;
// it prints a Markdown table of the medians (the spread over the runs beside them), the score
// beside its target, and what Lighthouse says explains it (the median run's LCP element,
// main-thread breakdown, script costs, unused JavaScript, render-blocking requests, savings).
// Timing is measured here, never asserted.
//
//   node bench/lighthouse.mjs --app <dist> [--minimal <minimal dist>] [--out <json>] [--runs N]
//
// Uses `lighthouse` from bench/node_modules (bench/package.json, pinned; `cargo xtask bench
// --lighthouse` installs it with npm ci) and the system's Chromium (/usr/bin/chromium, or
// CHROME_PATH); nothing is downloaded. With --out it writes the raw figures as JSON there,
// and each page's median run as Lighthouse's own HTML report beside it (for --out
// lighthouse.json: lighthouse-app.report.html and lighthouse-minimal.report.html).
import { createServer } from 'node:http';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import * as chromeLauncher from 'chrome-launcher';
import { TYPES } from '../tests/e2e/mime.mjs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox'];
const TARGET_SCORE = 0.98;
const log = (...xs) => console.error('lighthouse:', ...xs);

function parseArgs(argv) {
  const out = { runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (['--app', '--minimal', '--out', '--runs'].includes(a) && argv[i + 1]) out[a.slice(2)] = argv[++i];
    else throw new Error(`unknown option or missing value: ${a}`);
  }
  if (!out.app) throw new Error('--app is required');
  out.runs = Number(out.runs);
  if (!Number.isInteger(out.runs) || out.runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  return out;
}
const args = parseArgs(process.argv.slice(2));

// ---- the server: a folder over HTTP, gzipped as static hosts serve it ----------------------
const GZIPPED = new Set(['.wasm', '.js', '.css', '.html', '.json', '.svg']);

/** The Content-Security-Policy the page carries in its meta tag, if any, to send as a header too. */
async function pagePolicy(folder) {
  const html = await readFile(join(folder, 'index.html'), 'utf8');
  return html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? null;
}

/** Serves `folder` on 127.0.0.1 at a free port; resolves to the server and its origin. */
async function serve(folder) {
  const root = resolve(folder);
  const policy = await pagePolicy(root);
  const gzipped = new Map(); // path → gzip -9 body, made once
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (path !== root && !path.startsWith(root + sep)) return res.writeHead(403).end();
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      let body = await readFile(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
      if (policy && type.startsWith('text/html')) headers['content-security-policy'] = policy;
      if (GZIPPED.has(extname(path)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gzipped.has(path)) gzipped.set(path, gzipSync(body, { level: 9 }));
        body = gzipped.get(path);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// ---- one Lighthouse run ---------------------------------------------------------------------
const METRICS = [
  ['score', null, 'performance score'],
  ['fcp', 'first-contentful-paint', 'First Contentful Paint'],
  ['lcp', 'largest-contentful-paint', 'Largest Contentful Paint'],
  ['tbt', 'total-blocking-time', 'Total Blocking Time'],
  ['cls', 'cumulative-layout-shift', 'Cumulative Layout Shift'],
  ['si', 'speed-index', 'Speed Index'],
  ['tti', 'interactive', 'Time to Interactive'],
  ['bytes', 'total-byte-weight', 'total byte weight (transferred)'],
  ['mainThread', 'mainthread-work-breakdown', 'main-thread work'],
];

/** Lighthouse in a fresh Chromium: performance only, the default (mobile, simulated) settings. */
async function runLighthouse(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const figures = {};
    for (const [key, audit] of METRICS) {
      figures[key] = audit ? lhr.audits[audit]?.numericValue ?? null : lhr.categories.performance.score;
    }
    // Which element was the largest paint can change from run to run; kept with each run, with
    // the paints as this machine made them (unthrottled), which the simulation starts from.
    figures.lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector ?? null;
    const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
    figures.observedFcp = observed.observedFirstContentfulPaint ?? null;
    figures.observedLcp = observed.observedLargestContentfulPaint ?? null;
    // When, in that unthrottled load, each wasm file had arrived (ms from navigation). The
    // simulation's slow estimate of a paint counts every request that ended before the paint
    // was observed: a wasm that arrived first (on loopback it can) is counted into LCP.
    // (Lighthouse times the requests from the navigation, as it does the observed paints.)
    // Only the first view's wasm, whose name trunk hashes: the runner's (`runner_bg.wasm`),
    // fetched once the first view is drawn, is not the one that can beat the paint.
    const requests = lhr.audits['network-requests']?.details?.items ?? [];
    const firstView = (r) => /-[0-9a-f]+_bg\.wasm$/.test(new URL(r.url).pathname);
    const wasmEnds = requests.filter((r) => firstView(r) && r.networkEndTime != null).map((r) => r.networkEndTime);
    figures.wasmEndMs = wasmEnds.length ? Math.round(Math.max(...wasmEnds)) : null;
    return { lhr, html: result.report, figures };
  } finally {
    await chrome.kill();
  }
}

/** What Lighthouse says about a run: the figures behind its score, trimmed to the useful rows. */
function diagnostics(lhr) {
  const items = (id) => lhr.audits[id]?.details?.items ?? [];
  const ms = (x) => Math.round(x ?? 0);
  const lcpTables = items('largest-contentful-paint-element');
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs > 0 || a.details.overallSavingsBytes > 0))
    .map((a) => ({ id: a.id, title: a.title, savingsMs: ms(a.details.overallSavingsMs), savingsBytes: a.details.overallSavingsBytes ?? 0 }))
    .sort((a, b) => b.savingsMs - a.savingsMs || b.savingsBytes - a.savingsBytes);
  const lcpNode = lcpTables[0]?.items?.[0]?.node;
  return {
    lcpElement: lcpNode ? `${lcpNode.selector} ("${lcpNode.nodeLabel}")` : null,
    lcpPhases: (lcpTables[1]?.items ?? []).map((p) => ({ phase: p.phase, ms: ms(p.timing) })),
    mainThread: items('mainthread-work-breakdown').map((i) => ({ group: i.groupLabel, ms: ms(i.duration) })),
    scripts: items('bootup-time').map((i) => ({ url: i.url, totalMs: ms(i.total), scriptingMs: ms(i.scripting), parseCompileMs: ms(i.scriptParseCompile) })),
    unusedJavaScript: items('unused-javascript').map((i) => ({ url: i.url, totalBytes: i.totalBytes, wastedBytes: i.wastedBytes })),
    renderBlocking: items('render-blocking-resources').map((i) => ({ url: i.url, wastedMs: ms(i.wastedMs) })),
    longTasks: items('long-tasks').map((i) => ({ url: i.url, startMs: ms(i.startTime), ms: ms(i.duration) })),
    layoutShifts: items('layout-shifts').map((i) => ({ element: i.node?.selector ?? null, score: i.score })),
    requests: items('network-requests').map((i) => ({
      url: i.url,
      transferSize: i.transferSize,
      resourceSize: i.resourceSize,
      priority: i.priority,
      startMs: ms(i.networkRequestTime),
      endMs: ms(i.networkEndTime),
    })),
    criticalChain: lhr.audits['critical-request-chains']?.details?.longestChain ?? null,
    opportunities,
    warnings: lhr.runWarnings,
  };
}

// ---- figures --------------------------------------------------------------------------------
const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (runs) => {
  const out = {};
  for (const [key] of METRICS) {
    const xs = runs.map((r) => r[key]).filter((x) => x !== null);
    out[key] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
  }
  return out;
};
const seconds = (x) => `${(x / 1000).toFixed(2)} s`;
const format = {
  score: (x) => x.toFixed(2),
  cls: (x) => x.toFixed(3),
  bytes: (x) => `${Math.round(x).toLocaleString('en-US')} B`,
  tbt: (x) => `${Math.round(x)} ms`,
};
const show = (key, { median: m, min, max }) => {
  if (m === null) return '–';
  const f = format[key] ?? seconds;
  return min === max ? f(m) : `${f(m)} (${f(min)}–${f(max)})`;
};

// ---- the measurement ------------------------------------------------------------------------
// Simulated throttling scales what this machine did, so other work on it shows in the figures.
const loadBefore = os.loadavg()[0];
const pages = [{ name: 'app', folder: args.app, path: '/?lesson=ticket-queue' }];
if (args.minimal) pages.push({ name: 'minimal', folder: args.minimal, path: '/' });
for (const page of pages) {
  const { server, origin } = await serve(page.folder);
  Object.assign(page, { server, url: origin + page.path, runs: [], lhrs: [], htmls: [] });
  log(`serving ${resolve(page.folder)} at ${origin}/ (gzip -9)`);
}

for (let run = 1; run <= args.runs; run++) {
  for (const page of pages) {
    log(`run ${run}/${args.runs}: ${page.url}`);
    const { lhr, html, figures } = await runLighthouse(page.url);
    page.runs.push(figures);
    page.lhrs.push(lhr);
    page.htmls.push(html);
    log(`  score ${figures.score}, LCP ${seconds(figures.lcp)} (${figures.lcpElement}), TBT ${Math.round(figures.tbt)} ms, TTI ${seconds(figures.tti)}; observed: largest paint at ${figures.observedLcp} ms, wasm arrived at ${figures.wasmEndMs ?? '–'} ms`);
  }
}
for (const page of pages) page.server.close();

for (const page of pages) {
  page.summary = summary(page.runs);
  const medianRun = computeMedianRun(page.lhrs);
  page.medianRun = page.lhrs.indexOf(medianRun);
  page.diagnostics = diagnostics(medianRun);
}
const first = pages[0].lhrs[0];
const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(' built on')[0].trim();
// How much each metric counts in the score (Lighthouse 10 on: TTI and main-thread work do not).
const weights = Object.fromEntries(first.categories.performance.auditRefs.map((r) => [r.id, r.weight]));
const settings = first.configSettings;
const cpus = os.cpus();

// ---- the report -----------------------------------------------------------------------------
const lines = [];
lines.push(
  `Lighthouse ${first.lighthouseVersion}, ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim()}, ` +
    `${chromium} (headless); ${settings.formFactor}, ${settings.throttlingMethod} throttling ` +
    `(RTT ${settings.throttling.rttMs} ms, ${Math.round(settings.throttling.throughputKbps)} kbit/s, CPU ×${settings.throttling.cpuSlowdownMultiplier}); ` +
    `served with gzip -9; median of ${args.runs} run${args.runs > 1 ? 's' : ''} (lowest–highest); ` +
    `benchmark index ${Math.round(median(pages[0].lhrs.map((l) => l.environment.benchmarkIndex)))}; ` +
    `load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`,
  '',
  `| measure | ${pages.map((p) => `${p.name} (${p.path})`).join(' | ')} | weight in score | target |`,
  `|---|${pages.map(() => '---|').join('')}---|---|`,
);
for (const [key, audit, label] of METRICS) {
  const weight = audit ? `${weights[audit] ?? 0} %` : '';
  const target = key === 'score' ? `≥ ${TARGET_SCORE} (app: ${pages[0].summary.score.median >= TARGET_SCORE ? 'met' : '**missed**'})` : '';
  lines.push(`| ${label} | ${pages.map((p) => show(key, p.summary[key])).join(' | ')} | ${weight} | ${target} |`);
}
for (const page of pages) {
  const d = page.diagnostics;
  const origin = new URL(page.url).origin;
  const short = (url) => url.replace(origin, '');
  const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
  lines.push('', `Diagnostics, ${page.name}, median run (run ${page.medianRun + 1}):`);
  lines.push(`- LCP element: ${d.lcpElement ?? '–'}${d.lcpPhases.length ? `; ${d.lcpPhases.map((p) => `${p.phase} ${p.ms} ms`).join(', ')}` : ''}`);
  lines.push(`- main-thread work: ${d.mainThread.map((g) => `${g.group} ${g.ms} ms`).join(', ')}`);
  lines.push(`- long tasks (simulated): ${d.longTasks.map((t) => `${short(t.url)} ${t.ms} ms at ${t.startMs} ms`).join('; ') || 'none'}`);
  lines.push(`- layout shifts: ${d.layoutShifts.map((l) => `${l.element ?? '?'} ${l.score.toFixed(3)}`).join('; ') || 'none'}`);
  if (d.scripts.length) lines.push(`- script costs: ${d.scripts.map((s) => `${short(s.url)} ${s.totalMs} ms (scripting ${s.scriptingMs}, parse/compile ${s.parseCompileMs})`).join('; ')}`);
  lines.push(`- unused JavaScript: ${d.unusedJavaScript.map((u) => `${short(u.url)} ${kb(u.wastedBytes)} of ${kb(u.totalBytes)}`).join('; ') || 'none flagged'}`);
  lines.push(`- render-blocking: ${d.renderBlocking.map((r) => `${short(r.url)} (${r.wastedMs} ms)`).join('; ') || 'none'}`);
  if (d.criticalChain) lines.push(`- longest critical request chain: ${d.criticalChain.length} requests, ${kb(d.criticalChain.transferSize)}, ${Math.round(d.criticalChain.duration)} ms (observed, unthrottled)`);
  lines.push(`- requests (transferred / decoded): ${d.requests.map((r) => `${short(r.url)} ${kb(r.transferSize)} / ${kb(r.resourceSize)}`).join('; ')}`);
  if (d.opportunities.length) lines.push(`- opportunities: ${d.opportunities.map((o) => `${o.title} (${o.savingsMs} ms${o.savingsBytes ? `, ${kb(o.savingsBytes)}` : ''})`).join('; ')}`);
  for (const w of d.warnings) lines.push(`- warning: ${w}`);
}
console.log(lines.join('\n'));

if (args.out) {
  await mkdir(dirname(resolve(args.out)), { recursive: true });
  const stem = resolve(args.out).replace(/\.json$/, '');
  const raw = {
    date: new Date().toISOString(),
    machine: { cpus: cpus.length, model: cpus[0]?.model.trim(), memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: [loadBefore, os.loadavg()[0]] },
    chromium,
    lighthouse: first.lighthouseVersion,
    settings: { formFactor: settings.formFactor, throttlingMethod: settings.throttlingMethod, throttling: settings.throttling, screenEmulation: settings.screenEmulation },
    served: 'HTTP on 127.0.0.1, gzip -9 for .wasm .js .css .html .json .svg, the page\'s Content-Security-Policy as a header',
    target: { score: TARGET_SCORE },
    runs: args.runs,
    pages: pages.map((p) => ({
      name: p.name,
      folder: resolve(p.folder),
      path: p.path,
      runs: p.runs,
      benchmarkIndex: p.lhrs.map((l) => l.environment.benchmarkIndex),
      summary: p.summary,
      medianRun: p.medianRun,
      diagnostics: p.diagnostics,
    })),
  };
  await writeFile(args.out, JSON.stringify(raw, null, 2) + '\n');
  for (const p of pages) await writeFile(`${stem}-${p.name}.report.html`, p.htmls[p.medianRun]);
  log(`raw figures in ${args.out}; the median runs' reports in ${stem}-*.report.html`);
}
