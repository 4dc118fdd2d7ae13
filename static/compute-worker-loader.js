// Starts the playground's Web Worker (workers mode): loads the worker's wasm-bindgen glue,
// then its wasm, whose start function registers the worker. Paths are relative to this file,
// so the bundle works under any sub-path.
importScripts('./compute-worker.js');
wasm_bindgen({ module_or_path: './compute-worker_bg.wasm' });
