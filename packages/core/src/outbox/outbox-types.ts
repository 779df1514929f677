/** A request body that IndexedDB can store (FormData cannot be cloned; its parts can). */
export type OutboxBody =
  | { kind: 'urlencoded'; text: string }
  | { kind: 'json'; text: string }
  | { kind: 'multipart'; parts: Array<[name: string, value: string | Blob, filename?: string]> };

export interface OutboxRequest {
  url: string;
  headers: Record<string, string>;
  body: OutboxBody;
}

/** A submission waiting to be delivered. `key` is its Idempotency-Key, the same on every try. */
export interface PendingSubmission {
  key: string;
  /** The widget that queued it (its tag name), so only that widget shows the outcome. */
  source: string;
  request: OutboxRequest;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
}

/** What became of a queued submission, kept until the widget that queued it shows it. */
export interface SettledSubmission {
  key: string;
  source: string;
  ok: boolean;
  /** Never delivered, and removed from the device when it grew too old to keep. */
  expired?: boolean;
  status: number;
  /** The server's parsed JSON answer, or its text when it was not JSON. */
  response: unknown;
  /** What was sent, kept when it was refused or expired, so the citizen's text and photos can be given back. */
  request?: OutboxRequest;
  settledAt: number;
}
