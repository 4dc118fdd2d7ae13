// Starts the playground's extras (views loaded on first use, src/bin/extras.rs) once their
// wasm-bindgen glue has run: the page inserts the glue, then this script, and awaits the
// promise it leaves behind. Paths are relative to the page, so the bundle works under any
// sub-path.
self.__playgroundExtras = wasm_bindgen({ module_or_path: './extras_bg.wasm' }).then(() => wasm_bindgen);
