// Exports of a run: results as JSON, the timeline as SVG and PNG, and each task as a
// performance.measure user timing for DevTools.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Playground } from '../pages/playground';

test('a run exports as JSON, SVG and PNG, and shows up as user timings', async ({ page }) => {
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

  const svg = await save('Timeline (SVG)');
  expect(svg.name.endsWith('.svg')).toBe(true);
  expect(svg.bytes.toString()).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg.bytes.toString()).toContain('Take selfies');

  const png = await save('Timeline (PNG)');
  expect(png.name.endsWith('.png')).toBe(true);
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');

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
