// The benchmark's hand-written JavaScript baseline (`cargo xtask bench`, bench/run.mjs).
// It speaks the playground's message protocol, so the bench drives both the same way:
//   post {type: "run", n, lanes, ms} to this window: n waits of ms milliseconds, spread over
//   `lanes` lanes (0: one lane per wait) as the playground spreads them; each lane awaits its
//   waits one after another, and Promise.all joins the lanes.
// It posts {type: "ready"} once loaded, then {type: "run-started"} and
// {type: "run-finished", total_ms, tasks: [{lane, start_ms, end_ms}]} around each run.
'use strict';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function run({ n, lanes, ms }) {
  const laneCount = lanes > 0 ? Math.min(lanes, n) : n;
  const perLane = Array.from({ length: laneCount }, (_, i) =>
    Math.floor(n / laneCount) + (i < n % laneCount ? 1 : 0),
  );
  const tasks = [];
  window.postMessage({ type: 'run-started' }, '*');
  const t0 = performance.now();
  await Promise.all(
    perLane.map(async (count, lane) => {
      for (let k = 0; k < count; k++) {
        const start = performance.now() - t0;
        await sleep(ms);
        tasks.push({ lane, start_ms: start, end_ms: performance.now() - t0 });
      }
    }),
  );
  const total = performance.now() - t0;
  document.getElementById('out').textContent = `${n} waits in ${laneCount} lanes: ${total.toFixed(1)} ms`;
  window.postMessage({ type: 'run-finished', total_ms: total, tasks }, '*');
}

window.addEventListener('message', (e) => {
  if (e.source === window && e.data && e.data.type === 'run') run(e.data);
});
window.postMessage({ type: 'ready' }, '*');
