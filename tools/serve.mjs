#!/usr/bin/env node
// A small static server for dist/ on 127.0.0.1: the right MIME type for .wasm, no caching (so a
// rebuilt app is what you see), `Access-Control-Allow-Origin: *` (the app's files are public and
// credential-free; an embed in a sandboxed iframe without allow-same-origin has the origin "null"
// and may fetch app.wasm only with it, docs/embedding.md), and nothing else. Any static host
// works the same way.
// usage: node tools/serve.mjs [--no-cors] [--gzip] DIR [PORT]   (PORT 0 picks a free port; the URL is printed)
//   --no-cors leaves the CORS header out, as a host that does not send it would (tests).
//   --gzip sends files gzipped to a browser that accepts it, as static hosts do (the bench's phone).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const cors = !args.includes('--no-cors');
const gzip = args.includes('--gzip');
const [dir, portArg] = args.filter((a) => a !== '--no-cors' && a !== '--gzip');
const root = path.resolve(dir || 'build/wasm-release/dist');
const port = Number(portArg ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404, {'content-type': 'text/plain'}).end('not found\n'); return; }
    const headers = {'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache'};
    if (cors) headers['access-control-allow-origin'] = '*';
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      data = zlib.gzipSync(data, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers);
    res.end(data);
  });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`POEMS Companion is served on http://127.0.0.1:${server.address().port}/ (Ctrl+C stops)` +
              (cors ? '' : ' without the CORS header'));
});
