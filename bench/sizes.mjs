// The first view's wasm, taken apart: `cargo xtask bench --sizes` builds it as the release
// bundle does, with its function names kept, and runs this script over it. It reads the wasm
// itself (the code section's bodies, the name section's function names, the data section) and
// prints a Markdown table of where the bytes go, by crate and by module of this crate: raw,
// and each group's bodies compressed on their own (DEFLATE, level 9; they share less context
// than in the whole file, so the column adds up to more than the file's own gzip size).
//
//   node bench/sizes.mjs <named.wasm> [rows]
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { group, readWasm } from './wasm-read.mjs';

const [file, rowsArg = '30'] = process.argv.slice(2);
const { bytes, bodies, names, imported, dataBytes, dataZ } = readWasm(readFileSync(file));

const groups = new Map();
bodies.forEach((body, i) => {
  const g = group(names.get(imported + i) ?? '?');
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g).push(body);
});
const code = bodies.reduce((sum, b) => sum + b.length, 0);
const rows = [...groups].map(([g, bs]) => ({ g, raw: bs.reduce((s, b) => s + b.length, 0), z: deflateRawSync(Buffer.concat(bs), { level: 9 }).length }));
rows.sort((a, b) => b.raw - a.raw);
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`${file}: ${kb(bytes.length)} with names; code ${kb(code)} in ${bodies.length} functions, data ${kb(dataBytes)} (${kb(dataZ)} compressed alone); the whole file compressed ${kb(deflateRawSync(bytes, { level: 9 }).length)} (names included)`);
console.log('');
console.log('| group | code | share | compressed alone |');
console.log('|---|---|---|---|');
for (const r of rows.slice(0, Number(rowsArg))) console.log(`| ${r.g} | ${kb(r.raw)} | ${((100 * r.raw) / code).toFixed(1)} % | ${kb(r.z)} |`);
const rest = rows.slice(Number(rowsArg));
if (rest.length) console.log(`| ${rest.length} more groups | ${kb(rest.reduce((s, r) => s + r.raw, 0))} | | |`);
