// Splits the page's wasm in two (`cargo xtask build`, xtask/src/split.rs): the first view keeps
// the functions the page ran before the learner did anything (`profile.mjs`), and every other
// function moves to a second module, `page-rest.wasm`, loaded after the first view.
//
// In the first view, each function that moved keeps its place (its callers and the function
// table are untouched) and its body becomes a stub: if the rest has not been loaded yet, it
// calls the import `split.load`, which the boot script answers by loading it at once; then it
// calls the function through the table, at a slot after the table's own. The rest imports the
// first view's memory, tables and globals and every function it calls, from the first view's
// exports (`p`), and fills those slots when it is instantiated. It has no start and no exports
// of its own. The boot script sets the first view's `split_loaded` once it has.
//
// The constants in memory that only the rest's code uses move too (`data.mjs`): the first view
// has zeros there, and the rest writes them when it is instantiated, before any of its code
// runs. Which constants those are comes from the linker's map (`--map`), which says where
// each begins and ends.
//
//   node xtask/split/split.mjs --wasm <page wasm: rewritten> --ran <ran.json> --rest <page-rest.wasm> --map <linker map>
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { binaryen, defined, read } from './wasm.mjs';
import { constants, dataSegments, movedConstants, refs, zeroed } from './data.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`--${name} is required`);
  return process.argv[i + 1];
};
const wasmPath = arg('wasm');
const bytes = await readFile(wasmPath);
const profile = JSON.parse(await readFile(arg('ran'), 'utf8'));
const ran = new Set(profile.ran);

const first = read(bytes);
const all = [];
for (let i = 0; i < first.getNumFunctions(); i++) all.push(binaryen.getFunctionInfo(first.getFunctionByIndex(i)).name);
const functions = defined(first);
if (functions.length !== profile.functions) throw new Error(`the profile counts ${profile.functions} functions, the wasm has ${functions.length}`);
const moved = functions.map((f) => binaryen.getFunctionInfo(f).name).filter((_, i) => !ran.has(i));
const isMoved = new Set(moved);

// The function table: the one the element segments fill, grown by a slot for each moved function.
if (first.getNumElementSegments() === 0) throw new Error('the wasm has no element segment');
const table = binaryen.getElementSegmentInfo(first.getElementSegmentByIndex(0)).table;
const tableRef = first.getTable(table);
const base = binaryen.Table.getInitial(tableRef);
const size = base + moved.length;
binaryen.Table.setInitial(tableRef, size);
if (binaryen.Table.hasMax(tableRef)) binaryen.Table.setMax(tableRef, size);

first.addGlobal('split_loaded', binaryen.i32, true, first.i32.const(0));
first.addFunctionImport('split_load', 'split', 'load', binaryen.none, binaryen.none);
moved.forEach((name, k) => {
  const info = binaryen.getFunctionInfo(first.getFunction(name));
  const args = binaryen.expandType(info.params).map((type, i) => first.local.get(i, type));
  const load = first.if(first.i32.eqz(first.global.get('split_loaded', binaryen.i32)), first.call('split_load', [], binaryen.none));
  const call = first.call_indirect(table, first.i32.const(base + k), args, info.params, info.results);
  binaryen.Function.setBody(first.getFunction(name), first.block(null, [load, call], info.results));
});

