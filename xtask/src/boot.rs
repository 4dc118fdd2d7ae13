//! The release page's boot script, written from trunk's: it starts the app at once, or, for
//! `load=click`, shows the poster (`static/poster.js`) and starts the app only when the learner
//! presses its button, having fetched nothing of the app before. For that the page itself must
//! not preload the app's JavaScript and wasm: their `<link rel=modulepreload>` and `<link
//! rel=preload>` go, and the script starts the wasm's fetch beside the module's import instead.
//! `trunk serve` keeps trunk's page (so `load=click` works in release builds only).

/// The app's bindings and wasm, as trunk's boot script names them (`./app-1.js`,
/// `./app-1_bg.wasm`).
#[derive(Debug)]
pub struct App<'a> {
    pub bindings: &'a str,
    pub wasm: &'a str,
}

/// Reads the bindings' and the wasm's URLs from trunk's boot script.
pub fn app_of(trunk_boot: &str) -> Result<App<'_>, String> {
    let quoted = |after: &str| {
        trunk_boot
            .split_once(after)
            .and_then(|(_, rest)| rest.split_once('\''))
            .map(|(url, _)| url)
            .ok_or_else(|| format!("trunk's boot script has no `{after}…'`"))
    };
    Ok(App { bindings: quoted("from '")?, wasm: quoted("module_or_path: '")? })
}

