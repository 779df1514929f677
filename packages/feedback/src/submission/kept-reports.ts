import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import {
  claimSubmission,
  enqueue,
  listPending,
  longestKeptMs,
  readStored,
  removeStored,
  withdraw,
  writeStored,
  outboxEvents,
  outboxSettledEvent,
  startOutbox,
  takeSettled,
  type OutboxRequest,
  type SettledSubmission,
} from '@civic-widgets/core';
import type { SubmissionReceipt } from '../open311/open311-types.js';
import type { LocalizedText } from '../form/validate.js';
import { receiptOf, refusalReason } from './send-report.js';

const outboxSource = 'civic-feedback';
/** Marks, in this tab's sessionStorage, a report kept in this browsing session. */
const keptHerePrefix = 'civic-feedback-kept-here:';
const session = () => sessionStorage;

export interface KeptReportOutcomes {
  /** This widget's own kept report, now answered. */
  ownSent(receipt: SubmissionReceipt): void;
  /** `request` is what was sent, to give back to the citizen; absent from outboxes of older versions. */
  ownRefused(status: number, reason: LocalizedText, request?: OutboxRequest): void;
  /**
   * A report kept earlier, maybe on another day or by a form that is gone. `sameSession`: kept in this
   * browsing session; otherwise someone else may be at this device, and its tracking number is not shown unasked.
   */
  earlierSent(receipt: SubmissionReceipt, sameSession: boolean): void;
  earlierRefused(status: number, reason: LocalizedText, request?: OutboxRequest): void;
  /** Reports kept earlier in this browsing session (before a reload, by another form) and still waiting. */
  waitingChanged(waiting: WaitingReport[]): void;
}

/** A report kept in this browsing session, still waiting to be sent; `keptUntil` in epoch ms. */
export interface WaitingReport {
  key: string;
  keptUntil: number;
}

/**
 * The widget's side of the core outbox: it keeps a report, watches for its
 * outcome (holding a claim so no other form or tab shows it), and shows the
 * outcomes of reports kept earlier that no widget is watching.
 */
export class KeptReports implements ReactiveController {
  private ownKey?: string;
  private releaseClaim?: () => void;
  private watching = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly outcomes: KeptReportOutcomes,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.ownKey) this.releaseClaim = claimSubmission(this.ownKey);
    // Moved in the page (a tab panel, a dialog): listen again for what arrived meanwhile.
    if (this.watching) this.listen();
  }

  hostDisconnected(): void {
    outboxEvents.removeEventListener(outboxSettledEvent, this.onSettled);
    // Gone from the page: whichever widget loads next shows the outcome instead.
    this.releaseClaim?.();
  }

  /** Starts delivery and shows outcomes; only once the widget can show them (not while misconfigured). */
  watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.listen();
    startOutbox();
  }

  private listen(): void {
    outboxEvents.addEventListener(outboxSettledEvent, this.onSettled);
    void this.showSettled();
  }

  /**
   * Only reports kept in this browsing session are offered for removal: on a shared computer the next
   * person must not learn of, nor discard, someone else's report.
   */
  async showWaiting(): Promise<void> {
    let pending: Array<{ key: string; queuedAt: number }>;
    try {
      pending = await listPending(outboxSource);
    } catch {
      return; // No IndexedDB: nothing kept.
    }
    this.outcomes.waitingChanged(
      pending
        .filter(({ key }) => key !== this.ownKey && readStored(session, keptHerePrefix + key) !== null)
        .map(({ key, queuedAt }) => ({ key, keptUntil: queuedAt + longestKeptMs })),
    );
  }

  /** Removes a waiting report kept in this session; false when it had already left. */
  async removeWaiting(key: string): Promise<boolean> {
    const removed = await withdraw(key);
    if (removed) removeStored(session, keptHerePrefix + key);
    await this.showWaiting();
    return removed;
  }

  /** Keeps a report on the device; throws when this browser cannot store it. Resolves to the time it is kept until (epoch ms). */
  async keep(idempotencyKey: string, request: OutboxRequest, retryAfterMs: number): Promise<number> {
    const keptAt = Date.now();
    writeStored(session, keptHerePrefix + idempotencyKey, String(keptAt));
    await enqueue(outboxSource, idempotencyKey, request, retryAfterMs);
    this.forget();
    this.ownKey = idempotencyKey;
    this.releaseClaim = claimSubmission(idempotencyKey);
    return keptAt + longestKeptMs;
  }

  /** The citizen removes their kept report from the device; false when it had already left. */
  async remove(): Promise<boolean> {
    const key = this.ownKey;
    if (!key) return false;
    const removed = await withdraw(key);
    if (removed) {
      removeStored(session, keptHerePrefix + key);
      this.forget();
    }
    return removed;
  }

  /** The citizen moved on ("send another message"): the outcome may show as an earlier report's. */
  forget(): void {
    this.releaseClaim?.();
    this.releaseClaim = undefined;
    this.ownKey = undefined;
  }

  private onSettled = (event: Event): void => {
    if ((event as CustomEvent<SettledSubmission>).detail.source === outboxSource) void this.showSettled();
  };

  private async showSettled(): Promise<void> {
    let settled: SettledSubmission[];
    try {
      settled = await takeSettled(outboxSource, this.ownKey);
    } catch {
      return; // No IndexedDB here: nothing can have been kept either.
    }
    void this.showWaiting();
    for (const item of settled) {
      const own = item.key === this.ownKey;
      if (own) this.forget();
      const sameSession = readStored(session, keptHerePrefix + item.key) !== null;
      removeStored(session, keptHerePrefix + item.key);
      if (item.ok) {
        const receipt = receiptOf(item.response);
        if (own) this.outcomes.ownSent(receipt);
        else this.outcomes.earlierSent(receipt, sameSession);
      } else {
        const reason = item.expired
          ? () => msg('It could not be sent for 30 days, so it has been removed from this device.')
          : refusalReason(item.status, item.response);
        if (own) this.outcomes.ownRefused(item.status, reason, item.request);
        else this.outcomes.earlierRefused(item.status, reason, item.request);
      }
    }
  }
}
