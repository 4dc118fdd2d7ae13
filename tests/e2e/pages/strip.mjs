// A check run in the page, shared by the Playwright specs (Chromium) and the WebDriver journeys
// (Firefox, WebKit): pass the function itself to `page.evaluate`, or its source to a script.

/** Each run-strip figure whose left edge is more than 1 px from its column head's, as
 * "<row classes> <cell>: <offset> px"; none when every head stands over its figures. */
export function misplacedColumns() {
  const heads = [...document.querySelectorAll('.mode-head > span')].map((e) => e.getBoundingClientRect());
  const cells = ['.predicted', '.cell-measured', '.cell-freeze', '.cell-late', '.cell-input'];
  return [...document.querySelectorAll('.mode-row')].flatMap((row) =>
    cells.map((c, i) => {
      const cell = row.querySelector(c);
      if (!cell || !cell.getClientRects().length) return null;
      const off = cell.getBoundingClientRect().left - heads[i + 1].left;
      return Math.abs(off) > 1 ? `${row.className} ${c}: ${off.toFixed(1)} px` : null;
    }),
  ).filter(Boolean);
}