/// The boot script for `app`; `base` is the public URL the page's files are under (`./`).
///
/// The page loads it `async`, so it runs as soon as it has loaded: the app's files are fetched
/// beside the stylesheet, not after it (a deferred script waits for the stylesheet, which on a
/// slow network cost a round trip before the wasm was even asked for). The app itself starts
/// only once the page is parsed and its stylesheet has loaded, so it never mounts on an
/// unstyled page (if the stylesheet fails, once the page's load has passed), and once the
/// loading screen has been shown.
pub fn script(app: &App, base: &str) -> String {
    format!(
        "// Written by `cargo xtask build` (xtask/src/boot.rs) from trunk's boot script.
// The page parsed and its stylesheets loaded (or, where one failed, the page's load passed).
const styled = () => new Promise((ok) => {{
  const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];
  const check = () => {{
    const state = document.readyState;
    if (state === 'complete' || (state === 'interactive' && sheets.every((l) => l.sheet))) ok();
  }};
  document.addEventListener('readystatechange', check);
  for (const l of sheets) l.addEventListener('load', check);
  check();
}});
// The loading screen shown: the browser has reported the page's first contentful paint, so the
// app does not take its place before it was ever presented (Chrome would then count no largest
// paint for it). At once where the page is hidden or the browser reports no paints; at most
// 100 ms where no frame is drawn (an iframe out of view).
const shown = () => new Promise((ok) => {{
  const painted = () => performance.getEntriesByName('first-contentful-paint')[0];
  if (document.hidden || painted() || !self.PerformanceObserver?.supportedEntryTypes?.includes('paint')) return ok();
  new PerformanceObserver(() => painted() && ok()).observe({{ type: 'paint' }});
  setTimeout(ok, 100);
}});
// The page's wasm comes in two (xtask/src/split.rs): what the page runs until the learner does
// something, and the rest, `{rest}`, fetched once the first view is drawn, or before it when
// the page asks (`__playgroundRestNow(true)`: it opens with saved work or a share link, which
// only the rest reads; every start asks, most with `false`). The first call into the rest
// before it has come (`split.load`) loads it there and then, synchronously. If it cannot be
// had (that way or the first), the page says so, once, and every call into it fails without
// asking again: the learner is told to reload. What the page does of its own accord after its
// first view waits for `__playgroundRest` (src/shell/runtime/page_rest.rs): kept once the rest
// is linked (at once for a wasm not split), never if it cannot be had, so that no render calls
// into a rest that is not there.
const rest = {{ page: null, linked: false, failed: false }};
window.__playgroundRest = new Promise((ok) => (rest.arrived = ok));
const restUrl = () => `{base}${{document.documentElement.dataset.parts ?? ''}}{rest}`;
// Said once: from here on, no call into the rest asks for it again.
const missing = () => {{
  if (rest.failed) return;
  rest.failed = true;
  const box = document.createElement('div');
  box.className = 'boot-failed';
  box.setAttribute('role', 'alert');
  box.textContent = `Async Playground could not load a part of itself (${{restUrl()}}). Check the connection and reload the page.`;
  // In place of the loading line if the app has not started (it needed the rest first);
  // else over the page, in view wherever it is scrolled (a press scrolls the stage into view).
  const loading = document.querySelector('#app .booting');
  if (loading) loading.replaceWith(box);
  else {{
    box.style.cssText = 'position: fixed; top: 8px; left: 8px; right: 8px; z-index: 10; background: Canvas';
    document.body.prepend(box);
  }}
  // And where what stands below the stage would be (its note reads this: static/style.css).
  document.documentElement.dataset.rest = 'missing';
}};
// The rest's stylesheet, `{sheet}` (what only the rest's code draws), added once, beside the
// rest's fetch: the rest is said to have come only once it has loaded, so nothing is drawn
// unstyled. (If it cannot be had, the page still works, plainer.)
let sheet;
const restSheet = () => (sheet ??= new Promise((ok) => {{
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `{base}${{document.documentElement.dataset.parts ?? ''}}{sheet}`;
  link.onload = link.onerror = () => ok();
  document.head.append(link);
}}));
const link = (module) => {{
  if (rest.linked) return;
  new WebAssembly.Instance(module, {{ p: rest.page.exports }});
  rest.page.exports.split_loaded.value = 1;
  rest.linked = true;
  restSheet().then(rest.arrived);
}};
const loadNow = () => {{
  if (!rest.failed) {{
    restSheet();
    const request = new XMLHttpRequest();
    request.open('GET', restUrl(), false);
    // (A synchronous request cannot ask for an ArrayBuffer: the bytes come as a string's codes.)
    request.overrideMimeType('text/plain; charset=x-user-defined');
    try {{
      request.send();
    }} catch {{}}
    if (request.status === 200) {{
      const text = request.responseText;
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return link(new WebAssembly.Module(bytes));
    }}
    missing();
  }}
  throw new Error(`${{restUrl()}} did not load`);
}};
// The rest's one fetch, whoever asks first: the page before its first view, or the boot
// script after it.
let fetching;
const fetchRest = () => (fetching ??= (async () => {{
  if (!rest.page || rest.linked) return;
  const styled = restSheet();
  try {{
    const response = await fetch(restUrl());
    if (response.ok) {{
      const module = await WebAssembly.compile(await response.arrayBuffer());
      await styled;
      return link(module);
    }}
  }} catch {{}}
  if (!rest.linked) missing();
}})());
window.__playgroundRestNow = (now) => now && fetchRest();
// The page's module gets `split.load` and is kept for the rest to link to; the runner's and
// the extras' modules, instantiated later, find WebAssembly as it was.
const {{ instantiate, instantiateStreaming }} = WebAssembly;
const withRest = (imports) => ({{ ...imports, split: {{ load: loadNow }} }});
const kept = (result) => {{
  Object.assign(WebAssembly, {{ instantiate, instantiateStreaming }});
  const instance = result instanceof WebAssembly.Instance ? result : result.instance;
  if (instance.exports.split_loaded) rest.page = instance;
  else restSheet().then(rest.arrived);
  return result;
}};
WebAssembly.instantiateStreaming = async (source, imports) => kept(await instantiateStreaming(source, withRest(imports)));
WebAssembly.instantiate = async (source, imports) => kept(await instantiate(source, withRest(imports)));
const start = async () => {{
  const wasmFile = fetch('{wasm}');
  const bindings = import('{bindings}');
  await styled();
  const app = await bindings;
  await shown();
  // (Trunk's own script also sets `window.wasmBindings` and fires `TrunkApplicationStarted`;
  // nothing here uses them, and a parent page has the `ready` message.)
  await app.default({{ module_or_path: wasmFile }});
  // The rest, after the first view's frame (at most a second: a hidden page draws none).
  await new Promise((ok) => {{
    requestAnimationFrame(() => setTimeout(ok));
    setTimeout(ok, 1000);
  }});
  await fetchRest();
}};
if (new URLSearchParams(location.search).get('load') === 'click') {{
  await styled();
  // The poster is in the folder the page names for what loads after the first view
  // (xtask/src/parts.rs), or beside the page.
  (await import(`{base}${{document.documentElement.dataset.parts ?? ''}}poster.js`)).poster(start);
}} else {{
  await start();
}}
",
        wasm = app.wasm,
        bindings = app.bindings,
        rest = crate::split::REST,
        sheet = crate::split::REST_SHEET,
    )
}

