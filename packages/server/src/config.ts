import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Everything the server can be told, from flags first, then environment variables, then defaults. */
export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite file; ':memory:' for a throwaway database. */
  databasePath: string;
  /** A PostgreSQL database (postgres://…), used instead of the SQLite file when given. */
  databaseUrl: string | undefined;
  mediaDir: string;
  /** Origins other than the server's own that may call the APIs from a browser. */
  corsOrigins: string[];
  /** When not empty, `POST requests.json` needs one of these as `api_key`. */
  apiKeys: string[];
  staffToken: string;
  /** True when no token was configured and one was made up for this run. */
  staffTokenGenerated: boolean;
  /**
   * Reports (and, in their own bucket, ratings) one client address may send
   * per window; also the burst it may send at once (token bucket).
   */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /** Public reads of reports and ratings one client address may make per window. */
  readRateLimit: number;
  /** Staff requests per window, counted per token, apart from the citizens' buckets. */
  staffRateLimit: number;
  /** Photos one client address may send per hour. */
  photoBudget: number;
  /** Photos waiting to be decoded, over all clients; more are refused with 503 and Retry-After. */
  photoQueue: number;
  /** Bytes of uploaded photos held in memory at once, over all requests; more are refused with 503. */
  uploadMemoryBytes: number;
  /** Closed reports are anonymized this many days after closing. */
  retentionDays: number;
  /** Survey call-back names and phones are erased this many days after the rating (at once when handled). */
  callbackRetentionDays: number;
  /** Base of absolute URLs the server hands out (media_url); by default the request's own origin. */
  publicUrl: string | undefined;
  /** The demo district site and the widgets' standalone bundles; the server runs without them. */
  siteDir: string | undefined;
  cdnDir: string | undefined;
  /**
   * The reverse proxies (addresses, CIDR ranges or proxy-addr's names such as
   * `loopback`) whose X-Forwarded-For, -Host and -Proto are believed; empty
   * when the server is reached directly. Passed to Fastify's `trustProxy`.
   */
  trustProxy: string[];
  /** Seed an empty database with the demo district's categories, notices and service points. */
  seed: boolean;
  /** A second address serving only /metrics, without the staff token (src/ops/metrics-listener.ts). */
  metricsListen: { host: string; port: number } | undefined;
}

const options = {
  port: { type: 'string', env: 'PORT', fallback: '8080' },
  host: { type: 'string', env: 'HOST', fallback: '127.0.0.1' },
  db: { type: 'string', env: 'CIVIC_DB', fallback: './data/civic.db' },
  'database-url': { type: 'string', env: 'DATABASE_URL', fallback: '' },
  'media-dir': { type: 'string', env: 'CIVIC_MEDIA_DIR', fallback: './data/media' },
  'cors-origins': { type: 'string', env: 'CIVIC_CORS_ORIGINS', fallback: '' },
  'api-keys': { type: 'string', env: 'CIVIC_API_KEYS', fallback: '' },
  'staff-token': { type: 'string', env: 'CIVIC_STAFF_TOKEN', fallback: '' },
  'staff-token-file': { type: 'string', env: 'CIVIC_STAFF_TOKEN_FILE', fallback: '' },
  'rate-limit': { type: 'string', env: 'CIVIC_RATE_LIMIT', fallback: '30' },
  'rate-window': { type: 'string', env: 'CIVIC_RATE_WINDOW', fallback: '60' },
  'read-rate-limit': { type: 'string', env: 'CIVIC_READ_RATE_LIMIT', fallback: '300' },
  'staff-rate-limit': { type: 'string', env: 'CIVIC_STAFF_RATE_LIMIT', fallback: '600' },
  'photo-budget': { type: 'string', env: 'CIVIC_PHOTO_BUDGET', fallback: '30' },
  'photo-queue': { type: 'string', env: 'CIVIC_PHOTO_QUEUE', fallback: '20' },
  'upload-memory': { type: 'string', env: 'CIVIC_UPLOAD_MEMORY', fallback: '64' },
  'retention-days': { type: 'string', env: 'CIVIC_RETENTION_DAYS', fallback: '1095' },
  'callback-retention-days': { type: 'string', env: 'CIVIC_CALLBACK_RETENTION_DAYS', fallback: '90' },
  'public-url': { type: 'string', env: 'CIVIC_PUBLIC_URL', fallback: '' },
  'site-dir': { type: 'string', env: 'CIVIC_SITE_DIR', fallback: '' },
  'cdn-dir': { type: 'string', env: 'CIVIC_CDN_DIR', fallback: '' },
  'trust-proxy': { type: 'string', env: 'CIVIC_TRUST_PROXY', fallback: '' },
  seed: { type: 'string', env: 'CIVIC_SEED', fallback: 'true' },
  'metrics-listen': { type: 'string', env: 'CIVIC_METRICS_LISTEN', fallback: '' },
} as const;