// The rest: the same module, with all it does not own turned into imports.
const rest = read(bytes);
const exportNames = new Set();
for (let i = 0; i < first.getNumExports(); i++) exportNames.add(binaryen.getExportInfo(first.getExportByIndex(i)).name);
const exports = new Map(); // "kind:internal name" → the name the first view exports it by
const exportAs = (kind, name) => {
  const key = `${kind}:${name}`;
  if (!exports.has(key)) {
    let n = exports.size, s = '';
    do {
      s += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'[n % 52];
      n = Math.floor(n / 52);
    } while (n > 0);
    if (exportNames.has(`_${s}`)) throw new Error(`the wasm already exports _${s}`);
    exports.set(key, `_${s}`);
  }
  return exports.get(key);
};
for (let i = rest.getNumExports() - 1; i >= 0; i--) rest.removeExport(binaryen.getExportInfo(rest.getExportByIndex(i)).name);
for (const name of all) {
  if (isMoved.has(name)) continue;
  const info = binaryen.getFunctionInfo(rest.getFunction(name));
  rest.removeFunction(name);
  rest.addFunctionImport(name, 'p', exportAs('f', name), info.params, info.results);
}
const globals = [];
for (let i = 0; i < rest.getNumGlobals(); i++) globals.push(binaryen.getGlobalInfo(rest.getGlobalByIndex(i)));
for (const g of globals) {
  rest.removeGlobal(g.name);
  rest.addGlobalImport(g.name, 'p', exportAs('g', g.name), g.type, g.mutable);
}
for (let i = rest.getNumElementSegments() - 1; i >= 0; i--) rest.removeElementSegment(binaryen.getElementSegmentInfo(rest.getElementSegmentByIndex(i)).name);
const tables = [];
for (let i = 0; i < rest.getNumTables(); i++) tables.push(binaryen.getTableInfo(rest.getTableByIndex(i)));
for (const t of tables) {
  const type = binaryen.Table.getType(first.getTable(t.name));
  const initial = t.name === table ? size : t.initial;
  rest.removeTable(t.name);
  rest.addTable(t.name, initial, t.name === table ? size : t.max ?? 0xffffffff, type);
  rest.addTableImport(t.name, 'p', exportAs('t', t.name));
}
rest.addActiveElementSegment(table, 'split_moved', moved, rest.i32.const(base));
// The constants only the rest's code refers to: written by the rest, zeros in the first view.
const data = movedConstants({
  constants: constants(await readFile(arg('map'), 'utf8')),
  segments: dataSegments(bytes),
  first: refs(first.emitText()),
  rest: refs(rest.emitText()),
});
const memory = rest.getMemoryInfo();
const memoryName = memory.name ?? '0';
const restData = data.moved.map(({ start, bytes: b }) => ({ offset: rest.i32.const(start), data: b, passive: false }));
rest.setMemory(memory.initial, memory.max ?? -1, null, restData, memory.shared, memory.is64, memoryName);
rest.addMemoryImport(memoryName, 'p', exportAs('m', memoryName));
rest.setStart(0);
rest.runPasses(['remove-unused-module-elements']);
if (!rest.validate()) throw new Error('the rest does not validate');

// The first view exports what the rest still imports, of every kind.
const imported = new Set();
const note = (count, at, info) => {
  for (let i = 0; i < count; i++) if (info(at(i)).module === 'p') imported.add(info(at(i)).base);
};
note(rest.getNumFunctions(), (i) => rest.getFunctionByIndex(i), binaryen.getFunctionInfo);
note(rest.getNumGlobals(), (i) => rest.getGlobalByIndex(i), binaryen.getGlobalInfo);
note(rest.getNumTables(), (i) => rest.getTableByIndex(i), binaryen.getTableInfo);
note(1, () => null, () => rest.getMemoryInfo());
const exportOf = { f: 'addFunctionExport', g: 'addGlobalExport', t: 'addTableExport', m: 'addMemoryExport' };
for (const [key, as] of exports) if (imported.has(as)) first[exportOf[key[0]]](key.slice(2), as);
first.addGlobalExport('split_loaded', 'split_loaded');
if (!first.validate()) throw new Error('the first view does not validate');
first.runPasses(['remove-unused-module-elements']);

const firstBytes = zeroed(first.emitBinary(), data.moved);
const restBytes = rest.emitBinary();
await writeFile(wasmPath, firstBytes);
await writeFile(arg('rest'), restBytes);
const gz = (b) => gzipSync(b, { level: 9 }).length.toLocaleString('en-US');
console.log(
  `split: ${functions.length - moved.length} functions stay in the first view (${gz(firstBytes)} B gzip, was ${gz(bytes)} B), ` +
    `${moved.length} move to page-rest.wasm (${gz(restBytes)} B gzip), and ${data.movedCount} of ${data.count} constants ` +
    `(${data.movedBytes.toLocaleString('en-US')} of ${data.bytes.toLocaleString('en-US')} B)`,
);
