import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolUse } from '../db/open-database.js';
import type { IdempotencyStore } from '../http/idempotency.js';

/** The route that stores citizens' reports. */
const reportRoute = '/open311/v2/requests.json';
/** The label of requests that matched no route: raw URLs would make a label per URL (and carry ids or queries). */
const unmatched = '(unmatched)';

export interface ServerMetrics {
  readonly registry: Registry;
  /** The store with every answer replayed from an `Idempotency-Key` counted. */
  countingReplays(store: IdempotencyStore): IdempotencyStore;
  /**
   * Reports a database pool's use as `civic_db_pool_connections{state}`, read
   * at each scrape. A later call replaces the reader (one pool per server).
   */
  registerPoolGauge(read: () => PoolUse): void;
  /** Counts every request by route pattern and status, and its latency; call before routes are registered. */
  install(app: FastifyInstance): void;
}

/**
 * Prometheus metrics of one server: its own registry (several servers in one
 * process, as in the tests, never share counters), the process's default
 * metrics, HTTP requests by route pattern and status, and the server's own
 * events.
 */
export function serverMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route pattern and status.', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by route pattern and status.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'civic_rate_limit_refusals_total',
    help: 'Requests refused with 429 by a rate limit (reports, ratings, reads, photos, staff), by route pattern.',
    labelNames: ['route'],
    registers: [registry],
  });
  const accepted = new Counter({ name: 'civic_reports_accepted_total', help: 'Reports stored (POST requests.json answered 200, replays not counted).', registers: [registry] });
  const replays = new Counter({
    name: 'civic_idempotent_replays_total',
    help: 'Repeated POSTs answered with the stored answer of their Idempotency-Key (a widget retrying from its outbox), by scope.',
    labelNames: ['scope'],
    registers: [registry],
  });
  let readPool: (() => PoolUse) | undefined;
  let poolGauge: Gauge<'state'> | undefined;

  // Each series's children, found once: prom-client otherwise hashes the labels on every
  // request. Route patterns, methods and statuses are few, so this stays small.
  const series = new Map<string, { count: Counter.Internal; time: Histogram.Internal<(typeof labelNames)[number]> }>();
  function seriesOf(method: string, route: string, status: number) {
    const key = `${method} ${status} ${route}`;
    let found = series.get(key);
    if (!found) {
      found = { count: requests.labels(method, route, String(status)), time: latency.labels(method, route, String(status)) };
      series.set(key, found);
    }
    return found;
  }

  // A replay's answer is sent by the route; its key tells the response hook not to count it as a new report.
  const replayedKeys = new Map<string, number>();
  function takeReplay(request: FastifyRequest): boolean {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return false;
    const pending = replayedKeys.get(key) ?? 0;
    if (pending === 0) return false;
    if (pending === 1) replayedKeys.delete(key);
    else replayedKeys.set(key, pending - 1);
    return true;
  }

  return {
    registry,
    countingReplays(store) {
      return {
        ...store,
        async claim(executor, scope, key, fingerprint) {
          const claim = await store.claim(executor, scope, key, fingerprint);
          if (claim.kind === 'replay') {
            replays.inc({ scope });
            replayedKeys.set(key, (replayedKeys.get(key) ?? 0) + 1);
          }
          return claim;
        },
      };
    },
    registerPoolGauge(read) {
      readPool = read;
      poolGauge ??= new Gauge({
        name: 'civic_db_pool_connections',
        help: 'Database connections: total, idle, and requests waiting for one.',
        labelNames: ['state'],
        registers: [registry],
        collect() {
          const use = readPool!();
          this.set({ state: 'total' }, use.total);
          this.set({ state: 'idle' }, use.idle);
          this.set({ state: 'waiting' }, use.waiting);
        },
      });
    },
    install(app) {
      app.addHook('onResponse', (request, reply, done) => {
        const route = request.routeOptions.url ?? unmatched;
        const series = seriesOf(request.method, route, reply.statusCode);
        series.count.inc();
        series.time.observe(reply.elapsedTime / 1000);
        if (reply.statusCode === 429) refusals.inc({ route });
        const replayed = takeReplay(request);
        if (route === reportRoute && request.method === 'POST' && reply.statusCode === 200 && !replayed) accepted.inc();
        done();
      });
      app.addHook('onRequestAbort', (request, done) => {
        takeReplay(request);
        done();
      });
    },
  };
}

/** GET /metrics in Prometheus's text format; `protect` is the staff token check, absent on the separate metrics listener. */
export async function metricsRoute(
  app: FastifyInstance,
  registry: Registry,
  protect?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
): Promise<void> {
  app.get('/metrics', protect ? { preValidation: protect } : {}, async (_request, reply) => {
    reply.header('Cache-Control', 'no-store').type(registry.contentType);
    return registry.metrics();
  });
}
