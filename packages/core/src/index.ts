export { CivicElement } from './civic-element.js';
export { defineCivicElement, type VersionedElementClass } from './define.js';
export { civicPolicy, type HtmlPolicy } from './trusted-types.js';
export { resolveLocale } from './locale/resolve-locale.js';
export { registerCatalog, type CatalogSource } from './locale/catalogs.js';
export { toSupportedLocale, type SupportedLocale, type TargetLocale } from './locale/supported-locales.js';
export { careModeAttribute } from './page-attributes.js';
export { booleanAttribute } from './boolean-attribute.js';
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
export { logProblem, reportProblem } from './problem.js';
export { headingLevels, innerHeading, sectionHeading, topHeading, type HeadingLevels, type HeadingOptions } from './heading.js';
export { errorSummary, focusField, refusalNotice, type FieldError, type LocalizedText } from './forms/error-summary.js';
export { describedBy, errorId, errorMessage, hint, hintId } from './forms/field-parts.js';
export { readStored, removeStored, writeStored } from './safe-storage.js';
export { firstTry, type FirstTry } from './outbox/first-try.js';
export { afterFirstRenderingTask, notConfigured } from './not-configured.js';
export { focusProgrammatically } from './programmatic-focus.js';
export { GeolocationController, type DevicePosition, type GeolocationStatus } from './controllers/geolocation-controller.js';
export { PoliteAnnouncer } from './controllers/polite-announcer.js';
export { LoadController, type LoadState } from './controllers/load-controller.js';
