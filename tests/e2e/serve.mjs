// A small static file server for the end-to-end tests: serves a folder (the release bundle
// in dist/) on 127.0.0.1 under one or more URL prefixes (the same files at the site's root
// and under a sub-path, as a course site would host them), with the right content types for
// wasm, and the Content-Security-Policy as a header on HTML (the page carries it as a meta
// tag too: `cargo xtask build` writes it, xtask/src/csp.rs, whose test checks the two agree).
// No dependencies.
//
//   node serve.mjs <folder> <port> [<url prefix, e.g. /course/playground/> ...]   (default /)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { TYPES } from './mime.mjs';

const [folder = '../../dist', port = '4173', ...given] = process.argv.slice(2);
const root = resolve(folder);
// Longest first, so /course/playground/x is found under its own prefix, not under /.
const prefixes = (given.length ? given : ['/']).sort((a, b) => b.length - a.length);
const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  // A sub-path without its slash is redirected, as static hosts do, so relative URLs resolve.
  if (prefixes.includes(url.pathname + '/')) {
    res.writeHead(301, { location: url.pathname + '/' + url.search }).end();
    return;
  }
  const prefix = prefixes.find((p) => url.pathname.startsWith(p));
  if (!prefix) {
    res.writeHead(404).end('not under ' + prefixes.join(' or '));
    return;
  }
  let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
  if (path !== root && !path.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const body = await readFile(path);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      ...(type.startsWith('text/html') ? { 'content-security-policy': POLICY } : {}),
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => {
  for (const p of prefixes) console.log(`serving ${root} at http://127.0.0.1:${port}${p}`);
});
