// A real Open311 GeoReport v2 (JSON) server for tests, in plain node:http.
//
// Tests must not share state, yet one server runs for the whole test run, so
// every route lives under /ns/{namespace}/ and each namespace gets its own
// in-memory state (seeded on first use). /ns/{ns}/__control/ lets a test read
// what arrived, switch failure modes, hold chosen GETs unanswered (and see
// whether the client closed them) and play the part of staff.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { agencies, seedFor, serviceNotice } from './open311-seed.mjs';

const modes = new Set([
  'ok',
  'fail-503',
  'fail-400',
  // 400 with an empty body: no Open311 error description to show.
  'fail-400-bare',
  'hang',
  'token',
  'malformed',
  'down',
  // 409 / 425: an Idempotency-Key server's "the first try of this key is still being processed".
  'conflict-409',
  'too-early-425',
  // 503 with Retry-After, in seconds or as an HTTP date.
  'retry-after-503',
  'retry-after-date-503',
  // Only service definitions (services/{code}.json) are unreachable: the connection drops.
  'definitions-down',
  // Progress lookups (requests/{id}.json) answer after a second and a half.
  'slow-lookups',
  // A hostile catalogue: services.json lists 20,000 services (about 3 MB); bulk-0's questions have 5,000 choices each.
  'huge-catalogue',
]);
const hugeServiceCount = 20_000;
const hugeValueCount = 5_000;
let hugeCatalogue;

/** The huge catalogue, made once: its services.json text and bulk-0's definition. */
function hugeCatalogueData() {
  hugeCatalogue ??= {
    services: JSON.stringify(
      Array.from({ length: hugeServiceCount }, (_, index) => ({
        service_code: `bulk-${index}`,
        service_name: `Category ${index}`,
        description: 'One of very many categories',
        metadata: index === 0,
        type: 'realtime',
        keywords: '',
        group: `Group ${index % 50}`,
      })),
    ),
    definition: {
      service_code: 'bulk-0',
      attributes: ['singlevaluelist', 'multivaluelist'].map((datatype, order) => ({
        variable: true,
        code: datatype,
        datatype,
        required: false,
        datatype_description: '',
        order,
        description: `Pick from ${hugeValueCount}`,
        values: Array.from({ length: hugeValueCount }, (_, index) => ({ key: `v${index}`, name: `Choice ${index}` })),
      })),
    },
  };
  return hugeCatalogue;
}
/** Seconds the retry-after modes ask a client to wait. */
const retryAfterSeconds = 120;
const maxBodyBytes = 20 * 1024 * 1024;
const maxDescription = 4000;

