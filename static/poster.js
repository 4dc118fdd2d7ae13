// The click-to-load poster (`load=click`): the lesson's title, a drawing of its scenario and a
// button, shown in place of the app, which is not fetched until the button is pressed (a course
// page can then hold many embedded lessons). It reads the lesson's own file, draws each lane's
// tasks as bars, and calls `start` on the press. Plain DOM, no framework: with the page and its
// stylesheet it weighs a few kilobytes. The boot script (written by `cargo xtask build`) loads
// it only for `load=click`. It and the lessons are in one folder (the one for the files loaded
// after the first view, xtask/src/parts.rs), so it reads them relative to itself.

// The poster's styles: with it, not in the first view's stylesheet, which every page loads (the
// colours are that stylesheet's custom properties, so the poster follows the theme).
const STYLE = `
  .poster { max-width: 46rem; margin: 1.5rem auto; padding: 1.2rem 1.4rem; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); }
  .poster h1 { margin: 0 0 0.4rem; font-size: 1.4rem; }
  .poster p { margin: 0 0 0.8rem; color: var(--ink-soft); }
  .poster-drawing { display: block; width: 100%; height: auto; margin: 0 0 1rem; background: var(--track-bg); border-radius: 6px; }
  .poster-drawing text { font: 12px system-ui, sans-serif; fill: var(--ink-soft); }
  .poster-load { font-size: 1rem; padding: 0.5rem 1.1rem; border: 0; border-radius: 8px; color: var(--accent-ink); background: var(--accent); cursor: pointer; }
  .poster-load:hover { background: var(--accent-hover); }
  .poster-load:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
`;

const KINDS = { wait: 'var(--wait)', request: 'var(--request)', work: 'var(--work)', update: 'var(--update)' };
const SVG = 'http://www.w3.org/2000/svg';

/** A drawing of the scenario: a row per lane, each task a bar as long as its duration. */
function drawing(scenario) {
  const lanes = (scenario?.lanes ?? []).slice(0, 8);
  const total = Math.max(1, ...lanes.map((l) => l.tasks.reduce((s, t) => s + (Number(t.duration) || 0), 0)));
  const svg = document.createElementNS(SVG, 'svg');
  // As wide as it is drawn (up to 600 px), so its labels keep their size on a phone.
  const row = 22, label = 90, width = Math.round(Math.min(600, Math.max(280, document.documentElement.clientWidth - 64)));
  svg.setAttribute('viewBox', `0 0 ${width} ${lanes.length * row + 4}`);
  svg.setAttribute('class', 'poster-drawing');
  svg.setAttribute('aria-hidden', 'true');
  lanes.forEach((lane, i) => {
    const name = document.createElementNS(SVG, 'text');
    name.setAttribute('x', '0');
    name.setAttribute('y', String(i * row + 15));
    name.textContent = lane.name.length > 12 ? lane.name.slice(0, 11) + '…' : lane.name;
    svg.append(name);
    let at = 0;
    for (const task of lane.tasks) {
      const d = Number(task.duration) || 0;
      const bar = document.createElementNS(SVG, 'rect');
      bar.setAttribute('x', String(label + (at / total) * (width - label)));
      bar.setAttribute('y', String(i * row + 4));
      bar.setAttribute('width', String(Math.max(2, (d / total) * (width - label) - 2)));
      bar.setAttribute('height', String(row - 8));
      bar.setAttribute('rx', '3');
      bar.style.fill = KINDS[task.kind] ?? 'var(--busy)';
      svg.append(bar);
      at += d;
    }
  });
  return svg;
}

/** Shows the poster in `#app`; calls `start` once the button is pressed. */
export async function poster(start) {
  const app = document.getElementById('app');
  const query = new URLSearchParams(location.search);
  const theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  const id = /^[a-z0-9-]+$/.test(query.get('lesson') ?? '') ? query.get('lesson') : 'ticket-queue';
  let lesson = null;
  try {
    const answer = await fetch(new URL(`lessons/${id}.json`, import.meta.url));
    if (answer.ok) lesson = await answer.json();
  } catch {
    // No drawing then: the title and the button still show.
  }
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const box = document.createElement('section');
  box.className = 'poster';
  box.setAttribute('aria-label', 'Async Playground');
  const title = document.createElement('h1');
  title.textContent = lesson?.title ?? 'Async Playground';
  const about = document.createElement('p');
  about.textContent = lesson?.paragraphs?.[0] ?? 'Run tasks as real futures on the browser\u2019s event loop, or blocking, and see the difference measured.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'poster-load';
  button.textContent = 'Load the playground';
  box.append(title, about);
  if (lesson?.variants?.[0]) box.append(drawing(lesson.variants[0].scenario));
  box.append(button);
  app.replaceChildren(box);
  button.addEventListener('click', () => {
    // The page's loading line again: the boot watch says there if the app cannot start.
    const loading = document.createElement('p');
    loading.className = 'booting';
    loading.setAttribute('aria-live', 'polite');
    loading.textContent = 'Loading the playground\u2026';
    box.replaceChild(loading, button);
    start();
  }, { once: true });
}
