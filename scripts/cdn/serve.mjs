// Small real HTTP servers for the shared folder's tests and budget script:
// a folder served under any path prefix (optionally pre-compressed with
// gzip -9, as a CDN would), pages with a Content Security Policy, and a way to
// block or hold back one file.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8' };

function gzip9(bytes) {
  const gzip = spawnSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 64 * 1024 * 1024 });
  return gzip.status === 0 ? gzip.stdout : gzipSync(bytes, { level: 9 });
}

/**
 * Serves every file of `dir` under `prefix` (like `/lib/civic/`). With `gzip`,
 * files are compressed once with gzip -9 and sent with Content-Encoding: gzip.
 * With `cors`, any origin may load them (a CDN on another origin must: module
 * scripts are fetched in CORS mode). `intercept(file)` may return 'block' (the
 * file answers 404) or a promise to wait for before answering.
 */
export function folderRoute(dir, prefix, { gzip = false, cors = false, intercept = () => undefined } = {}) {
  const files = new Map();
  for (const file of readdirSync(dir, { recursive: true })) {
    const name = file.split(sep).join('/');
    if (!types[extname(name)]) continue;
    const body = readFileSync(join(dir, file));
    files.set(name, { body, gzipped: gzip ? gzip9(body) : undefined, type: types[extname(name)] });
  }
  return async (req, res, url) => {
    if (!url.pathname.startsWith(prefix)) return false;
    const name = url.pathname.slice(prefix.length);
    const file = files.get(name);
    const headers = { 'Cache-Control': 'no-store', ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) };
    const decision = file && intercept(name);
    if (!file || decision === 'block') {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
      return true;
    }
    if (decision) await decision;
    const compressed = file.gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, {
      ...headers,
      'Content-Type': file.type,
      ...(compressed ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(compressed ? file.gzipped : file.body);
    return true;
  };
}

/** A page route: `pages` maps paths to HTML; every page carries `csp`. */
export function pageRoute(pages, csp) {
  return (req, res, url) => {
    const page = pages[url.pathname];
    if (page === undefined) return false;
    const headers = { 'Cache-Control': 'no-store', ...(csp ? { 'Content-Security-Policy': csp } : {}) };
    if (url.pathname.endsWith('.js')) res.writeHead(200, { ...headers, 'Content-Type': types['.js'] });
    else if (url.pathname.endsWith('.json')) res.writeHead(200, { ...headers, 'Content-Type': 'application/feed+json' });
    else res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
    return true;
  };
}

/** Starts a server on a free port that tries `routes` in order. */
export async function startServer(routes) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      for (const route of routes) if (await route(req, res, url)) return;
      // Browsers ask for it on their own; without this the page logs a 404.
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
