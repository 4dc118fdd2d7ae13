// The parent side of the playground's postMessage API (see the README): wait for `ready`,
// send `load` and `run`, show each `run-finished` in a table, and size the frame to the
// playground's content as it changes (`resize`).
const frame = document.getElementById('playground');
const status = document.getElementById('status');
const results = document.getElementById('results');
// Messages go to the playground's origin (where the frame's page comes from), which on a
// course site is usually not this page's own.
const origin = new URL(frame.src, window.location.href).origin;
const buttons = [...document.querySelectorAll('.controls button')];

const THREE_WAITS = {
  version: 1,
  lanes: [
    { name: 'A', tasks: [{ kind: 'wait', label: 'Wait 1', duration: 1 }] },
    { name: 'B', tasks: [{ kind: 'wait', label: 'Wait 2', duration: 2 }] },
    { name: 'C', tasks: [{ kind: 'wait', label: 'Wait 3', duration: 3 }] },
  ],
};

function send(message) {
  frame.contentWindow.postMessage(message, origin);
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.append(td);
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== origin || typeof event.data?.type !== 'string') return;
  const m = event.data;
  if (m.type === 'resize') frame.style.height = `${m.height}px`;
  if (m.type === 'ready') {
    status.textContent = `The playground is ready (version ${m.version}).`;
    // Commands sent before `ready` would be lost: the buttons wait for it.
    for (const b of buttons) b.disabled = false;
  }
  if (m.type === 'run-started') status.textContent = `A ${m.mode} run started.`;
  if (m.type === 'run-finished') {
    status.textContent = `The ${m.mode} run finished in ${m.total_ms} ms.`;
    const row = document.createElement('tr');
    cell(row, m.mode);
    cell(row, `${m.total_ms} ms`);
    cell(row, `${m.predicted_ms} ms`);
    cell(row, `${m.longest_freeze_ms} ms`);
    results.append(row);
  }
});

document.getElementById('load').addEventListener('click', () => send({ type: 'load', scenario: THREE_WAITS }));
document.getElementById('run-async').addEventListener('click', () => send({ type: 'run', mode: 'async' }));
document.getElementById('run-blocking').addEventListener('click', () => send({ type: 'run', mode: 'blocking' }));
document.getElementById('run-workers').addEventListener('click', () => send({ type: 'run', mode: 'workers' }));
