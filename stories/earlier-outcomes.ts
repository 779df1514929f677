import type { SettledSubmission } from '@civic-widgets/core';
import { openOutboxStore } from '../packages/core/src/outbox/outbox-store';

/**
 * Puts the outcome of a report kept on an earlier visit into the outbox, as the
 * outbox leaves it once the server has answered: the widget that loads next
 * shows it. Runs after the preview's reset of the widget storage.
 */
export async function seedEarlierOutcome(
  outcome: Omit<SettledSubmission, 'key' | 'source' | 'settledAt'>,
  { sameSession = true } = {},
): Promise<void> {
  const key = crypto.randomUUID();
  // Kept in this browsing session (as packages/feedback/src/submission/kept-reports.ts marks it): its receipt shows at once.
  if (sameSession) sessionStorage.setItem(`civic-feedback-kept-here:${key}`, String(Date.now()));
  // The connection is the outbox's own, shared with the widget on this page: it stays open.
  const db = await openOutboxStore();
  await db.put('settled', { key, source: 'civic-feedback', settledAt: Date.now(), ...outcome });
}

/**
 * A report kept in this browsing session before a reload, still waiting: its
 * endpoint is the `offline` scenario's, so every delivery attempt fails and it stays.
 */
export async function reportWaiting(language: 'en' | 'zh'): Promise<void> {
  const key = crypto.randomUUID();
  sessionStorage.setItem(`civic-feedback-kept-here:${key}`, String(Date.now()));
  const db = await openOutboxStore();
  const now = Date.now();
  await db.put('pending', {
    key,
    source: 'civic-feedback',
    queuedAt: now,
    attempts: 1,
    nextAttemptAt: now + 3_600_000,
    request: {
      url: `/fake-open311/offline${language === 'en' ? '-en' : ''}/v2/requests.json`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: { kind: 'urlencoded', text: new URLSearchParams({ service_code: 'road-damage', description: 'Loose paving stones.' }).toString() },
    },
  });
}

/** Delivered later; by default kept in this browsing session, so its number shows without asking. */
export const earlierReportSent = ({ sameSession = true } = {}) =>
  seedEarlierOutcome(
    {
      ok: true,
      status: 201,
      response: [{ service_request_id: 'SH-2026-000987', service_notice: 'We aim to respond within 3 working days.' }],
    },
    { sameSession },
  );

export const earlierReportRefused = () =>
  seedEarlierOutcome({
    ok: false,
    status: 400,
    response: [{ code: 400, description: 'The address is outside the district (Huangpu). Please report it to the district where it is.' }],
    request: {
      url: '/fake-open311/ok-en/v2/requests.json',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: {
        kind: 'urlencoded',
        text: new URLSearchParams({ service_code: 'road-damage', description: 'Loose paving stones outside 12 Nanjing West Road.', address_string: '12 Nanjing West Road' }).toString(),
      },
    },
  });
