// Page object for the playground: finds controls by their accessible names (a stable
// contract) and records, with the test's own probes, what a run did to the page.
import { expect, type Page } from '@playwright/test';

export type Mode = 'blocking' | 'async' | 'workers';

export interface TaskTimes {
  id: number;
  label: string;
  kind: string;
  lane: number;
  start_ms: number;
  end_ms: number;
  outcome: 'done' | 'failed' | 'cancelled';
  /** The worker it ran on (workers mode, work tasks only). */
  worker?: number;
}

export interface RunFinished {
  type: 'run-finished';
  mode: Mode;
  total_ms: number;
  predicted_ms: number;
  longest_freeze_ms: number;
  late_frames: number;
  long_tasks: number;
  worst_input_delay_ms: number | null;
  tasks: TaskTimes[];
  /** Only when the scenario has update tasks. */
  counter?: number;
  /** Only in workers mode. */
  workers?: {
    size: number;
    startup_ms: number;
    send_ms: number | null;
    post_ms: number;
    reply_ms: number;
    data_mb: number;
    send: 'copy' | 'transfer' | null;
  };
}

/** What the test itself measured during one run, independent of the app's own meter. */
export interface Observed {
  message: RunFinished;
  /** Gaps between animation frames that overlap the run, in ms. */
  gaps: number[];
  /** Long tasks (PerformanceObserver) that overlap the run. */
  longTasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    __e2e: {
      frames: number[];
      longTasks: { start: number; duration: number }[];
      messages: Array<Record<string, unknown> & { type: string; received_at: number }>;
      /** Content-Security-Policy violations the page reported (`securitypolicyviolation`). */
      cspViolations: { directive: string; blocked: string; sample: string }[];
    };
  }
}

/** Installed before the app loads: a rAF loop, a long-task observer, a message log and a
 * log of Content-Security-Policy violations. */