type OptionName = keyof typeof options;

/** The flags and variables, for `civic-server --help` and the README. */
export const configHelp = Object.entries(options).map(([flag, { env, fallback }]) => ({
  flag: `--${flag}`,
  env,
  fallback,
}));

export class ConfigError extends Error {}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function positiveInteger(name: OptionName, value: string, { allowZero = false } = {}): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1)) {
    throw new ConfigError(`--${name} (${options[name].env}) must be a whole number${allowZero ? '' : ' above 0'}, not "${value}".`);
  }
  return number;
}

/** proxy-addr's names for address ranges. */
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (proxyRangeNames.has(entry)) return true;
  const [address = '', prefix, ...more] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || more.length > 0) return false;
  if (prefix === undefined) return true;
  // A prefix length, or (IPv4 only) a netmask as proxy-addr also takes.
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(prefix) === 4;
}

/**
 * `--trust-proxy`: the proxies in front of the server, never "everyone"
 * (`true` lets any client write its own X-Forwarded-For and dodge the rate
 * limit) and never a hop count, which cannot tell the proxy from a client
 * that connects directly; Fastify 5.12.1 and later ignore hop counts anyway.
 */
function trustedProxies(value: string): string[] {
  if (value === '' || value === 'false') return [];
  if (value === 'true' || /^\d+$/.test(value)) {
    throw new ConfigError(
      `--trust-proxy (CIVIC_TRUST_PROXY) takes the proxies' addresses or CIDR ranges (e.g. 127.0.0.1 or 10.0.0.0/8), not "${value}": ` +
        'trusting every hop, or a number of hops, lets a client that reaches the server directly forge its address.',
    );
  }
  const entries = list(value);
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      throw new ConfigError(`--trust-proxy (CIVIC_TRUST_PROXY) takes IP addresses, CIDR ranges or loopback/linklocal/uniquelocal, not "${entry}".`);
    }
  }
  return entries;
}

function isOrigin(text: string): boolean {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}

/** A configured token of fewer characters than this is refused: 22 base64url characters carry 128 bits. */
export const minStaffTokenLength = 22;

/**
 * The staff token from `--staff-token-file` (not visible in `ps` or the
 * environment of child processes), else from `--staff-token`; '' when neither.
 */
function staffTokenOf(given: string, file: string): string {
  if (given && file) throw new ConfigError('Give the staff token either with --staff-token or with --staff-token-file, not both.');
  let token = given;
  if (file) {
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new ConfigError(`--staff-token-file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    if (!token) throw new ConfigError(`--staff-token-file: ${file} is empty.`);
  }
  if (token && token.length < minStaffTokenLength) {
    throw new ConfigError(`The staff token must be at least ${minStaffTokenLength} characters long (128 random bits); \`openssl rand -base64 32\` makes one.`);
  }
  if (token && !/^[\x21-\x7e]+$/.test(token)) throw new ConfigError('The staff token may contain visible ASCII characters only (it travels in an HTTP header).');
  return token;
}

