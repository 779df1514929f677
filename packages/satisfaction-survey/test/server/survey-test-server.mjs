// A real survey server for tests, in plain node:http, answering as the
// reference server's /surveys routes do (POST responses, GET summary).
//
// One server runs for the whole test run, so every route lives under
// /ns/{namespace}/ and each namespace has its own in-memory state. Through
// /ns/{ns}/__control/ a test reads what arrived and switches failure modes.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const modes = new Set([
  'ok',
  // POST answers 503 (problem+json), no Retry-After.
  'fail-503',
  // POST answers 400 with an RFC 9457 problem in the server's own (Chinese) words.
  'fail-400',
  // Every route answers 500 (problem+json).
  'fail-500',
  // Requests get no answer until the server closes.
  'hang',
  // The connection drops, not even a preflight is answered: an unreachable server.
  'down',
  // POST answers 503 with `Retry-After: 120`.
  'retry-after-503',
  // The summary is not JSON.
  'malformed-summary',
  // The summary is JSON, but its counts cannot be true (see hostileSummaries).
  'hostile-summary',
]);

/** Seconds the retry-after mode asks a client to wait. */
const retryAfterSeconds = 120;
const maxBodyBytes = 64 * 1024;
const maxComment = 1000;

/** The reference server's scales (packages/server/src/surveys/survey-schema.ts). */
const scaleRanges = {
  'five-level': { min: 1, max: 5, satisfiedFrom: 3 },
  helpful: { min: 0, max: 1, satisfiedFrom: 1 },
  csat: { min: 1, max: 5, satisfiedFrom: 4 },
  ces: { min: 1, max: 7, satisfiedFrom: 5 },
  nps: { min: 0, max: 10, satisfiedFrom: 9 },
};
const reasonCodes = new Set(['efficiency', 'guide-accuracy', 'convenience', 'usability', 'attitude', 'other']);
const responseFields = new Set(['scale', 'rating', 'reasons', 'comment', 'callback', 'serviceId', 'pageUrl', 'locale', 'submittedAt']);

/** The 400 of 'fail-400', exactly as a district server words it. */
export const refusalProblem = { type: 'about:blank', title: '服务编号无效。', status: 400 };

/**
 * Summaries no real server would send, chosen with `?variant=` on the summary
 * URL in 'hostile-summary' mode (default `negative`).
 */
const hostileSummaries = {
  negative: (service, scale) => ({ service, scale, total: 3, counts: { 5: 5, 4: -2, 3: 0, 2: 0, 1: 0 }, satisfied: 3, satisfiedShare: 1 }),
  'unknown-grade': (service, scale) => ({ service, scale, total: 10, counts: { 5: 4, 9: 6 }, satisfied: 4, satisfiedShare: 0.4 }),
  fraction: (service, scale) => ({ service, scale, total: 2, counts: { 5: 1.5, 1: 0.5 }, satisfied: 1.5, satisfiedShare: 0.75 }),
  'no-counts': (service, scale) => ({ service, scale, total: 7, satisfied: 7, satisfiedShare: 1 }),
  'counts-array': (service, scale) => ({ service, scale, total: 2, counts: [1, 1], satisfied: 1, satisfiedShare: 0.5 }),
  'huge-count': (service, scale) => ({ service, scale, total: 1e300, counts: { 5: 1e300 }, satisfied: 1e300, satisfiedShare: 1 }),
  'text-count': (service, scale) => ({ service, scale, total: 3, counts: { 5: '3' }, satisfied: 3, satisfiedShare: 1 }),
  'script-grade': (service, scale) => ({ service, scale, total: 1, counts: { '<img src=x onerror=alert(1)>': 1 }, satisfied: 1, satisfiedShare: 1 }),
};

