// Click to load (`load=click`): a light poster stands in for the app, which is not fetched until
// the poster's button is pressed; then the playground works as ever.
import { expect, test } from '@playwright/test';

const APP = /\/(async-playground-[^/]*\.(js|wasm)|extras[^/]*|compute-worker[^/]*)$/;

test('load=click shows a poster, fetches nothing of the app until pressed, then runs', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('./?lesson=race&scale=100&embed=1&load=click');
  const poster = page.getByRole('region', { name: 'Async Playground' });
  await expect(poster.getByRole('heading', { name: 'The lost update' })).toBeVisible();
  // A drawing of the scenario: Alice's and Bob's updates, a bar each.
  await expect(poster.locator('svg rect')).toHaveCount(2);
  await expect(poster.locator('svg text')).toHaveText(['Alice', 'Bob']);
  const load = poster.getByRole('button', { name: 'Load the playground' });
  expect(fetched.filter((p) => APP.test(p))).toEqual([]);
  // Styled by its own rules (poster.js), in the page's colours: a card, and the accent's button.
  await expect(poster).toHaveCSS('border-top-style', 'solid');
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  expect(accent).toMatch(/^#[0-9a-f]{6}$/);
  await expect(load).toHaveCSS('background-color', await page.evaluate((c) => {
    const probe = document.createElement('i');
    probe.style.color = c;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  }, accent));

  await load.click();
  await page.getByRole('button', { name: 'Run async' }).click();
  await expect(page.getByRole('status')).toContainText('Async run finished');
  expect(fetched.some((p) => /async-playground-[^/]*_bg\.wasm$/.test(p))).toBe(true);
});

test('without load=click the app starts at once, its wasm fetched by the boot script', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('./?scale=100');
  await expect(page.getByRole('button', { name: 'Run async' })).toBeVisible();
  expect(fetched.some((p) => p.endsWith('poster.js'))).toBe(false);
  expect(fetched.filter((p) => /async-playground-[^/]*_bg\.wasm$/.test(p))).toHaveLength(1);
});
