// Which constants in the page wasm's memory move to its rest (`split.mjs`): those that only the
// rest's code refers to. The rest writes them into the shared memory when it is instantiated,
// before any of its code can run; until then the first view has zeros there, and none of its
// code can reach them.
//
// A constant is what the linker placed as one piece of `.rodata` (its map, `constants`, says
// where each begins and ends): a string, a table, a vtable, a panic's location; or one string of
// the linker's merged strings (`<internal>`: the C strings LLVM marks mergeable, which include
// the templates of `format!`), each up to and with its NUL, since the linker may reorder and
// share them, so no code reads one past its NUL into the next.
//
// Code reaches a constant by an address it holds (`i32.const`, either half of an `i64.const`, a
// load's or a store's `offset=`, or the two added) or by one stored in memory (a pointer in
// another constant or a static). So a constant stays in the first view if any address the first
// view's code holds, or any stored in memory, falls in it or at its end (a loop may walk a table
// back from its end); it moves if only the rest's code holds an address in it; one that no code
// and no memory points at stays. Mutable statics (`.data`, `.bss`) never move.

/** The `.rodata` pieces in the linker's map (`wasm-ld --Map`), as `{ start, end, strings }`,
 *  in order; `strings` for the linker's merged strings, one piece in the map. */
export function constants(map) {
  const out = [];
  let inRodata = false;
  for (const line of map.split('\n')) {
    // `addr off size` then the name, indented by what it is: an output section by nothing, an
    // input section (`file:(section)`) by 8 more, a symbol in it by 16 more.
    const m = /^\s*([0-9a-f]+|-)\s+[0-9a-f]+\s+([0-9a-f]+) ( *)(\S.*)$/.exec(line);
    if (!m) continue;
    const depth = m[3].length;
    if (depth === 0) inRodata = m[4] === '.rodata';
    else if (inRodata && depth === 8 && m[1] !== '-') {
      const start = parseInt(m[1], 16);
      const size = parseInt(m[2], 16);
      if (size > 0) out.push({ start, end: start + size, strings: m[4].startsWith('<internal>') });
    }
  }
  if (out.length === 0) throw new Error('the linker map lists no constants (.rodata)');
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Reads a LEB128 number at `at.p` in `bytes`, moving `at.p` past it. */
function leb(bytes, at, signed = false) {
  let result = 0n;
  let shift = 0n;
  let byte;
  do {
    byte = bytes[at.p++];
    result |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
  } while (byte & 0x80);
  if (signed && byte & 0x40) result -= 1n << shift;
  return Number(result);
}

/** The active data segments of a wasm binary: `{ start, at, length, bytes }`, `at` being where
 *  its bytes are in the binary. */
export function dataSegments(bytes) {
  const segments = [];
  const at = { p: 8 };
  while (at.p < bytes.length) {
    const id = bytes[at.p++];
    const size = leb(bytes, at);
    const end = at.p + size;
    if (id === 11) {
      const count = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        const flags = leb(bytes, at);
        if (flags === 1) {
          // passive: no address
          const length = leb(bytes, at);
          at.p += length;
          continue;
        }
        if (flags === 2) leb(bytes, at); // the memory's index
        if (bytes[at.p++] !== 0x41) throw new Error('a data segment whose address is not an i32.const');
        const start = leb(bytes, at, true);
        if (bytes[at.p++] !== 0x0b) throw new Error('a data segment whose address is not an i32.const');
        const length = leb(bytes, at);
        segments.push({ start, at: at.p, length, bytes: bytes.subarray(at.p, at.p + length) });
        at.p += length;
      }
    }
    at.p = end;
  }
  return segments;
}

/** Every address a module's code holds (binaryen's text of it): constants (each half of an
 *  i64), loads' and stores' offsets, and the two added where a load or a store takes a constant
 *  address. */
