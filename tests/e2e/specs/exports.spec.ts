// Exports of a run: results as JSON (with the recording of its event loop), the timeline as SVG
// and PNG, the event loop as a Chrome trace, and each task as a performance.measure user timing
// for DevTools.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Playground } from '../pages/playground';

test('a run exports as JSON, SVG, PNG and a Chrome trace, and shows up as user timings', async ({ page }) => {
  const app = await Playground.open(page, '?scale=50');
  const run = (await app.run('async')).message;

  const save = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
  };
  const json = await save('Results (JSON)');
  expect(json.name).toBe('async-playground-the-ticket-queue-async.json');
  const results = JSON.parse(json.bytes.toString());
  expect(results.run.total_ms).toBe(run.total_ms);
  expect(results.scenario.lanes[1].tasks[0].label).toBe('Take selfies');
  // The file holds the run's event loop as recorded: both tasks start and end, the selfies in
  // bursts that yield, the queue on a timer that fires.
  expect(results.recording.version).toBe(1);
  const kinds = (task: number) => results.recording.events.filter((e: unknown[]) => e[1] === task).map((e: unknown[]) => e[2]);
  expect(kinds(1)).toEqual(['started', 'timer-set', 'timer-fired', 'resumed', 'ended']);
  expect(kinds(2).filter((k: string) => k === 'burst').length).toBeGreaterThan(5);
  expect(kinds(2)).toContain('yielded');
  expect(results.recording.events.some((e: unknown[]) => e[2] === 'frame')).toBe(true);

  const svg = await save('Timeline (SVG)');
  expect(svg.name.endsWith('.svg')).toBe(true);
  expect(svg.bytes.toString()).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg.bytes.toString()).toContain('Take selfies');

  const png = await save('Timeline (PNG)');
  expect(png.name.endsWith('.png')).toBe(true);
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');

  // The Chrome trace: a track for the main thread and for each lane, and every task a complete
  // event with the measured start and duration (microseconds).
  const trace = await save('Trace (JSON)');
  expect(trace.name).toBe('async-playground-the-ticket-queue-async.trace.json');
  const events = JSON.parse(trace.bytes.toString()).traceEvents;
  const tracks = events.filter((e: { ph: string; name: string }) => e.ph === 'M' && e.name === 'thread_name');
  expect(tracks.map((e: { args: { name: string } }) => e.args.name)).toEqual(
    expect.arrayContaining(['Main thread', 'Lane 1: You', 'Lane 2: Phone']),
  );
  for (const task of results.run.tasks) {
    const x = events.find((e: { cat: string; args: { id: number } }) => e.cat === 'task' && e.args.id === task.id);
    expect(x).toMatchObject({ ph: 'X', name: task.label, tid: 10 + task.lane });
    expect(Math.abs(x.ts / 1000 - task.start_ms)).toBeLessThan(0.01);
    expect(Math.abs(x.dur / 1000 - (task.end_ms - task.start_ms))).toBeLessThan(0.01);
  }
  expect(events.filter((e: { cat: string }) => e.cat === 'burst').length).toBeGreaterThan(5);

  // Saving changed nothing in the scenario (the share bar is a second Yew app in the page: its
  // clicks were once handled by the page's listeners too, and each export added a task).
  await expect(app.timeline()).toHaveAttribute('data-task-count', '2');
  await expect(page.locator('.edit-note')).toHaveText('');

  // Each task of the run (the timeline's own drawings, "timeline draw", are measured too).
  const measures = await page.evaluate(() =>
    performance.getEntriesByType('measure').filter((m) => m.name !== 'timeline draw').map((m) => [m.name, Math.round(m.duration)]),
  );
  expect(await page.evaluate(() => performance.getEntriesByName('timeline draw').length)).toBeGreaterThan(0);
  expect(measures.map((m) => m[0])).toEqual(['async: Wait in the ticket queue', 'async: Take selfies']);
  expect(measures[0][1]).toBeGreaterThanOrEqual(249);
  // A second run replaces the first one's measures: the track holds the latest run, and a long
  // session does not pile them up.
  await app.run('async');
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name !== 'timeline draw').map((m) => m.name)))
    .toEqual(['async: Wait in the ticket queue', 'async: Take selfies']);
  // The PNG's data-URL image and the downloads stay within the Content-Security-Policy.
  await app.expectNoCspViolations();
});
