// The page as a visitor first meets it: a finished page, no console errors, accessible, and
// URL parameters that do what the contract says.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Playground } from '../pages/playground';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

test('loads as a finished page with no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const app = await Playground.open(page);

  await expect(page).toHaveTitle(/Async Playground/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /futures/);
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect((await page.request.get(icon!)).status()).toBe(200);

  await expect(page.getByRole('heading', { name: 'The ticket queue' })).toBeVisible();
  await expect(app.card('blocking').locator('.predicted')).toHaveText('Predicted total: 7 minutes (7.00 s)');
  await expect(app.card('async').locator('.predicted')).toHaveText('Predicted total: 5 minutes (5.00 s)');
  await expect(app.runButton('blocking')).toBeVisible();
  await expect(app.runButton('async')).toBeVisible();
  const ready = await app.messages('ready');
  expect(ready).toHaveLength(1);
  expect(ready[0].version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(errors).toEqual([]);
  await app.expectNoCspViolations();
});

test('has no serious or critical accessibility violations, before and after a run', async ({ page }) => {
  const app = await Playground.open(page, '?scale=20');
  expect(await seriousViolations(page)).toEqual([]);
  await app.run('async');
  await app.run('blocking');
  expect(await seriousViolations(page)).toEqual([]);
  // With a task selected, the side panel's form is checked too.
  await app.task('Take selfies').click();
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveValue('Take selfies');
  expect(await seriousViolations(page)).toEqual([]);
});

test('scale sets the real time of a unit', async ({ page }) => {
  const app = await Playground.open(page, '?lesson=ticket-queue&scale=100');
  await expect(app.card('blocking').locator('.predicted')).toHaveText('Predicted total: 7 minutes (700 ms)');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('bad URL parameters are explained and the defaults still work', async ({ page }) => {
  const app = await Playground.open(page, '?scale=-3&lesson=%3Cb%3Enope%3C/b%3E');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The time scale \u201c-3\u201d is not a number');
  await expect(alert).toContainText('There is no lesson called \u201c<b>nope</b>\u201d');
  await expect(page.locator('b', { hasText: 'nope' })).toHaveCount(0); // shown as text, not markup
  await expect(app.card('async').locator('.predicted')).toHaveText('Predicted total: 5 minutes (5.00 s)');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});
