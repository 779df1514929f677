// Load on the reference server's busiest write: `POST /open311/v2/requests.json`,
// urlencoded as the widget sends it, each with its own Idempotency-Key, against a
// fresh SQLite database (WAL, synchronous=FULL). Prints requests per second and
// latency percentiles; it is a measurement, not a test. Run `npm run build` first.
//
//   node scripts/bench-server.mjs [--seconds 10] [--connections 10]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { buildApp } from '../packages/server/dist/app.js';
import { loadConfig } from '../packages/server/dist/config.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const dir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
// The rate limit is per client address; the load tool is one address, so lift it.
const config = loadConfig(['--db', join(dir, 'civic.db'), '--media-dir', join(dir, 'media'), '--rate-limit', '100000000'], {});
const app = await buildApp(config);
const address = await app.listen({ port: 0, host: '127.0.0.1' });

const body = new URLSearchParams({
  service_code: 'lift-breakdown',
  'attribute[fault_type]': 'stopped',
  'attribute[building]': '12',
  description: '12 号楼电梯停运两天了，老人上下楼很困难，请尽快派人维修。',
  address_string: '示范区漕溪北路 1200 弄 12 号',
  lat: '31.19',
  long: '121.43',
  first_name: '王女士',
  phone: '13800000000',
}).toString();

const result = await autocannon({
  url: `${address}/open311/v2/requests.json`,
  method: 'POST',
  connections: Number(values.connections),
  duration: Number(values.seconds),
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  body,
  requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }],
});

await app.close();
const db = new Database(config.databasePath, { readonly: true });
const stored = db.prepare('SELECT COUNT(*) AS count FROM service_requests').get().count;
db.close();
rmSync(dir, { recursive: true, force: true });

console.log(`POST /open311/v2/requests.json, ${values.connections} connections, ${values.seconds} s, Node ${process.version}`);
console.log(`  requests/s  mean ${result.requests.average.toFixed(0)}, p50 ${result.requests.p50}, min ${result.requests.min}`);
console.log(`  latency ms  p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
console.log(`  answers     ${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts`);
console.log(`  stored      ${stored} requests in the database`);