function installProbes() {
  const probe: Window['__e2e'] = { frames: [], longTasks: [], messages: [], cspViolations: [] };
  window.__e2e = probe;
  // performance.now(), not the frame's own timestamp: Chrome stamps a frame with when it
  // was due, which behind a busy thread falls inside the freeze and shortens the gap.
  const loop = () => {
    probe.frames.push(performance.now());
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('message', (e) => {
    if (e.data && typeof e.data.type === 'string') probe.messages.push({ ...e.data, received_at: performance.now() });
  });
  window.addEventListener('securitypolicyviolation', (e) => {
    probe.cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
  });
}

/** The app's own way of writing a duration (core::format::duration). */
export function formatDuration(ms: number): string {
  return Math.abs(ms) < 999.5 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export class Playground {
  constructor(readonly page: Page) {}

  /** Opens the playground with a query string such as `?scale=100`, once it is ready. */
  static async open(page: Page, query = ''): Promise<Playground> {
    await page.addInitScript(installProbes);
    await page.goto('./' + query);
    await page.waitForFunction(() => window.__e2e.messages.some((m) => m.type === 'ready'));
    return new Playground(page);
  }

  runButton(mode: Mode) {
    return this.page.getByRole('button', { name: mode === 'workers' ? 'Run in workers' : `Run ${mode}` });
  }

  status() {
    return this.page.getByRole('status');
  }

  /** A mode's row in the run strip: its button, prediction and measured figures. */
  card(mode: Mode) {
    return this.page.locator(`.mode-${mode}`);
  }

  /** The one timeline, where tasks are planned and a run is drawn (named "Timeline"). */
  timeline() {
    return this.page.getByRole('region', { name: /^Timeline/ });
  }

  /** The pulse, a landmark named "Is the page alive?". */
  pulse() {
    return this.page.getByRole('region', { name: /^Is the page alive/ });
  }

  /** The scenario's editor under the stage (named "Scenario"): it comes once the first view is
   *  drawn and the rest of the page's wasm has arrived, as all that stands below the stage. */
  editor() {
    return this.page.getByRole('region', { name: 'Scenario', exact: true });
  }

  /** A task in the editor, by its label (its accessible name starts with it). */
  task(label: string) {
    return this.page.getByRole('button', { name: new RegExp(`^${label}: `) });
  }

  editNote() {
    return this.page.locator('.edit-note');
  }

  /** Opens "Tasks as a table" under the timeline (the tasks around the selected one) and reads
   * its rows: each task's label and the data its row carries. */
  async tasksTable(): Promise<{ id: number; label: string; predictedEnd: number; predictedOutcome: string; measuredOutcome: string | null; cells: string[] }[]> {
    const details = this.timeline().locator('details.tl-tasks');
    if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator('summary').click();
    const rows = details.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    return rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        id: Number(tr.getAttribute('data-task')),
        label: tr.querySelector('th')!.textContent!,
        predictedEnd: Number(tr.getAttribute('data-predicted-end-ms')),
        predictedOutcome: tr.getAttribute('data-predicted-outcome')!,
        measuredOutcome: tr.getAttribute('data-measured-outcome'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!),
      })),
    );
  }

  /** How many pixels of the timeline's canvas `canvas` (`tl-paint`, what the shown mode did, or
   * `tl-live`, a run as it goes) are painted in each lane row's band: `measured` (the run's
   * bars) or `ghost` (the prediction). The canvas covers the rows in view; its transform says
   * where it starts. */
  async painted(band: 'measured' | 'ghost', canvas = 'tl-paint'): Promise<number[]> {
    return this.timeline()
      .locator(`canvas.${canvas}`)
      .evaluate((c: HTMLCanvasElement, band) => {
        const ctx = c.getContext('2d')!;
        const ratio = c.width / c.getBoundingClientRect().width;
        const shift = new DOMMatrix(getComputedStyle(c).transform).m42;
        const rows = c.closest('.tl-rows') as HTMLElement;
        const rowPx = Number(rows.dataset.rowPx);
        return [...rows.querySelectorAll<HTMLElement>('.tl-lane')].map((lane) => {
          const track = lane.querySelector<HTMLElement>('.tl-track')!;
          // The ghost in the top half of the track, the measured bar in the bottom half.
          const half = track.offsetHeight / 2;
          // The track is positioned: its offset is from the rows already.
          const top = track.offsetTop + (band === 'ghost' ? 0 : half) - shift;
          if (top < 0 || (top + half) * ratio > c.height || lane.offsetHeight !== rowPx) return 0;
          const data = ctx.getImageData(0, Math.round(top * ratio), c.width, Math.round(half * ratio)).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
          return n;
        });
      }, band);
  }

  /** The timeline's lanes area, with the size of one unit and one lane row in pixels. */
  async lanesBox() {
    const lanes = this.page.locator('.tl-rows');
    await lanes.scrollIntoViewIfNeeded();
    const box = (await lanes.boundingBox())!;
    const axis = Number(await lanes.getAttribute('data-axis-units'));
    const row = Number(await lanes.getAttribute('data-row-px'));
    return { ...box, unit: box.width / axis, row };
  }

  /** Presses Tab (or Shift+Tab) until the element with this accessible name (or text) has the focus. */
  async tabTo(name: string | RegExp, { backwards = false } = {}) {
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      const focused = await this.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
      });
      if (typeof name === 'string' ? focused === name : name.test(focused)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  }

  /** Checks that the page has broken no rule of its Content-Security-Policy so far. */
  async expectNoCspViolations() {
    expect(await this.page.evaluate(() => window.__e2e.cspViolations)).toEqual([]);
  }

  async messages(type: string) {
    return this.page.evaluate((t) => window.__e2e.messages.filter((m) => m.type === t), type);
  }

  /** Waits for the next `run-finished` after `trigger`, and reads what the probes saw. */
  async runWith(trigger: () => Promise<void>): Promise<Observed> {
    const before = (await this.messages('run-finished')).length;
    await trigger();
    await this.page.waitForFunction(
      (n) => window.__e2e.messages.filter((m) => m.type === 'run-finished').length > n,
      before,
      { timeout: 45_000 },
    );
    return this.page.evaluate(() => {
      const probe = window.__e2e;
      const started = probe.messages.filter((m) => m.type === 'run-started').at(-1)!;
      const finished = probe.messages.filter((m) => m.type === 'run-finished').at(-1)!;
      const [from, to] = [started.received_at, finished.received_at];
      const gaps: number[] = [];
      for (let i = 1; i < probe.frames.length; i++) {
        const [a, b] = [probe.frames[i - 1], probe.frames[i]];
        if (b > from && a < to) gaps.push(b - a);
      }
      const longTasks = probe.longTasks.filter((t) => t.start + t.duration > from && t.start < to);
      return { message: finished as unknown as RunFinished, gaps, longTasks };
    });
  }

  /** Every run so far, each with the frame gaps the probe saw between its start and finish. */
  async allRuns(): Promise<Observed[]> {
    return this.page.evaluate(() => {
      const probe = window.__e2e;
      const started = probe.messages.filter((m) => m.type === 'run-started');
      const finished = probe.messages.filter((m) => m.type === 'run-finished');
      return finished.map((f, i) => {
        const [from, to] = [started[i].received_at, f.received_at];
        const gaps: number[] = [];
        for (let k = 1; k < probe.frames.length; k++) {
          const [a, b] = [probe.frames[k - 1], probe.frames[k]];
          if (b > from && a < to) gaps.push(b - a);
        }
        const longTasks = probe.longTasks.filter((t) => t.start + t.duration > from && t.start < to);
        return { message: f as unknown as RunFinished, gaps, longTasks };
      });
    });
  }

  async run(mode: Mode): Promise<Observed> {
    return this.runWith(() => this.runButton(mode).click());
  }

  /** Checks that the page shows the figures the message carried. */
  async expectPageAgrees(run: RunFinished) {
    const total = formatDuration(run.total_ms);
    await expect(this.card(run.mode).locator('.measured-total')).toContainText(total);
    await expect(this.card(run.mode).locator('.longest-gap')).toHaveText(formatDuration(run.longest_freeze_ms));
    await expect(this.status()).toHaveText(
      `${run.mode === 'async' ? 'Async' : 'Blocking'} run finished in ${total} (predicted ${formatDuration(run.predicted_ms)}). ` +
        `Longest frame gap: ${formatDuration(run.longest_freeze_ms)}; frames over 50 ms: ${run.late_frames}; ` +
        `long tasks: ${run.long_tasks}.` +
        (run.worst_input_delay_ms === null ? '' : ` Worst input delay: ${formatDuration(run.worst_input_delay_ms)}.`),
    );
  }
}