/** Starts the server on 127.0.0.1; `port = 0` picks a free port. */
export async function startOpen311TestServer({ port = 0 } = {}) {
  const namespaces = new Map();
  // Answers held back in 'hang' mode and by /slow; ended when the server closes.
  const held = new Set();
  const server = createServer((req, res) => {
    handle(req, res, namespaces, held).catch((error) => {
      console.error('[open311-test-server]', error);
      if (!res.headersSent) send(res, 500, [{ code: 500, description: String(error) }]);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close() {
      for (const release of held) release();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A namespace's seed follows its name: `other-…` and `tricky-…` get their own (see open311-seed.mjs). */
function namespaceState(name) {
  const seed = seedFor(name);
  return {
    mode: 'ok',
    /** The `service_notice` of new requests; a test may change it (control/notice), e.g. to the reference server's. */
    notice: serviceNotice,
    // `yearly-…` namespaces number requests as the reference server does (2026-000001), others SR-1, SR-2…
    requestId: name.startsWith('yearly-')
      ? (serial) => `${new Date().getFullYear()}-${String(serial).padStart(6, '0')}`
      : (serial) => `SR-${serial}`,
    services: structuredClone(seed.services),
    definitions: structuredClone(seed.definitions),
    requests: new Map(),
    tokens: new Map(),
    received: [],
    /** Request id → the `civic_review` mark it arrived with (our extension: "suspected-spam"), kept out of public views. */
    reviews: new Map(),
    /** Idempotency-Key → the first successful answer, replayed on repeats. */
    replies: new Map(),
    media: [],
    /** Routes whose GETs are held unanswered (control/hold), e.g. `v2/services.json` or `v2/requests/SR-9.json`. */
    holding: new Set(),
    /** Every GET held so far, and whether the client closed its connection (gave up on it). */
    held: [],
  };
}

async function handle(req, res, namespaces, held) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  allowCors(req, res);
  const match = /^\/ns\/([\w.-]+)\/(.+)$/.exec(url.pathname);
  let ns;
  if (match) {
    ns = namespaces.get(match[1]);
    if (!ns) namespaces.set(match[1], (ns = namespaceState(match[1])));
    // 'down' looks like an unreachable server: the connection drops, no answer,
    // not even to a preflight. Control routes stay up so a test can recover.
    if (ns.mode === 'down' && !match[2].startsWith('__control/')) return void req.socket.destroy();
    if (ns.mode === 'definitions-down' && /^v2\/services\/[^/]+\.json$/.test(match[2])) return void req.socket.destroy();
  }
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  if (url.pathname === '/slow') return slow(res, Number(url.searchParams.get('ms') ?? 1000), held);
  if (url.pathname === '/json-broken') return sendRaw(res, 200, '{oops');
  // What a client sent about itself beyond the request: a test checks that nothing leaks.
  // The only route that allows credentials, so a test can prove a cookie would arrive if a client sent it.
  if (url.pathname === '/echo-headers') {
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    return send(res, 200, { referer: header(req, 'referer'), cookie: header(req, 'cookie'), origin: header(req, 'origin') });
  }

  if (!match) return send(res, 404, [{ code: 404, description: 'Unknown route' }]);
  const [, name, route] = match;
  if (route.startsWith('__control/')) return control(req, res, ns, route.slice('__control/'.length));

  const base = `http://${req.headers.host}/ns/${name}`;
  const get = req.method === 'GET';
  if (get && ns.holding.has(route)) {
    const entry = { route, closed: false };
    ns.held.push(entry);
    res.on('close', () => (entry.closed = true));
    return void held.add(() => req.socket.destroy());
  }
  let part;
  if (get && (part = /^media\/(\d+)\.jpg$/.exec(route))) return sendMedia(res, ns.media[Number(part[1]) - 1]);
  if (get && route === 'v2/services.json') {
    if (ns.mode === 'huge-catalogue') return sendRaw(res, 200, hugeCatalogueData().services);
    return ns.mode === 'malformed' ? sendRaw(res, 200, '{not json') : send(res, 200, ns.services);
  }
  if (get && ns.mode === 'huge-catalogue' && route === 'v2/services/bulk-0.json') return send(res, 200, hugeCatalogueData().definition);
  if (get && (part = /^v2\/services\/([^/]+)\.json$/.exec(route))) return serviceDefinition(res, ns, decodeURIComponent(part[1]));
  if (get && route === 'v2/requests.json') return listRequests(res, ns, url.searchParams);
  if (get && (part = /^v2\/requests\/([^/]+)\.json$/.exec(route))) {
    const request = ns.requests.get(decodeURIComponent(part[1]));
    const answer = () => (request ? send(res, 200, [request]) : send(res, 404, [{ code: 404, description: 'Request not found' }]));
    if (ns.mode !== 'slow-lookups') return answer();
    const timer = setTimeout(answer, 1500);
    return void held.add(() => clearTimeout(timer));
  }
  if (get && (part = /^v2\/tokens\/([^/]+)\.json$/.exec(route))) {
    const token = decodeURIComponent(part[1]);
    const id = ns.tokens.get(token);
    return id ? send(res, 200, [{ service_request_id: id, token }]) : send(res, 404, [{ code: 404, description: 'Token not found' }]);
  }
  if (req.method === 'POST' && route === 'v2/requests.json') return postRequest(req, res, ns, base, held, url);
  return send(res, 404, [{ code: 404, description: 'Unknown route' }]);
}

function serviceDefinition(res, ns, code) {
  const service = ns.services.find((item) => item.service_code === code);
  if (!service) return send(res, 404, [{ code: 404, description: 'Service not found' }]);
  return send(res, 200, ns.definitions[code] ?? { service_code: code, attributes: [] });
}

function listRequests(res, ns, params) {
  const ids = params.get('service_request_id')?.split(',').filter(Boolean);
  const code = params.get('service_code');
  const status = params.get('status');
  const found = [...ns.requests.values()].filter(
    (item) =>
      !ns.reviews.has(item.service_request_id) &&
      (!ids || ids.includes(item.service_request_id)) &&
      (!code || item.service_code === code) &&
      (!status || item.status === status),
  );
  return send(res, 200, found);
}

async function postRequest(req, res, ns, base, held, url) {
  const body = await readBody(req);
  if (body === undefined) return send(res, 413, [{ code: 413, description: 'Request too large' }]);
  const contentType = req.headers['content-type'] ?? '';
  const key = header(req, 'idempotency-key');
  const { fields, files } = await parseForm(contentType, body);
  const media = files.map((file) => {
    ns.media.push(file);
    return { size: file.bytes.length, type: file.type, url: `${base}/media/${ns.media.length}.jpg` };
  });
  ns.received.push({
    headers: {
      'idempotency-key': key,
      'content-type': contentType || null,
      'accept-language': header(req, 'accept-language'),
      // Neither should ever arrive: the widget sends no Referer and no cookies.
      referer: header(req, 'referer'),
      cookie: header(req, 'cookie'),
    },
    // The query string of the POST (e.g. a gateway's key kept from the endpoint, jurisdiction_id).
    query: Object.fromEntries(url.searchParams),
    fields,
    media,
  });

  if (ns.mode === 'hang') return void held.add(() => req.socket.destroy());
  if (ns.mode === 'fail-503') return send(res, 503, [{ code: 503, description: 'Service unavailable' }]);
  if (ns.mode === 'fail-400') return send(res, 400, [{ code: 400, description: 'The address is outside the district.' }]);
  if (ns.mode === 'fail-400-bare') return sendRaw(res, 400, '');
  if (ns.mode === 'conflict-409' || ns.mode === 'too-early-425') {
    const status = ns.mode === 'conflict-409' ? 409 : 425;
    return send(res, status, [{ code: status, description: 'A request with this Idempotency-Key is still being processed.' }]);
  }
  if (ns.mode === 'retry-after-503' || ns.mode === 'retry-after-date-503') {
    const retryAfter =
      ns.mode === 'retry-after-503' ? String(retryAfterSeconds) : new Date(Date.now() + retryAfterSeconds * 1000).toUTCString();
    return send(res, 503, [{ code: 503, description: 'Service unavailable' }], { 'Retry-After': retryAfter });
  }
  if (key && ns.replies.has(key)) return send(res, 200, ns.replies.get(key));
  if (fields === undefined) {
    return send(res, 400, [{ code: 400, description: 'Send application/x-www-form-urlencoded or multipart/form-data' }]);
  }

  const problem = validate(ns, fields);
  if (problem) return send(res, 400, [{ code: 400, description: problem }]);
  const request = createRequest(ns, fields, media);
  const answer = { service_notice: ns.notice, account_id: null };
  let reply;
  if (ns.mode === 'token') {
    const token = `TK-${ns.requests.size}`;
    ns.tokens.set(token, request.service_request_id);
    reply = [{ token, ...answer }];
  } else {
    reply = [{ service_request_id: request.service_request_id, ...answer }];
  }
  // Only a created request is remembered: a retry after a 503 must still go through.
  if (key) ns.replies.set(key, reply);
  return send(res, 200, reply);
}

function validate(ns, fields) {
  const code = first(fields, 'service_code');
  if (!code) return 'service_code is required';
  if (!ns.services.some((item) => item.service_code === code)) return `service_code '${code}' is not a known service`;
  if ((first(fields, 'description') ?? '').length > maxDescription) {
    return `description must be at most ${maxDescription} characters`;
  }
  for (const attr of ns.definitions[code]?.attributes ?? []) {
    if (!attr.variable) continue;
    const values = fields[`attribute[${attr.code}]`] ?? fields[`attribute[${attr.code}][]`] ?? [];
    if (attr.required && !values.some((value) => value !== '')) return `attribute[${attr.code}] is required`;
    const keys = attr.values?.map((value) => value.key);
    const bad = keys && values.find((value) => value !== '' && !keys.includes(value));
    if (bad) return `attribute[${attr.code}] has no value '${bad}'`;
    if (attr.datatype === 'number' && values.some((value) => value !== '' && !Number.isFinite(Number(value)))) {
      return `attribute[${attr.code}] must be a number`;
    }
  }
  return undefined;
}

function createRequest(ns, fields, media) {
  const code = first(fields, 'service_code');
  const now = Date.now();
  const coordinate = (name) => (first(fields, name) ? Number(first(fields, name)) : null);
  const request = {
    service_request_id: ns.requestId(ns.requests.size + 1),
    status: 'open',
    status_notes: null,
    service_name: ns.services.find((item) => item.service_code === code).service_name,
    service_code: code,
    description: first(fields, 'description') ?? '',
    agency_responsible: agencies[code] ?? null,
    service_notice: ns.notice,
    requested_datetime: chinaTime(now),
    updated_datetime: chinaTime(now),
    expected_datetime: chinaTime(now + 3 * 24 * 3600_000),
    address: first(fields, 'address_string') ?? null,
    lat: coordinate('lat'),
    long: coordinate('long'),
    media_url: media[0]?.url ?? first(fields, 'media_url') ?? null,
  };
  ns.requests.set(request.service_request_id, request);
  const review = first(fields, 'civic_review');
  if (review) ns.reviews.set(request.service_request_id, review);
  return request;
}

async function control(req, res, ns, action) {
  if (req.method === 'GET' && action === 'received') {
    return send(res, 200, { received: ns.received, created: ns.requests.size, reviews: Object.fromEntries(ns.reviews) });
  }
  if (req.method === 'GET' && action === 'held') return send(res, 200, ns.held);
  if (req.method !== 'POST') return send(res, 404, [{ code: 404, description: 'Unknown control' }]);
  let input;
  try {
    input = JSON.parse((await readBody(req))?.toString('utf8') ?? '');
  } catch {
    return send(res, 400, [{ code: 400, description: 'Send JSON' }]);
  }
  if (action === 'mode') {
    if (!modes.has(input.mode)) return send(res, 400, [{ code: 400, description: `Unknown mode ${input.mode}` }]);
    ns.mode = input.mode;
    return send(res, 200, { mode: ns.mode });
  }
  if (action === 'hold') {
    if (!Array.isArray(input.routes)) return send(res, 400, [{ code: 400, description: 'Send { routes: [...] }' }]);
    ns.holding = new Set(input.routes);
    return send(res, 200, { routes: input.routes });
  }
  if (action === 'notice') {
    ns.notice = typeof input.notice === 'string' ? input.notice : null;
    return send(res, 200, { notice: ns.notice });
  }
  if (action === 'update') {
    const request = ns.requests.get(input.id);
    if (!request) return send(res, 404, [{ code: 404, description: 'Request not found' }]);
    for (const field of ['status', 'status_notes', 'agency_responsible']) {
      if (input[field] !== undefined) request[field] = input[field];
    }
    request.updated_datetime = chinaTime(Date.now());
    return send(res, 200, [request]);
  }
  return send(res, 404, [{ code: 404, description: 'Unknown control' }]);
}

/** Fields as `{ name: [values] }` (names repeat); `media` files kept apart; undefined for other bodies. */
async function parseForm(contentType, body) {
  const fields = {};
  const files = [];
  const add = (name, value) => (fields[name] ??= []).push(value);
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) add(name, value);
  } else if (contentType.startsWith('multipart/form-data')) {
    // The WHATWG parser in Node's fetch, so multipart is read as browsers write it.
    const form = await new Request('http://open311.test/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
    for (const [name, value] of form) {
      if (typeof value === 'string') add(name, value);
      else if (name === 'media') files.push({ type: value.type || 'application/octet-stream', bytes: Buffer.from(await value.arrayBuffer()) });
      else add(name, value.name);
    }
  } else {
    return { fields: undefined, files };
  }
  return { fields, files };
}

function sendMedia(res, file) {
  if (!file) return send(res, 404, [{ code: 404, description: 'Media not found' }]);
  res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.bytes.length, 'Cache-Control': 'no-store' });
  res.end(file.bytes);
}

function slow(res, ms, held) {
  const release = () => {
    clearTimeout(timer);
    held.delete(release);
    if (!res.writableEnded) send(res, 200, { waited: ms });
  };
  const timer = setTimeout(release, ms);
  held.add(release);
  res.on('close', () => {
    clearTimeout(timer);
    held.delete(release);
  });
}

// Reflects any Origin (widgets are embedded on many district sites); never
// allows credentials, and the server never sets cookies.
function allowCors(req, res) {
  if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
  // So a cross-origin client can read the delay a retry-after mode asks for.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Access-Control-Max-Age', '0');
}

function send(res, status, value, headers = {}) {
  sendRaw(res, status, JSON.stringify(value), headers);
}

function sendRaw(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function header(req, name) {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function first(fields, name) {
  return fields[name]?.[0];
}

/** ISO 8601 in China Standard Time, as district back offices send it. */
function chinaTime(ms) {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { origin, close } = await startOpen311TestServer({ port: Number(process.argv[2] ?? 0) });
  console.log(`Open311 test server: ${origin}/ns/<namespace>/v2/`);
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