/// The page without the `<link>`s that preload the app (its bindings' module and its wasm).
pub fn without_preloads(html: &str, app: &App) -> String {
    links_kept(html, |tag| {
        !(tag.contains("preload") && (tag.contains(app.bindings) || tag.contains(app.wasm)))
    })
}

/// The page without the `<link>` to the rest's stylesheet (`static/rest.css`, which trunk names
/// `rest-<hash>.css`), and that file's name: the boot script loads it with the rest
/// (`split::REST_SHEET`). An error for a page without it, rather than a rest drawn unstyled.
pub fn without_rest_sheet(html: &str) -> Result<(String, String), String> {
    let mut found = None;
    let page = links_kept(html, |tag| {
        // The href's value, quoted or bare, and its last segment.
        let href = tag.split_once("href=").map(|(_, v)| match v.strip_prefix(['"', '\'']) {
            Some(quoted) => &quoted[..quoted.find(['"', '\'']).unwrap_or(quoted.len())],
            None => &v[..v.find([' ', '>']).unwrap_or(v.len())],
        });
        match href.map(|v| v.rsplit('/').next().unwrap_or(v)) {
            Some(name)
                if found.is_none()
                    && name.starts_with("rest-")
                    && name.ends_with(".css")
                    && tag.contains("stylesheet") =>
            {
                found = Some(name.to_string());
                false
            }
            _ => true,
        }
    });
    found
        .map(|name| (page, name))
        .ok_or_else(|| "the page has no `<link>` to the rest's stylesheet (rest-<hash>.css)".into())
}