/** Starts the server on 127.0.0.1; `port = 0` picks a free port. */
export async function startSurveyTestServer({ port = 0 } = {}) {
  const namespaces = new Map();
  // Requests held back in 'hang' mode; ended when the server closes.
  const held = new Set();
  const server = createServer((req, res) => {
    handle(req, res, namespaces, held).catch((error) => {
      console.error('[survey-test-server]', error);
      if (!res.headersSent) sendProblem(res, 500, 'Internal test server error', String(error));
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

function namespaceState() {
  return {
    mode: 'ok',
    /** Every POST to surveys/responses, in arrival order, whatever was answered. */
    received: [],
    /** Responses actually stored (idempotent repeats and refusals excluded). */
    stored: [],
    /** Idempotency-Key → the first successful answer, replayed on repeats. */
    replies: new Map(),
    /** Requests held unanswered in 'hang' mode, and whether the client gave up on them (closed the connection). */
    hung: [],
  };
}

async function handle(req, res, namespaces, held) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  allowCors(req, res);
  const match = /^\/ns\/([\w.-]+)\/(.+)$/.exec(url.pathname);
  let ns;
  if (match) {
    ns = namespaces.get(match[1]);
    if (!ns) namespaces.set(match[1], (ns = namespaceState()));
    // Control routes stay up in every mode, so a test can always recover.
    if (!match[2].startsWith('__control/')) {
      if (ns.mode === 'down') return void req.socket.destroy();
      if (ns.mode === 'hang' && req.method !== 'OPTIONS') {
        // Read what was sent first: 'received' then shows the request that is hanging.
        if (req.method === 'POST' && match[2] === 'surveys/responses') record(req, ns, await readBody(req));
        const hung = { method: req.method, path: match[2], search: url.search, cancelled: false };
        ns.hung.push(hung);
        // Only the client closes a held request's connection before the server stops.
        res.on('close', () => (hung.cancelled = true));
        return void held.add(() => req.socket.destroy());
      }
    }
  }
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  // What a client sends about itself beyond the request, with credentials allowed
  // (only here), so a test can show that a cookie would arrive if a client sent it.
  if (url.pathname === '/echo-headers') {
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    return send(res, 200, { referer: header(req, 'referer'), cookie: header(req, 'cookie'), origin: header(req, 'origin') });
  }
  if (!match) return sendProblem(res, 404, 'Unknown route');
  const route = match[2];
  if (route.startsWith('__control/')) return control(req, res, ns, route.slice('__control/'.length), url);
  if (ns.mode === 'fail-500') return sendProblem(res, 500, 'Internal server error');
  if (req.method === 'POST' && route === 'surveys/responses') return postResponse(req, res, ns);
  if (req.method === 'GET' && route === 'surveys/summary') return summary(req, res, ns, url.searchParams);
  return sendProblem(res, 404, 'Unknown route');
}

function record(req, ns, body) {
  const text = body?.toString('utf8') ?? '';
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const entry = {
    headers: {
      'idempotency-key': header(req, 'idempotency-key'),
      'content-type': header(req, 'content-type'),
      'accept-language': header(req, 'accept-language'),
      // Neither should ever arrive: the widget sends no Referer and no cookies.
      referer: header(req, 'referer'),
      cookie: header(req, 'cookie'),
    },
    // The parsed JSON body; null when it was not JSON (then `text` says what came).
    body: json === undefined ? null : json,
    text: json === undefined ? text.slice(0, 2000) : null,
  };
  ns.received.push(entry);
  return entry;
}

async function postResponse(req, res, ns) {
  const bytes = await readBody(req);
  if (bytes === undefined) return sendProblem(res, 413, 'Request too large');
  const { body } = record(req, ns, bytes);
  const key = header(req, 'idempotency-key');

  if (ns.mode === 'fail-400') return send(res, 400, refusalProblem, problemType);
  if (ns.mode === 'fail-503') return sendProblem(res, 503, 'Service unavailable');
  if (ns.mode === 'retry-after-503') {
    return sendProblem(res, 503, 'Service unavailable', undefined, { 'Retry-After': String(retryAfterSeconds) });
  }
  if (key && ns.replies.has(key)) {
    const reply = ns.replies.get(key);
    return send(res, reply.status, reply.body);
  }
  if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return sendProblem(res, 415, 'Send application/json');
  }
  if (body === null) return sendProblem(res, 400, 'The body is not JSON');
  const problem = validateResponse(body);
  if (problem) return sendProblem(res, 400, 'The rating is not valid', problem);

  const stored = { id: ns.stored.length + 1, receivedAt: new Date().toISOString(), response: body };
  ns.stored.push(stored);
  const answer = { id: stored.id, receivedAt: stored.receivedAt };
  // Only a stored rating is remembered: a retry after a 503 must still go through.
  if (key) ns.replies.set(key, { status: 201, body: answer });
  return send(res, 201, answer);
}

/** The reference server's checks (survey-schema.ts and survey-routes.ts), with a reason in English. */
function validateResponse(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be an object';
  const extra = Object.keys(body).filter((name) => !responseFields.has(name));
  if (extra.length > 0) return `unknown field(s): ${extra.join(', ')}`;
  const range = scaleRanges[body.scale];
  if (!range) return `scale must be one of ${Object.keys(scaleRanges).join(', ')}`;
  if (!Number.isInteger(body.rating) || body.rating < range.min || body.rating > range.max) {
    return `rating must be a whole number from ${range.min} to ${range.max} on the ${body.scale} scale`;
  }
  if (typeof body.serviceId !== 'string' || body.serviceId.length < 1 || body.serviceId.length > 200) return 'serviceId is required';
  if (body.reasons !== undefined) {
    if (!Array.isArray(body.reasons) || body.reasons.some((code) => !reasonCodes.has(code))) return 'reasons has an unknown code';
    if (new Set(body.reasons).size !== body.reasons.length) return 'reasons repeats a code';
  }
  if (body.comment !== undefined && (typeof body.comment !== 'string' || body.comment.length > maxComment)) {
    return `comment must be text of at most ${maxComment} characters`;
  }
  if (body.callback !== undefined) {
    const { callback } = body;
    if (typeof callback !== 'object' || callback === null || Object.keys(callback).some((name) => name !== 'name' && name !== 'phone')) {
      return 'callback must be {name, phone}';
    }
    // Counted in code points, as JSON Schema's maxLength (Ajv) counts them in the reference server.
    if (typeof callback.name !== 'string' || callback.name.length < 1 || [...callback.name].length > 100) return 'callback.name is required';
    if (typeof callback.phone !== 'string' || !/^[0-9+()\- ]{1,40}$/.test(callback.phone)) return 'callback.phone is not a phone number';
  }
  if (body.pageUrl !== undefined && (typeof body.pageUrl !== 'string' || !/^https?:\/\//i.test(body.pageUrl))) return 'pageUrl must be an http(s) URL';
  if (body.locale !== undefined && (typeof body.locale !== 'string' || body.locale.length > 35)) return 'locale is too long';
  if (body.submittedAt !== undefined && (typeof body.submittedAt !== 'string' || Number.isNaN(Date.parse(body.submittedAt)))) {
    return 'submittedAt must be a date-time';
  }
  return undefined;
}

/**
 * Counted from what this namespace stored, in the reference server's shape
 * (survey-summary.ts), and cached as it caches it: browsers may reuse it for
 * 60 s, and its ETag changes with every stored rating, so a client that
 * revalidates (`cache: 'no-cache'`) gets a 304 while nothing changed and the
 * new counts as soon as a rating arrived.
 */
function summary(req, res, ns, params) {
  const service = params.get('service');
  const scale = params.get('scale') ?? 'five-level';
  if (!service) return sendProblem(res, 400, 'service is required');
  const range = scaleRanges[scale];
  if (!range) return sendProblem(res, 400, `scale must be one of ${Object.keys(scaleRanges).join(', ')}`);
  if (ns.mode === 'malformed-summary') return sendRaw(res, 200, '<!doctype html><title>Maintenance</title>', 'text/html; charset=utf-8');
  if (ns.mode === 'hostile-summary') {
    const variant = hostileSummaries[params.get('variant') ?? 'negative'];
    if (!variant) return sendProblem(res, 400, `no hostile variant ${params.get('variant')}`);
    return send(res, 200, variant(service, scale));
  }
  const counts = {};
  let total = 0;
  let satisfied = 0;
  for (let grade = range.min; grade <= range.max; grade++) {
    const n = ns.stored.filter(({ response }) => response.serviceId === service && response.scale === scale && response.rating === grade).length;
    counts[String(grade)] = n;
    total += n;
    if (grade >= range.satisfiedFrom) satisfied += n;
  }
  const caching = { 'Cache-Control': 'public, max-age=60', ETag: `W/"${ns.stored.length}"` };
  if (header(req, 'if-none-match') === caching.ETag) return void res.writeHead(304, caching).end();
  const to = new Date();
  return send(res, 200, {
    service,
    scale,
    from: new Date(to.getTime() - 90 * 86_400_000).toISOString(),
    to: to.toISOString(),
    total,
    counts,
    satisfied,
    satisfiedShare: total === 0 ? null : Math.round((satisfied / total) * 10_000) / 10_000,
  }, undefined, caching);
}

async function control(req, res, ns, action, url) {
  if (action === 'received' && req.method === 'GET') {
    return send(res, 200, { mode: ns.mode, received: ns.received, stored: ns.stored.length });
  }
  if (action === 'hung' && req.method === 'GET') return send(res, 200, { hung: ns.hung });
  if (action === 'mode' && (req.method === 'GET' || req.method === 'POST')) {
    const mode = url.searchParams.get('set');
    if (!modes.has(mode)) return sendProblem(res, 400, `Unknown mode ${mode}`);
    ns.mode = mode;
    return send(res, 200, { mode });
  }
  return sendProblem(res, 404, 'Unknown control');
}

// Reflects any Origin (widgets are embedded on many district sites); never
// allows credentials (except /echo-headers), and the server never sets cookies.
function allowCors(req, res) {
  if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
  // So a cross-origin client can read the delay the retry-after mode asks for.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Access-Control-Max-Age', '0');
}

const problemType = 'application/problem+json; charset=utf-8';

function sendProblem(res, status, title, detail, headers = {}) {
  send(res, status, { type: 'about:blank', title, status, ...(detail === undefined ? {} : { detail }) }, problemType, headers);
}

function send(res, status, value, type = 'application/json; charset=utf-8', headers = {}) {
  sendRaw(res, status, JSON.stringify(value), type, headers);
}

function sendRaw(res, status, text, type, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { origin, close } = await startSurveyTestServer({ port: Number(process.argv[2] ?? 0) });
  console.log(`Survey test server: ${origin}/ns/<namespace>/surveys/`);
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
