// Starts the playground's extras (views loaded on first use, src/bin/extras.rs) once their
// wasm-bindgen glue has run: the page inserts the glue, then this script, and awaits the
// promise it leaves behind, which holds their exports once their wasm has started and their
// stylesheet (extras.css, kept out of the first view's) has loaded, so no extra is ever shown
// unstyled. Paths are relative to this script (in the folder of the files loaded after the
// first view, xtask/src/parts.rs), so the bundle works under any sub-path. After a failed load
// whose glue ran, the page inserts this script alone to try again.
{
  const here = (name) => new URL(name, document.currentScript.src).href;
  // A try after a failed one replaces the stylesheet it added.
  for (const old of document.querySelectorAll('link[data-extras]')) old.remove();
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.dataset.extras = '';
  style.href = here('extras.css');
  const styled = new Promise((ok, fail) => {
    style.onload = ok;
    style.onerror = fail;
  });
  document.head.appendChild(style);
  self.__playgroundExtras = Promise.all([wasm_bindgen({ module_or_path: here('extras_bg.wasm') }), styled]).then(
    () => wasm_bindgen,
  );
}