/// The page with only the `<link>` tags `keep` keeps.
fn links_kept(html: &str, mut keep: impl FnMut(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link") {
        let end = rest[at..].find('>').map_or(rest.len(), |i| at + i + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if keep(tag) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));";

    #[test]
    fn the_script_starts_the_app_or_the_poster() {
        let app = app_of(TRUNK).unwrap();
        assert_eq!((app.bindings, app.wasm), ("./app-1.js", "./app-1_bg.wasm"));
        let js = script(&app, "./");
        assert!(js.contains("fetch('./app-1_bg.wasm')") && js.contains("import('./app-1.js')"), "{js}");
        assert!(
            js.contains("get('load') === 'click'")
                && js.contains("import(`./${document.documentElement.dataset.parts ?? ''}poster.js`)"),
            "{js}"
        );
        // The wasm's fetch and the module's import start before the page is parsed and styled;
        // the app starts after that, and the poster too.
        let waits = js.find("await styled()").unwrap();
        assert!(js.find("fetch(").unwrap() < js.find("import('./app-1.js')").unwrap());
        assert!(js.find("import('./app-1.js')").unwrap() < waits);
        assert!(waits < js.find("app.default(").unwrap());
        // The loading screen stays until it has been shown.
        assert!(waits < js.find("await shown()").unwrap());
        assert!(js.find("await shown()").unwrap() < js.find("app.default(").unwrap());
        assert!(js.rfind("await styled()").unwrap() < js.find("poster.js`)").unwrap());
        assert!(!js.contains("dispatchEvent") && !js.contains("window.wasmBindings ="), "{js}");
        // The rest of the page's wasm: from the parts folder, linked after the app has started
        // (or at once by `split.load`), and WebAssembly given back as it was for other modules.
        assert!(
            js.contains("dataset.parts ?? ''}page-rest.wasm`") && js.contains("split: { load: loadNow }"),
            "{js}"
        );
        // Fetched once, by the boot script after the app has started, or by the page before.
        assert_eq!(js.matches("fetch(restUrl())").count(), 1, "{js}");
        assert!(js.find("app.default(").unwrap() < js.find("await fetchRest();").unwrap());
        assert!(js.contains("window.__playgroundRestNow = (now) => now && fetchRest();"), "{js}");
        assert!(js.contains("Object.assign(WebAssembly, { instantiate, instantiateStreaming })"), "{js}");
        // What the page does after its first view waits for the rest: said once it is linked,
        // or at once where there is none; never if it cannot be had, which is said instead.
        assert!(js.contains("window.__playgroundRest = new Promise"), "{js}");
        assert!(
            js.find("document.body.prepend(box);").unwrap() < js.find("dataset.rest = 'missing'").unwrap()
        );
        // ... and once the rest's stylesheet, asked for beside it, has loaded.
        assert!(js.contains("rest.linked = true;\n  restSheet().then(rest.arrived);"), "{js}");
        assert!(js.contains("else restSheet().then(rest.arrived);"), "{js}");
        assert_eq!(js.matches("rest.arrived").count(), 3, "{js}");
        assert!(
            js.contains("link.href = `./${document.documentElement.dataset.parts ?? ''}rest.css`;"),
            "{js}"
        );
        assert!(js.find("const styled = restSheet();").unwrap() < js.find("await fetch(restUrl())").unwrap());
        assert!(js.find("await styled;").unwrap() < js.find("return link(module);").unwrap());
        assert!(js.find("restSheet();").unwrap() < js.find("request.send()").unwrap());
        assert!(js.find("await fetch(restUrl())").unwrap() < js.rfind("missing();").unwrap());
        assert!(app_of("console.log(1)").unwrap_err().contains("no `from '"));
    }

    #[test]
    fn only_the_app_s_preloads_leave_the_page() {
        let app = app_of(TRUNK).unwrap();
        let page = "<head><link href=./style.css rel=stylesheet><link crossorigin href=./app-1.js rel=modulepreload>\
                    <link as=fetch crossorigin href=./app-1_bg.wasm rel=preload type=application/wasm>\
                    <link rel=\"modulepreload\" href=\"./app-1.js\" crossorigin=\"anonymous\"></head><body></body>";
        assert_eq!(
            without_preloads(page, &app),
            "<head><link href=./style.css rel=stylesheet></head><body></body>"
        );
        let other = "<link rel=preload href=./font.woff2 as=font>";
        assert_eq!(without_preloads(other, &app), other);
    }

    #[test]
    fn the_rest_s_stylesheet_leaves_the_page_for_the_boot_script() {
        let page = "<head><link href=./style-1.css rel=stylesheet><link href=./rest-2.css rel=stylesheet>\
                    <link rel=\"stylesheet\" href=\"/course/rest-guide.txt\"></head>";
        let (html, name) = without_rest_sheet(page).unwrap();
        assert_eq!(name, "rest-2.css");
        assert_eq!(
            html,
            "<head><link href=./style-1.css rel=stylesheet><link rel=\"stylesheet\" href=\"/course/rest-guide.txt\"></head>"
        );
        let (html, name) =
            without_rest_sheet("<link rel=\"stylesheet\" href=\"/play/rest-3.css\"/><p>").unwrap();
        assert_eq!((html.as_str(), name.as_str()), ("<p>", "rest-3.css"));
        assert!(without_rest_sheet("<link href=./style-1.css rel=stylesheet>")
            .unwrap_err()
            .contains("rest-<hash>.css"));
    }
}
