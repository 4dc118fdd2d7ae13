// A small W3C WebDriver client for the engines Playwright cannot drive here: Firefox ESR through
// geckodriver (headless) and WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb (it has
// no headless mode); Chromium through chromedriver for comparison. Used by the journeys in
// Firefox and WebKit (`journeys.mjs`, run by `cargo xtask test`) and by the benchmark of every
// engine (`bench/engines.mjs`). The tools are installed by `cargo xtask setup --browser`.
import { spawn } from 'node:child_process';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const ENGINES = [
  {
    name: 'Chromium',
    port: 4601,
    cmd: ['/usr/bin/chromedriver', '--port=4601'],
    caps: { browserName: 'chrome', 'goog:chromeOptions': { binary: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--window-size=1280,900'] } },
  },
  {
    name: 'Firefox',
    port: 4602,
    cmd: [process.env.GECKODRIVER ?? 'geckodriver', '--port', '4602'],
    caps: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless', '--width=1280', '--height=900'] } },
  },
  {
    name: 'WebKit',
    port: 4603,
    cmd: ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24', '/usr/bin/WebKitWebDriver', '--port=4603'],
    caps: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } },
  },
];

/** Starts `cmd` in a process group of its own, so that `stop` ends it with its children. */
export const spawnGroup = (cmd) => spawn(cmd[0], cmd.slice(1), { stdio: 'ignore', detached: true });
export const stop = (child) => {
  try {
    process.kill(-child.pid);
  } catch {}
};

/** How WebDriver names an element in what it sends and takes (W3C WebDriver, "web element identifier"). */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** The WebDriver keys the journeys press. */
export const KEY = { enter: '\uE007', tab: '\uE004', control: '\uE009', shift: '\uE008', right: '\uE014', left: '\uE012', up: '\uE013', down: '\uE015', del: '\uE017', home: '\uE011', end: '\uE010' };

/** Starts `engine`'s driver and a session in it; `close` ends both. */
export async function session(engine) {
  const driverProcess = spawnGroup(engine.cmd);
  const base = `http://127.0.0.1:${engine.port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const j = await r.json();
    if (j.value?.error) throw new Error(`${method} ${path.replace(/\/session\/[^/]+/, '')}: ${j.value.message?.split('\n')[0]}`);
    return j.value;
  };
  let up = false;
  for (let i = 0; i < 150 && !up; i++) {
    up = await call('GET', '/status').then(() => true, () => false);
    if (!up) await sleep(100);
  }
  if (!up) {
    stop(driverProcess);
    throw new Error(`no WebDriver for ${engine.name} on port ${engine.port}`);
  }
  const { sessionId: id } = await call('POST', '/session', { capabilities: { alwaysMatch: engine.caps } });
  const s = (path) => `/session/${id}${path}`;
  const run = (script, args = []) => call('POST', s('/execute/sync'), { script, args });
  const element = async (css) => (await call('POST', s('/element'), { using: 'css selector', value: css }))[ELEMENT];
  // Centred first, so no sticky part of the page is over it; then WebDriver's own click.
  const clickElement = async (found) => {
    await run('arguments[0].scrollIntoView({ block: "center" })', [found]);
    await call('POST', s(`/element/${found[ELEMENT]}/click`), {});
  };
  const w = {
    engine: engine.name,
    call,
    /** This session's path for `path` (`/url` becomes `/session/<id>/url`). */
    sessionPath: s,
    /** Runs `script` (a function body) in the page and returns what it returns. */
    run,
    /** Waits until `script` returns something truthy, and returns it. */
    async until(script, ms = 20_000, args = []) {
      let last;
      for (const t0 = Date.now(); Date.now() - t0 < ms; await sleep(50)) {
        last = await run(script, args);
        if (last) return last;
      }
      throw new Error(`timed out after ${ms} ms waiting for: ${script}`);
    },
    async open(url) {
      await call('POST', s('/url'), { url });
    },
    /** A real click (WebDriver's: scrolled into view, then pointer input) on the first match. */
    async click(css) {
      await clickElement({ [ELEMENT]: await element(css) });
    },
    /** A real click on the element `script` returns (a function body run in the page). */
    async clickFound(script, args = []) {
      const found = await run(script, args);
      if (!found) throw new Error(`nothing to click: ${script}`);
      await clickElement(found);
    },
    /** A real click on the first `css` match whose text is `text`. */
    async clickText(css, text) {
      await w.clickFound('return [...document.querySelectorAll(arguments[0])].find((e) => e.textContent.trim() === arguments[1])', [css, text]);
    },
    /** Presses `keys` in order (each a KEY or a character), holding modifiers that come first in a chord: `press([KEY.control, 'z'])`. */
    async press(chord) {
      const downs = chord.map((value) => ({ type: 'keyDown', value }));
      const ups = [...chord].reverse().map((value) => ({ type: 'keyUp', value }));
      await call('POST', s('/actions'), { actions: [{ type: 'key', id: 'keys', actions: [...downs, ...ups] }] });
      await call('DELETE', s('/actions')).catch(() => {});
    },
    /** Drags with the mouse from the centre of the first match of `css` by (`dx`, `dy`) CSS px, in `steps` moves. */
    async drag(css, dx, dy, steps = 10) {
      const el = await element(css);
      await run('arguments[0].scrollIntoView({ block: "center" })', [{ [ELEMENT]: el }]);
      const moves = Array.from({ length: steps }, (_, i) => ({ type: 'pointerMove', duration: 16, origin: 'pointer', x: Math.round(dx / steps), y: Math.round(dy / steps) }));
      await call('POST', s('/actions'), {
        actions: [{
          type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', duration: 0, origin: { [ELEMENT]: el }, x: 0, y: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pause', duration: 50 },
            ...moves,
            { type: 'pointerUp', button: 0 },
          ],
        }],
      });
      await call('DELETE', s('/actions')).catch(() => {});
    },
    async close() {
      await call('DELETE', s('')).catch(() => {});
      stop(driverProcess);
    },
  };
  await call('POST', s('/window/rect'), { width: 1280, height: 900 }).catch(() => {});
  return w;
}