/** At least one report's worth of photos (five), or a report with five could never be taken. */
function photoQueueOf(text: string): number {
  const queue = positiveInteger('photo-queue', text);
  if (queue < 5) throw new ConfigError(`--photo-queue (CIVIC_PHOTO_QUEUE) must be at least 5, the photos one report may carry, not ${queue}.`);
  return queue;
}

/** `--metrics-listen`: `HOST:PORT`, an IPv6 host in brackets (`[::1]:9464`). */
function listenAddress(value: string): { host: string; port: number } | undefined {
  if (value === '') return undefined;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535) {
    throw new ConfigError(`--metrics-listen (CIVIC_METRICS_LISTEN) takes HOST:PORT, e.g. 127.0.0.1:9464 or [::1]:9464, not "${value}".`);
  }
  return { host: match[1] ?? match[2]!, port };
}

export function loadConfig(args: string[] = [], env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parseOptions = Object.fromEntries(Object.keys(options).map((name) => [name, { type: 'string' as const }]));
  const { values } = parseArgs({ args, options: parseOptions, strict: true, allowPositionals: false });
  const value = (name: OptionName): string => values[name] ?? env[options[name].env] ?? options[name].fallback;

  const corsOrigins = list(value('cors-origins'));
  for (const origin of corsOrigins) {
    if (!isOrigin(origin)) {
      throw new ConfigError(`--cors-origins takes origins such as https://www.example.gov.cn, not "${origin}".`);
    }
  }
  const publicUrl = value('public-url').replace(/\/+$/, '') || undefined;
  if (publicUrl && !/^https?:\/\//.test(publicUrl)) throw new ConfigError(`--public-url must be an http(s) URL, not "${publicUrl}".`);
  // Without it, links in feeds and answers would be built from the Host header, which any client can forge.
  if (!publicUrl && env.NODE_ENV === 'production') {
    throw new ConfigError('In production (NODE_ENV=production) --public-url (CIVIC_PUBLIC_URL) is required, e.g. https://www.example.gov.cn.');
  }
  const configuredToken = staffTokenOf(value('staff-token'), value('staff-token-file'));
  const databasePath = value('db');
  const databaseUrl = value('database-url') || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('--database-url (DATABASE_URL) must be a PostgreSQL URL such as postgres://civic@localhost/civic.');
  }
  const dir = (name: OptionName) => (value(name) ? resolve(value(name)) : undefined);
  return {
    port: positiveInteger('port', value('port'), { allowZero: true }),
    host: value('host'),
    databasePath: databasePath === ':memory:' ? databasePath : resolve(databasePath),
    databaseUrl,
    mediaDir: resolve(value('media-dir')),
    corsOrigins,
    apiKeys: list(value('api-keys')),
    // 32 random bytes: 256 bits, far past the 128 a token needs.
    staffToken: configuredToken || randomBytes(32).toString('base64url'),
    staffTokenGenerated: !configuredToken,
    rateLimitMax: positiveInteger('rate-limit', value('rate-limit')),
    rateLimitWindowMs: positiveInteger('rate-window', value('rate-window')) * 1000,
    readRateLimit: positiveInteger('read-rate-limit', value('read-rate-limit')),
    staffRateLimit: positiveInteger('staff-rate-limit', value('staff-rate-limit')),
    photoBudget: positiveInteger('photo-budget', value('photo-budget')),
    photoQueue: photoQueueOf(value('photo-queue')),
    uploadMemoryBytes: positiveInteger('upload-memory', value('upload-memory')) * 1024 * 1024,
    retentionDays: positiveInteger('retention-days', value('retention-days')),
    callbackRetentionDays: positiveInteger('callback-retention-days', value('callback-retention-days')),
    publicUrl,
    siteDir: dir('site-dir'),
    cdnDir: dir('cdn-dir'),
    trustProxy: trustedProxies(value('trust-proxy')),
    seed: value('seed') !== 'false',
    metricsListen: listenAddress(value('metrics-listen')),
  };
}
