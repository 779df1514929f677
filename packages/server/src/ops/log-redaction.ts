import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import ipaddr from 'ipaddr.js';

/**
 * A client's network instead of its address: IPv4 to its /24, IPv6 to its
 * /48 (a site), enough to see that a flood comes from one place, not enough
 * to name a household. An IPv4-mapped IPv6 address counts as IPv4.
 */
export function truncatedAddress(address: string | undefined): string | undefined {
  if (address === undefined || address === '') return address;
  let network = recentNetworks.get(address);
  if (network === undefined) {
    network = networkOf(address);
    // Parsing costs 3 µs (IPv4) to 9 µs (IPv6) a line; a client sends many requests.
    if (recentNetworks.size >= 4096) recentNetworks.clear();
    recentNetworks.set(address, network);
  }
  return network;
}

/** Addresses seen lately and their networks: in memory only, as the rate limits keep them. */
const recentNetworks = new Map<string, string>();

function networkOf(address: string): string {
  if (!ipaddr.isValid(address)) return 'unknown';
  const ip = ipaddr.process(address);
  const keptBytes = ip.kind() === 'ipv4' ? 3 : 6;
  const network = ip.toByteArray().map((byte, index) => (index < keptBytes ? byte : 0));
  return `${ipaddr.fromByteArray(network).toString()}/${keptBytes * 8}`;
}

/** Headers without those that carry credentials or a session. */
function withoutCredentials(headers: Record<string, unknown>): Record<string, unknown> {
  const kept = { ...headers };
  for (const name of ['authorization', 'cookie', 'set-cookie', 'proxy-authorization']) if (name in kept) kept[name] = '[not logged]';
  return kept;
}

/** A URL without its query: citizens' searches, phones or e-mails may travel there. */
function pathOnly(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * What a request's log lines say about it: the method, the route pattern
 * (`/open311/v2/requests/:file`, so logs group by route) and the path, both
 * without the query, and the client's network. Never headers, the query or
 * the body.
 */
const serializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    route: request.routeOptions?.url ?? null,
    path: pathOnly(request.url),
    remoteAddress: truncatedAddress(request.ip),
  }),
  res: (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode }),
  // Keys our own log lines use (staff-auth.ts logs a wrong token's `ip` and `url`).
  ip: truncatedAddress,
  url: pathOnly,
  // Should a line ever carry headers or a body, they are cut here. Serializers
  // cost nothing on lines without these keys, unlike pino's `redact` paths,
  // which cost about 15 µs a request here (two lines; a tenth of a simple GET).
  headers: (headers: Record<string, unknown>) => withoutCredentials(headers),
  body: () => '[not logged]',
  // A failed request's error, by a list of what is kept: PostgreSQL's errors
  // carry the failing row in `detail` ("Failing row contains (…)": a phone, an
  // e-mail, a description) and the query's values in other fields.
  err: (error: Error & { code?: unknown }) => ({ type: error.name, message: error.message, code: error.code, stack: error.stack ?? '' }),
};

/**
 * The logger options with personal data kept out, whatever the caller asked
 * for (the CLI's level, a test's stream). False stays false.
 */
export function redactingLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const given = logger === true ? {} : logger;
  return { ...given, serializers: { ...given.serializers, ...serializers } };
}
