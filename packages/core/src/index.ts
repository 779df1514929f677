export { CivicElement } from './civic-element.js';
export { defineCivicElement, type VersionedElementClass } from './define.js';
export { resolveLocale } from './locale/resolve-locale.js';
export { registerCatalog } from './locale/page-locale.js';
export { toSupportedLocale, type SupportedLocale, type TargetLocale } from './locale/supported-locales.js';
export { careModeAttribute } from './page-attributes.js';
export { baseStyles } from './styles/base-styles.js';
export { fetchWithTimeout, parseJson, readJson, MalformedResponseError, TimeoutError } from './net/fetch-with-timeout.js';
export { readJsonLimited, readTextLimited, ResponseTooLargeError } from './net/read-limited.js';
export { newIdempotencyKey } from './idempotency-key.js';
export {
  claimSubmission,
  enqueue,
  flushOutbox,
  isRetryable,
  listPending,
  longestKeptMs,
  outboxEvents,
  outboxSettledEvent,
  retryAfterMs,
  startOutbox,
  takeSettled,
  toRequestBody,
  withdraw,
} from './outbox/outbox.js';
export type { OutboxBody, OutboxRequest, PendingSubmission, SettledSubmission } from './outbox/outbox-types.js';
export { reportProblem } from './problem.js';
export { errorSummary, focusField, refusalNotice, type FieldError, type LocalizedText } from './forms/error-summary.js';
export { readStored, removeStored, writeStored } from './safe-storage.js';
export { firstTry, type FirstTry } from './outbox/first-try.js';
