export { CivicElement } from './civic-element.js';
export { defineCivicElement, type VersionedElementClass } from './define.js';
export { resolveLocale } from './locale/resolve-locale.js';
export { activeLocale, registerCatalog, requestPageLocale } from './locale/page-locale.js';
export {
  sourceLocale,
  targetLocales,
  toSupportedLocale,
  type SupportedLocale,
  type TargetLocale,
} from './locale/supported-locales.js';
export { careModeAttribute, pageCareMode } from './page-attributes.js';
export { baseStyles } from './styles/base-styles.js';
export { tokens } from './styles/tokens.js';
export { fetchWithTimeout, parseJson, readJson, MalformedResponseError, TimeoutError } from './net/fetch-with-timeout.js';
export { newIdempotencyKey } from './idempotency-key.js';
export {
  claimSubmission,
  enqueue,
  flushOutbox,
  isRetryable,
  outboxEvents,
  outboxSettledEvent,
  retryAfterMs,
  startOutbox,
  takeSettled,
  toRequestBody,
} from './outbox/outbox.js';
export type { OutboxBody, OutboxRequest, PendingSubmission, SettledSubmission } from './outbox/outbox-types.js';
export { reportProblem } from './problem.js';
