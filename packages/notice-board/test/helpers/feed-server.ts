import { feedOrigin } from '/test-config.js';

/** One request to a namespace of the feed test server, as it arrived and as it was answered. */
export interface RequestRecord {
  method: string;
  /** The path below /ns/{ns}/, e.g. `feed` or `feeds/notices.json`. */
  path: string;
  search: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  accept: string | null;
  referer: string | null;
  cookie: string | null;
  /** 200, 304, 500…; 0 while the request is held. */
  status: number;
  /** The ETag answered (200 and 304). */
  etag: string | null;
  /** Body bytes the server wrote before the connection closed (streamed routes only). */
  sent: number | null;
  /** In 'hang' mode: the client closed the connection, giving up on the request. */
  cancelled: boolean;
}

export type FeedFormat = 'json' | 'rss' | 'atom';

export type ServerMode = 'ok' | 'hang' | '404' | '500' | '503';

/** A file of test/feeds/, served without being recorded (for tests that need no log). */
export function feedFile(path: string): string {
  return `${feedOrigin}/feeds/${path}`;
}

/** The extension of each format's file in test/feeds/. */
export const formatFiles: Record<FeedFormat, string> = { json: 'notices.json', rss: 'notices.rss', atom: 'notices.atom' };

/**
 * A namespace of its own on the feed test server (test/server/feed-test-server.mjs):
 * its requests are recorded apart from every other test's, its mode and its
 * mutable feed are its own, and its URLs are new to the browser's HTTP cache.
 */
export class FeedServer {
  readonly base: string;

  constructor(origin = feedOrigin) {
    this.base = `${origin}/ns/${crypto.randomUUID()}`;
  }

  /** A file of test/feeds/, recorded in this namespace. */
  file(path: string): string {
    return `${this.base}/feeds/${path}`;
  }

  /** The feed whose content `setFeed` changes. */
  get feedUrl(): string {
    return `${this.base}/feed`;
  }

  generated(items: number, format: FeedFormat = 'json'): string {
    return `${this.base}/generated?items=${items}&format=${format}`;
  }

  /** The feed of `format` built from the payloads given to `setPayloads`. */
  hostile(format: FeedFormat): string {
    return `${this.base}/hostile.${format}`;
  }

  /** An Atom feed of embedded CAP alerts built from the payloads given to `setPayloads`. */
  get hostileAlerts(): string {
    return `${this.base}/hostile-alerts.atom`;
  }

  /** An Atom feed linking to `count` generated CAP alerts (linked-cap/1.xml …). */
  alertLinks(count: number): string {
    return `${this.base}/alerts-links.atom?count=${count}`;
  }

  /** A JSON Feed of about `mb` MB, streamed; with `declared`, its Content-Length is sent first. */
  hugeFeed(mb: number, { declared = false } = {}): string {
    return `${this.base}/huge-feed.json?mb=${mb}${declared ? '&declared=1' : ''}`;
  }

  /** A CAP alert with `count` info blocks (en-US, the last zh-CN), the first with `areas` areas. */
  manyInfo(count: number, areas = 1): string {
    return `${this.base}/many-info.xml?count=${count}&areas=${areas}`;
  }

  /** Where hostile payloads point whatever they try to load. */
  get beaconBase(): string {
    return this.base;
  }

  /** Sets /feed to a file of test/feeds/, or to a body of this Content-Type. Resolves to the new ETag. */
  async setFeed(feed: { file: string } | { body: string; type?: string }): Promise<string> {
    const { etag } = (await this.control('feed', feed)) as { etag: string };
    return etag;
  }

  async setPayloads(payloads: string[]): Promise<void> {
    await this.control('hostile', { payloads });
  }

  async setMode(mode: ServerMode): Promise<void> {
    await this.control(`mode?set=${mode}`, {});
  }

  /** Every request this namespace received, in order. */
  async log(): Promise<RequestRecord[]> {
    const response = await fetch(`${this.base}/__control/log`);
    if (!response.ok) throw new Error(`the feed server's log answered ${response.status}`);
    return ((await response.json()) as { requests: RequestRecord[] }).requests;
  }

  /** The requests whose path starts with `prefix`. */
  async requests(prefix: string): Promise<RequestRecord[]> {
    return (await this.log()).filter((request) => request.path.startsWith(prefix));
  }

  private async control(action: string, body: unknown): Promise<unknown> {
    const url = `${this.base}/__control/${action}`;
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }
}
