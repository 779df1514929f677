// The reference server on both storage engines, as `civic-server start`
// processes: SQLite with one instance, PostgreSQL (a throwaway cluster with its
// durable defaults) with one and with two instances on one database and one
// media folder, the load spread over the instances as a load balancer would.
// For each: `POST requests.json` without photos, with one phone photo
// (1,600 × 1,200 JPEG), and `GET requests/{id}.json`, each with its own
// connections for a fixed time; requests/s and p50/p99 latency, printed as one
// table. Afterwards every answered report is looked up in the database: lost
// (answered, not stored) and duplicated (one submission, its own description
// and Idempotency-Key, stored more than once) are counted, and should be zero. A measurement, not a test; build the server
// first (`npm run build`, or `npx tsc -b packages/server/tsconfig.build.json`).
//
//   node scripts/bench-server-engines.mjs [--seconds 8] [--connections 10] [--photo-connections 4] [--reports 200]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import sharp from 'sharp';
import { openDatabase } from '../packages/server/dist/db/open-database.js';
import { postgresBinaries, startPostgresCluster } from '../packages/server/test/helpers/postgres-cluster.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    'photo-connections': { type: 'string', default: '4' },
    reports: { type: 'string', default: '200' },
  },
});
const seconds = Number(values.seconds);
const cli = new URL('../packages/server/dist/cli.js', import.meta.url).pathname;
// Rate limits are per client address and the load tool is one address, so they are lifted here.
const lifted = '100000000';

const fields = {
  service_code: 'lift-breakdown',
  'attribute[fault_type]': 'stopped',
  'attribute[building]': '12',
  address_string: '示范区漕溪北路 1200 弄 12 号',
  lat: '31.19',
  long: '121.43',
  first_name: '王女士',
  phone: '13800000000',
};
const description = '12 号楼电梯停运两天了，老人上下楼很困难，请尽快派人维修。';
const urlencoded = (n) => new URLSearchParams({ ...fields, description: `${description} #${n}` }).toString();

const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#7a8c9e' } })
  .composite([{ input: Buffer.from('<svg width="1600" height="1200"><circle cx="800" cy="600" r="400" fill="#c33"/></svg>') }])
  .jpeg({ quality: 85 })
  .toBuffer();
const boundary = 'civic-bench-boundary';
const multipart = (n) =>
  Buffer.concat([
    ...Object.entries({ ...fields, description: `${description} #${n}` }).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    ),
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="media"; filename="photo.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`),
    photo,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

function startInstance(args) {
  const child = spawn(process.execPath, [cli, 'start', '--port', '0', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', CIVIC_RATE_LIMIT: lifted, CIVIC_READ_RATE_LIMIT: lifted, CIVIC_PHOTO_BUDGET: lifted },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /reference server (http:\/\/\S+)/.exec(output);
      if (found) resolve({ origin: found[1].replace('localhost', '127.0.0.1'), stop: () => (child.kill('SIGTERM'), exited) });
    });
    exited.then((code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

let counter = 0;
/** Runs one workload over every instance's origin; collects the tracking numbers answered to POSTs. */
async function load(origins, { method, connections, path, body, contentType, answered }) {
  const result = await autocannon({
    url: origins.map((origin) => `${origin}${typeof path === 'string' ? path : '/'}`),
    connections: connections * origins.length,
    duration: seconds,
    requests: [
      {
        method,
        setupRequest: (request) => {
          const n = ++counter;
          return {
            ...request,
            ...(typeof path === 'function' ? { path: path() } : {}),
            ...(body ? { body: body(n), headers: { ...request.headers, 'content-type': contentType, 'idempotency-key': randomUUID() } } : {}),
          };
        },
        onResponse: (status, text) => {
          if (answered && status === 200) answered.push(JSON.parse(text)[0].service_request_id);
        },
      },
    ],
  });
  return result;
}

async function scenario(label, location, args, instances) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-bench-engines-'));
  const started = [];
  try {
    for (let i = 0; i < instances; i++) started.push(await startInstance([...args, '--media-dir', join(dir, 'media')]));
    const origins = started.map((instance) => instance.origin);
    const ids = [];
    for (let n = 0; n < Number(values.reports); n++) {
      const answer = await fetch(`${origins[n % origins.length]}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: urlencoded(`seed-${n}`),
      });
      if (answer.status !== 200) throw new Error(`seeding failed: ${answer.status} ${await answer.text()}`);
      ids.push((await answer.json())[0].service_request_id);
    }
    const answered = [...ids];
    const rows = [];
    const post = await load(origins, { method: 'POST', connections: Number(values.connections), path: '/open311/v2/requests.json', body: urlencoded, contentType: 'application/x-www-form-urlencoded', answered });
    rows.push(['POST requests.json', post]);
    const photos = await load(origins, {
      method: 'POST',
      connections: Number(values['photo-connections']),
      path: '/open311/v2/requests.json',
      body: multipart,
      contentType: `multipart/form-data; boundary=${boundary}`,
      answered,
    });
    rows.push(['POST requests.json + photo', photos]);
    const get = await load(origins, { method: 'GET', connections: Number(values.connections), path: () => `/open311/v2/requests/${ids[Math.floor(Math.random() * ids.length)]}.json` });
    rows.push(['GET requests/{id}.json', get]);
    for (const instance of started.splice(0)) await instance.stop();

    const database = await openDatabase(location);
    const stored = await database.db.selectFrom('service_requests').select(['service_request_id', 'description']).execute();
    await database.close();
    const storedIds = new Set(stored.map((row) => row.service_request_id));
    const lost = new Set(answered.filter((id) => !storedIds.has(id))).size;
    // Each submission has a description of its own; the same tracking number answered twice is a duplicate too.
    const duplicated = stored.length - new Set(stored.map((row) => row.description)).size + (answered.length - new Set(answered).size);
    return rows.map(([what, result]) => ({ label, what, result, lost, duplicated }));
  } finally {
    for (const instance of started) await instance.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const table = [];
const sqliteDir = mkdtempSync(join(tmpdir(), 'civic-bench-sqlite-'));
try {
  const path = join(sqliteDir, 'civic.db');
  table.push(...(await scenario('SQLite, 1 instance', { path }, ['--db', path], 1)));
} finally {
  rmSync(sqliteDir, { recursive: true, force: true });
}
if (postgresBinaries()) {
  const cluster = await startPostgresCluster({ durable: true });
  try {
    for (const instances of [1, 2]) {
      const url = await cluster.createDatabase();
      table.push(...(await scenario(`PostgreSQL, ${instances} instance${instances > 1 ? 's' : ''}`, { url }, ['--database-url', url], instances)));
    }
  } finally {
    cluster.stop();
  }
} else {
  console.log('PostgreSQL not measured: no initdb and pg_ctl found (apt-get install postgresql).');
}

console.log(`\nCivic Widgets reference server, Node ${process.version}, ${values.reports} reports first, ${seconds} s per workload; ` +
  `${values.connections} connections per instance (${values['photo-connections']} with photos)`);
console.log('| engine | workload | requests/s | p50 ms | p99 ms | non-2xx / errors | lost | duplicated |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { label, what, result, lost, duplicated } of table) {
  console.log(
    `| ${label} | ${what} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} / ${result.errors + result.timeouts} | ${what.startsWith('POST') ? lost : ''} | ${what.startsWith('POST') ? duplicated : ''} |`,
  );
}
