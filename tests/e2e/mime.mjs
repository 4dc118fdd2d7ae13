// The content types the bundle's files are served with: by the end-to-end tests' server
// (serve.mjs) and by the benchmark's Lighthouse server (bench/lighthouse.mjs).
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};
