import { surveyOrigin } from '/test-config.js';

/** Failure modes of the survey test server (see test/server/survey-test-server.mjs). */
export type SurveyServerMode =
  | 'ok'
  /** POSTs answer 503 (problem+json), without Retry-After. */
  | 'fail-503'
  /** POSTs answer 400 `{"type":"about:blank","title":"服务编号无效。","status":400}`. */
  | 'fail-400'
  /** Every route answers 500. */
  | 'fail-500'
  /** No answer at all until the test run ends. */
  | 'hang'
  /** The connection drops, even for preflights: an unreachable server. */
  | 'down'
  /** POSTs answer 503 with `Retry-After: 120`. */
  | 'retry-after-503'
  /** The summary is an HTML page, not JSON. */
  | 'malformed-summary'
  /** The summary is JSON whose counts cannot be true; pick which with `variant` in summaryUrl. */
  | 'hostile-summary';

export type HostileVariant =
  | 'negative'
  | 'unknown-grade'
  | 'fraction'
  | 'no-counts'
  | 'counts-array'
  | 'huge-count'
  | 'text-count'
  | 'script-grade';

/** One POST to surveys/responses as the server saw it, in arrival order. */
export interface ReceivedPost {
  headers: {
    'idempotency-key': string | null;
    'content-type': string | null;
    'accept-language': string | null;
    referer: string | null;
    cookie: string | null;
  };
  /** The parsed JSON body, or null when it was not JSON. */
  body: Record<string, unknown> | null;
  /** The raw body when it was not JSON. */
  text: string | null;
}

export interface Received {
  mode: SurveyServerMode;
  received: ReceivedPost[];
  /** Ratings actually stored: idempotent repeats and refusals are not counted. */
  stored: number;
}

/** The 400 problem of 'fail-400', as the server sends it. */
export const refusalTitle = '服务编号无效。';

/**
 * A namespace of its own on the survey test server, so no test sees another's
 * ratings or mode. `endpoint` is what goes in the widget's `endpoint`.
 */
export class SurveyServer {
  readonly base: string;

  constructor(origin = surveyOrigin) {
    this.base = `${origin}/ns/${crypto.randomUUID()}`;
  }

  get endpoint(): string {
    return `${this.base}/surveys/responses`;
  }

  /** What goes in `summary-src`. */
  summaryUrl(service: string, options: { scale?: string; variant?: HostileVariant } = {}): string {
    const params = new URLSearchParams({ service });
    if (options.scale) params.set('scale', options.scale);
    if (options.variant) params.set('variant', options.variant);
    return `${this.base}/surveys/summary?${params}`;
  }

  async received(): Promise<Received> {
    return (await this.control('received')) as Received;
  }

  /** The JSON bodies that arrived, in order. */
  async bodies(): Promise<Array<Record<string, unknown> | null>> {
    return (await this.received()).received.map((post) => post.body);
  }

  /** The requests held unanswered in 'hang' mode; `cancelled` once the client closed the connection. */
  async hung(): Promise<Array<{ method: string; path: string; search: string; cancelled: boolean }>> {
    return ((await this.control('hung')) as { hung: Array<{ method: string; path: string; search: string; cancelled: boolean }> }).hung;
  }

  async setMode(mode: SurveyServerMode): Promise<void> {
    await this.control(`mode?set=${encodeURIComponent(mode)}`);
  }

  /** Stores ratings through the real route, as other citizens' widgets would have sent them. */
  async rate(serviceId: string, scale: string, ratings: number[]): Promise<void> {
    for (const rating of ratings) {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ scale, rating, serviceId }),
      });
      if (response.status !== 201) throw new Error(`seeding a rating answered ${response.status}: ${await response.text()}`);
    }
  }

  private async control(action: string): Promise<unknown> {
    const url = `${this.base}/__control/${action}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }
}
