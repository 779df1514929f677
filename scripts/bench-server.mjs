// Load on the reference server as a busy (or abused) district meets it, against a
// fresh SQLite database (WAL, synchronous=FULL) holding 1,000 reports:
//   1. `GET /open311/v2/requests.json` (the public list) from 50 connections, while
//      a citizen sends a report once a second: the list's throughput and latency,
//      and how long the citizen waits (the widget gives up after 15 s).
//   2. `POST /open311/v2/requests.json` alone, urlencoded as the widget sends it,
//      each with its own Idempotency-Key: the busiest write's throughput.
// The server runs as `civic-server start` in its own process, as in production,
// so the load tool does not share its event loop. Prints figures; it is a measurement, not a test. Build the server first
// (`npm run build`, or `npx tsc -b packages/server/tsconfig.build.json`).
//
//   node scripts/bench-server.mjs [--seconds 10] [--connections 50] [--post-connections 10] [--reports 1000] [--cli path/to/dist/cli.js]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    'post-connections': { type: 'string', default: '10' },
    reports: { type: 'string', default: '1000' },
    // Another build's cli.js, to compare (e.g. the code before a change, built elsewhere).
    cli: { type: 'string', default: new URL('../packages/server/dist/cli.js', import.meta.url).pathname },
  },
});
const seconds = Number(values.seconds);
const dir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
const databasePath = join(dir, 'civic.db');
// Rate limits are per client address and the load tool is one address, so they
// are lifted here (environment variables: older servers ignore the ones they lack).
const lifted = '100000000';
const server = spawn(
  process.execPath,
  [values.cli, 'start', '--port', '0', '--db', databasePath, '--media-dir', join(dir, 'media')],
  {
    env: { ...process.env, LOG_LEVEL: 'warn', CIVIC_RATE_LIMIT: lifted, CIVIC_READ_RATE_LIMIT: lifted, CIVIC_PHOTO_BUDGET: lifted },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const address = await new Promise((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
    const found = /reference server (http:\/\/\S+)/.exec(output);
    if (found) resolve(found[1].replace('localhost', '127.0.0.1'));
  });
  server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
});
const exited = new Promise((resolve) => server.once('exit', resolve));

const report = {
  service_code: 'lift-breakdown',
  'attribute[fault_type]': 'stopped',
  'attribute[building]': '12',
  description: '12 号楼电梯停运两天了，老人上下楼很困难，请尽快派人维修。',
  address_string: '示范区漕溪北路 1200 弄 12 号',
  lat: '31.19',
  long: '121.43',
  first_name: '王女士',
  phone: '13800000000',
};
const body = new URLSearchParams(report).toString();
const postHeaders = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

// 1,000 reports, the spec's default page of the last 90 days.
for (let index = 0; index < Number(values.reports); index++) {
  const answer = await fetch(`${address}/open311/v2/requests.json`, { method: 'POST', headers: postHeaders, body });
  if (answer.status !== 200) throw new Error(`seeding failed: ${answer.status} ${await answer.text()}`);
  await answer.arrayBuffer();
}

const percentile = (sorted, share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];

/** A citizen's report every second while the list is under load; each waits for its answer. */
async function citizen(signal) {
  const waits = [];
  const statuses = [];
  await new Promise((resolve) => setTimeout(resolve, 1000));
  while (!signal.aborted) {
    const started = performance.now();
    try {
      const answer = await fetch(`${address}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { ...postHeaders, 'idempotency-key': randomUUID() },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      await answer.arrayBuffer();
      statuses.push(answer.status);
    } catch {
      statuses.push('error');
    }
    waits.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { waits: waits.sort((a, b) => a - b), statuses };
}

const stopCitizen = new AbortController();
const citizenDone = citizen(stopCitizen.signal);
const list = await autocannon({
  url: `${address}/open311/v2/requests.json`,
  connections: Number(values.connections),
  duration: seconds,
  headers: { accept: 'application/json' },
});
stopCitizen.abort();
const { waits, statuses } = await citizenDone;

const posts = await autocannon({
  url: `${address}/open311/v2/requests.json`,
  method: 'POST',
  connections: Number(values['post-connections']),
  duration: Math.max(3, Math.round(seconds / 2)),
  headers: postHeaders,
  body,
  requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }],
});

const listed = (await (await fetch(`${address}/open311/v2/requests.json`)).json()).length;
server.kill('SIGTERM');
await exited;
const db = new Database(databasePath, { readonly: true });
const stored = db.prepare('SELECT COUNT(*) AS count FROM service_requests').get().count;
db.close();
rmSync(dir, { recursive: true, force: true });

const ok = (result) => `${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts`;
console.log(`Civic Widgets reference server (${values.cli}), Node ${process.version}, ${values.reports} reports in the database`);
console.log(`GET /open311/v2/requests.json (${listed} reports an answer), ${values.connections} connections, ${seconds} s`);
console.log(`  requests/s  mean ${list.requests.average.toFixed(0)}, p50 ${list.requests.p50}, min ${list.requests.min}`);
console.log(`  latency ms  p50 ${list.latency.p50}, p90 ${list.latency.p90}, p99 ${list.latency.p99}, max ${list.latency.max}`);
console.log(`  answers     ${ok(list)}`);
console.log(`A citizen's POST meanwhile, one a second (${waits.length} sent; statuses ${[...new Set(statuses)].join(', ')})`);
if (waits.length > 0) {
  console.log(`  wait ms     median ${percentile(waits, 0.5).toFixed(0)}, max ${waits.at(-1).toFixed(0)}`);
}
console.log(`POST /open311/v2/requests.json alone, ${values['post-connections']} connections, ${Math.max(3, Math.round(seconds / 2))} s`);
console.log(`  requests/s  mean ${posts.requests.average.toFixed(0)}, p50 ${posts.requests.p50}, min ${posts.requests.min}`);
console.log(`  latency ms  p50 ${posts.latency.p50}, p90 ${posts.latency.p90}, p99 ${posts.latency.p99}, max ${posts.latency.max}`);
console.log(`  answers     ${ok(posts)}`);
console.log(`  stored      ${stored} requests in the database`);