export function refs(text) {
  const code = text
    .split('\n')
    .filter((line) => !line.startsWith(' (data '))
    .join('\n');
  const out = new Set();
  for (const m of code.matchAll(/i32\.const (-?\d+)/g)) out.add(Number(m[1]) >>> 0);
  // LLVM stores a `&str` (address and length) as one i64: both halves may be addresses.
  for (const m of code.matchAll(/i64\.const (-?\d+)/g)) {
    const value = BigInt.asUintN(64, BigInt(m[1]));
    out.add(Number(value & 0xffffffffn));
    out.add(Number(value >> 32n));
  }
  for (const m of code.matchAll(/offset=(\d+)/g)) out.add(Number(m[1]));
  const access = /\((?:i32|i64|f32|f64|v128)\.(?:load|store)\w*(?: offset=(\d+))?(?: align=\d+)?\s*\(i32\.const (-?\d+)\)/g;
  for (const m of code.matchAll(access)) out.add(Number(m[1] ?? 0) + (Number(m[2]) >>> 0));
  return out;
}

/** The constants only the rest refers to, with their bytes: `{ moved, count, movedCount, bytes,
 *  movedBytes }`, `moved` a list of `{ start, bytes }` (neighbours joined), the rest counts. */
export function movedConstants({ constants, segments, first, rest }) {
  // The memory as the binary initialises it.
  const lo = Math.min(...segments.map((s) => s.start));
  const hi = Math.max(...segments.map((s) => s.start + s.length));
  const memory = new Uint8Array(hi - lo);
  for (const s of segments) memory.set(s.bytes, s.start - lo);
  // Addresses stored in memory (aligned words that point into it).
  const stored = new Set();
  const view = new DataView(memory.buffer);
  for (let a = (lo + 3) & ~3; a + 4 <= hi; a += 4) {
    const value = view.getUint32(a - lo, true);
    if (value >= lo && value <= hi) stored.add(value);
  }
  const sorted = (set) => [...set].filter((a) => a >= lo && a <= hi).sort((a, b) => a - b);
  const held = { first: sorted(first), rest: sorted(rest), stored: sorted(stored) };
  // Whether any address in `list` (sorted) lies in [start, end].
  const within = (list, start, end) => {
    let l = 0, h = list.length;
    while (l < h) {
      const m = (l + h) >> 1;
      if (list[m] < start) l = m + 1;
      else h = m;
    }
    return l < list.length && list[l] <= end;
  };
  // The merged strings, one by one.
  const pieces = [];
  for (const c of constants) {
    if (!c.strings || c.start < lo || c.end > hi) {
      pieces.push(c);
      continue;
    }
    // Merged C strings end in a NUL: if they do not, the map is another link's.
    if (memory[c.end - 1 - lo] !== 0) throw new Error(`the linker map does not fit the wasm (no NUL at ${c.end - 1})`);
    let from = c.start;
    for (let a = c.start; a < c.end; a++) {
      if (memory[a - lo] === 0) {
        pieces.push({ start: from, end: a + 1 });
        from = a + 1;
      }
    }
    if (from < c.end) pieces.push({ start: from, end: c.end });
  }
  const moved = [];
  let bytes = 0;
  let movedBytes = 0;
  for (const { start, end } of pieces) {
    bytes += end - start;
    if (within(held.first, start, end) || within(held.stored, start, end)) continue;
    if (!within(held.rest, start, end - 1)) continue;
    if (start < lo || end > hi) continue; // all zeros: the binary does not initialise it
    moved.push({ start, bytes: memory.slice(start - lo, end - lo) });
    movedBytes += end - start;
  }
  return { moved: merge(moved, memory, lo), count: pieces.length, movedCount: moved.length, bytes, movedBytes };
}

/** Neighbouring pieces as one, where the few bytes between them are zeros (padding). */
function merge(pieces, memory, lo) {
  const out = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    const lastEnd = last ? last.start + last.bytes.length : 0;
    const gap = last ? memory.subarray(lastEnd - lo, piece.start - lo) : null;
    if (last && piece.start >= lastEnd && gap.length <= 8 && gap.every((b) => b === 0)) {
      last.bytes = memory.slice(last.start - lo, piece.start + piece.bytes.length - lo);
    } else {
      out.push({ start: piece.start, bytes: piece.bytes });
    }
  }
  return out;
}

/** `wasm` (a binary) with zeros where `pieces` are in its memory's initial data. */
export function zeroed(wasm, pieces) {
  const out = new Uint8Array(wasm);
  for (const s of dataSegments(out)) {
    for (const { start, bytes } of pieces) {
      const from = Math.max(start, s.start);
      const to = Math.min(start + bytes.length, s.start + s.length);
      if (from < to) out.fill(0, s.at + (from - s.start), s.at + (to - s.start));
    }
  }
  return out;
}
