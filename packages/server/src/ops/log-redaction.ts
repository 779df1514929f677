import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import ipaddr from 'ipaddr.js';

/**
 * A client's network instead of its address: IPv4 to its /24, IPv6 to its
 * /48 (a site), enough to see that a flood comes from one place, not enough
 * to name a household. An IPv4-mapped IPv6 address counts as IPv4.
 */
export function truncatedAddress(address: string | undefined): string | undefined {
  if (address === undefined || address === '') return address;
  if (!ipaddr.isValid(address)) return 'unknown';
  const ip = ipaddr.process(address);
  const keptBytes = ip.kind() === 'ipv4' ? 3 : 6;
  const network = ip.toByteArray().map((byte, index) => (index < keptBytes ? byte : 0));
  return `${ipaddr.fromByteArray(network).toString()}/${keptBytes * 8}`;
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
};

/** Should anything ever log headers, these never reach the log. */
const redact = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'headers.authorization',
    'headers.cookie',
    'res.headers["set-cookie"]',
    'req.body',
    'body',
  ],
  censor: '[redacted]',
};

/**
 * The logger options with personal data kept out, whatever the caller asked
 * for (the CLI's level, a test's stream). False stays false.
 */
export function redactingLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const given = logger === true ? {} : logger;
  return { ...given, serializers: { ...given.serializers, ...serializers }, redact };
}
