// Reads a wasm file's sections for the benchmark's size scripts (`sizes.mjs`, `first-run.mjs`):
// each defined function's body, the name section's function names, the data section's size
// (and its size compressed alone), and each section's size by id. No dependencies.
import { deflateRawSync } from 'node:zlib';

/** The parts of the wasm in `bytes` that the size scripts read. */
export function readWasm(bytes) {
  const leb = (at) => {
    let value = 0, shift = 0, b;
    do {
      b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return [value, at];
  };
  const skipLimits = (at) => {
    const [flags, a] = leb(at);
    let [, b] = leb(a);
    if (flags & 1) [, b] = leb(b);
    return b;
  };

  let imported = 0, dataBytes = 0, dataZ = 0;
  const bodies = [], names = new Map(), sections = {};
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(at + 1);
    const end = start + size;
    if (id === 2) {
      // Imports: only the functions among them shift the function indices.
      let [n, p] = leb(start);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < 2; k++) { const [len, q] = leb(p); p = q + len; }
        const kind = bytes[p++];
        if (kind === 0) { imported++; [, p] = leb(p); }
        else if (kind === 1) p = skipLimits(p + 1);
        else if (kind === 2) p = skipLimits(p);
        else if (kind === 3) p += 2;
      }
    } else if (id === 10) {
      let [n, p] = leb(start);
      for (let i = 0; i < n; i++) { const [len, q] = leb(p); bodies.push(bytes.subarray(q, q + len)); p = q + len; }
    } else if (id === 11) {
      // Strings and tables (the default lesson's text among them).
      dataBytes += size;
      dataZ += deflateRawSync(bytes.subarray(start, end), { level: 9 }).length;
    } else if (id === 0) {
      const [len, p] = leb(start);
      const name = bytes.subarray(p, p + len).toString();
      if (name === 'name') {
        for (let q = p + len; q < end; ) {
          const sub = bytes[q];
          const [subSize, r] = leb(q + 1);
          if (sub === 1) {
            let [n, s] = leb(r);
            for (let i = 0; i < n; i++) {
              const [index, a] = leb(s);
              const [nameLen, b] = leb(a);
              names.set(index, bytes.subarray(b, b + nameLen).toString());
              s = b + nameLen;
            }
          }
          q = r + subSize;
        }
      }
    }
    sections[id] = (sections[id] ?? 0) + size;
    at = end;
  }
  return { bytes, bodies, names, imported, dataBytes, dataZ, sections };
}

/** A defined function's name: `i` counts the code section's bodies, from 0. */
export const nameOf = (wasm, i) => wasm.names.get(wasm.imported + i);

// A function's group: its crate, and for this crate its module (`core::scenario`, ...). Generic
// code is named for where it is defined: Yew's code monomorphised for a component counts as Yew.
const STD = new Set(['core', 'alloc', 'std', 'dlmalloc', 'compiler_builtins']);
export const group = (name) => {
  const m = /^([a-z_0-9]+)(?:\[[0-9a-f]+\])?::([A-Za-z_0-9]+)?(?:::([A-Za-z_0-9]+))?/.exec(name.replace(/^[<&]+|mut |dyn /g, ''));
  if (!m) return 'glue and shims (unnamed, wasm-bindgen)';
  if (m[1] === 'async_playground') return ['core', 'shell'].includes(m[2]) ? `async_playground::${m[2]}::${m[3]}` : `async_playground::${m[2]}`;
  return STD.has(m[1]) ? 'Rust std (core, alloc, fmt)' : m[1];
};
