// The /cdn route serving the shared folder: hashed chunks are cached for good,
// the entries and the autoloader (stable names) are checked on every load.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { testApp } from './helpers/test-app.mjs';

let server;
before(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'civic-cdn-route-'));
  mkdirSync(join(folder, 'chunks'));
  writeFileSync(join(folder, 'civic-widgets.js'), 'export {};\n');
  writeFileSync(join(folder, 'chunks', 'lit-Ab12Cd34.js'), 'export {};\n');
  server = await testApp({ 'cdn-dir': folder });
});
after(() => server.close());

test('a hashed chunk is immutable; the autoloader, whose name stays, is revalidated', async () => {
  const chunk = await server.app.inject({ method: 'GET', url: '/cdn/chunks/lit-Ab12Cd34.js' });
  assert.equal(chunk.statusCode, 200);
  assert.match(chunk.headers['content-type'], /javascript/);
  assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
  const entry = await server.app.inject({ method: 'GET', url: '/cdn/civic-widgets.js' });
  assert.equal(entry.statusCode, 200);
  assert.equal(entry.headers['cache-control'], 'no-cache');
});
