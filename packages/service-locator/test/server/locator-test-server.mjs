// A real HTTP server for the <civic-service-locator> tests, in plain node:http.
//
//   GET /fixtures/{file}                a file of ../fixtures/ (GeoJSON, holiday calendars, broken data)
//   GET /generated?points=N           N service points around Xujiahui, e.g. points=100000
//   GET /ns/{ns}/…                    all of the above, recorded per namespace, plus:
//   GET /ns/{ns}/hostile.geojson      points whose every text is one of the payloads the test posted
//   GET /ns/{ns}/slow/{file}          a file of ../fixtures/, answered only when the test says so
//   GET /ns/{ns}/tiles/{z}/{x}/{y}.png  a map tile (a plain 256 × 256 PNG), as a district's tile server would
//   GET /ns/{ns}/__control/log        every request to the namespace, in order (path and query)
//   POST /ns/{ns}/__control/hostile   {"payloads": ["…", …]}
//   POST /ns/{ns}/__control/release   answers the held slow requests
//   POST /ns/{ns}/__control/mode?set=ok|500   how the namespace answers
//
// Answers any origin (CORS `*`, no credentials), as a district's open data would.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const json = 'application/json; charset=utf-8';
const geojson = 'application/geo+json; charset=utf-8';

/** Starts the server on 127.0.0.1; `port = 0` picks a free port. */
export async function startLocatorTestServer({ port = 0 } = {}) {
  const namespaces = new Map();
  const generated = new Map();
  const held = new Set();
  const server = createServer((req, res) => {
    handle(req, res, { namespaces, generated, held }).catch((error) => {
      console.error('[locator-test-server]', error);
      if (!res.headersSent) send(res, 500, String(error), 'text/plain');
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close() {
      for (const release of held) release();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res, status, body, type) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(req, res, context) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', '*');
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  const match = /^\/ns\/([\w.-]+)\/(.*)$/.exec(url.pathname);
  if (!match) return serve(res, url, url.pathname.slice(1), context);
  let ns = context.namespaces.get(match[1]);
  if (!ns) context.namespaces.set(match[1], (ns = { log: [], payloads: [], mode: 'ok', slow: [] }));
  const route = match[2];
  if (route === '__control/log') return send(res, 200, JSON.stringify({ requests: ns.log }), json);
  if (route === '__control/hostile') {
    ns.payloads = JSON.parse(await readBody(req)).payloads;
    return send(res, 200, '{}', json);
  }
  if (route === '__control/release') {
    for (const release of ns.slow.splice(0)) release();
    return send(res, 200, '{}', json);
  }
  if (route === '__control/mode') {
    ns.mode = url.searchParams.get('set') ?? 'ok';
    return send(res, 200, '{}', json);
  }
  ns.log.push({ method: req.method, path: route, search: url.search, referer: req.headers.referer ?? null });
  if (ns.mode !== 'ok') return send(res, Number(ns.mode), `The test server answers ${ns.mode}.`, 'text/plain');
  if (route === 'hostile.geojson') return send(res, 200, hostile(ns.payloads), geojson);
  if (/^tiles\/\d+\/\d+\/\d+\.png$/.test(route)) return send(res, 200, tilePng(), 'image/png');
  if (route.startsWith('slow/')) {
    return new Promise((resolve) => {
      const release = () => resolve(serve(res, url, route.slice('slow/'.length), context));
      ns.slow.push(release);
      context.held.add(release);
    });
  }
  return serve(res, url, route, context);
}

async function serve(res, url, route, context) {
  if (route === 'generated') {
    const count = Number(url.searchParams.get('points') ?? 100);
    if (!Number.isInteger(count) || count < 0 || count > 200_000) return send(res, 400, 'points must be 0 to 200000', 'text/plain');
    if (!context.generated.has(count)) context.generated.set(count, generatedPoints(count));
    return send(res, 200, context.generated.get(count), geojson);
  }
  if (route.startsWith('fixtures/')) {
    const path = normalize(join(dataDir, decodeURIComponent(route.slice('fixtures/'.length))));
    if (!path.startsWith(dataDir)) return send(res, 404, 'Not found', 'text/plain');
    try {
      return send(res, 200, await readFile(path), path.endsWith('.geojson') ? geojson : json);
    } catch {
      return send(res, 404, `No file ${route}`, 'text/plain');
    }
  }
  return send(res, 404, `No route ${route}`, 'text/plain');
}

const kinds = ['community-affairs-centre', 'party-community-centre', 'elderly-care-station', 'elderly-care-home', 'community-canteen', 'health-centre'];
const hours = ['Mo-Fr 08:30-11:30,13:00-17:00; Sa 09:00-12:00; PH off', 'Mo-Su 10:30-13:00,16:30-18:30', '24/7', 'Tu-Su 09:00-20:00'];
const subdistricts = ['徐家汇街道', '枫林路街道', '湖南路街道', '天平路街道', '斜土路街道', '漕河泾街道', '康健新村街道', '田林街道'];

/** Point i: spread over about 20 × 20 km around Xujiahui, with a deterministic mix of kinds, hours and subdistricts. */
export function generatedPoints(count) {
  const features = Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    id: `gen-${i}`,
    geometry: { type: 'Point', coordinates: [121.35 + ((i * 7919) % 10007) / 50035, 31.1 + ((i * 104729) % 10009) / 50045] },
    properties: {
      name: `第${i}号服务点 Service point ${i}`,
      kind: kinds[i % kinds.length],
      address: `示范路${i}号`,
      phone: `021-6400-${String(i % 10000).padStart(4, '0')}`,
      opening_hours: hours[i % hours.length],
      services: ['社保医保', '助餐'],
      subdistrict: subdistricts[i % subdistricts.length],
      search: [`di ${i} hao fuwudian`, `d${i}hfwd`],
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Each payload as name, address, service, subdistrict, phone, url and hours of one point. */
function hostile(payloads) {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: payloads.map((payload, i) => ({
      type: 'Feature',
      id: `hostile-${i}`,
      geometry: { type: 'Point', coordinates: [121.44 + i / 10000, 31.19] },
      properties: {
        name: payload,
        kind: payload,
        address: payload,
        services: [payload],
        subdistrict: { 'zh-Hans': payload, en: payload },
        phone: payload,
        url: payload,
        opening_hours: payload,
        wheelchair: payload,
      },
    })),
  });
}

let tile;

/** A 256 × 256 map tile: a light ground with darker edges, so the tile grid shows (PNG, 8-bit greyscale). */
export function tilePng() {
  if (tile) return tile;
  const size = 256;
  const rows = Buffer.alloc((size + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) rows[row + 1 + x] = x === 0 || y === 0 ? 0xb0 : 0xe8;
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  tile = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
  return tile;
}
