import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  claimSubmission,
  enqueue,
  outboxEvents,
  outboxSettledEvent,
  startOutbox,
  takeSettled,
  type OutboxRequest,
  type SettledSubmission,
} from '@civic-widgets/core';

/**
 * The outbox `source` of a kept response: the tag name and the subject rated
 * (the request body's `serviceId`). The core hands out every unwatched outcome
 * of a source at once and removes what it hands out; one source per subject
 * lets a survey take only outcomes it can show (its subject's), and leaves the
 * others in the outbox for a survey of their own subject.
 */
export function outboxSourceFor(subject: string): string {
  return `civic-satisfaction-survey:${subject}`;
}

/**
 * The survey's side of the core outbox. A response that could not be sent is
 * kept and delivered later, exactly once, by whichever civic widget runs on
 * the site next.
 *
 * - The outcome of the survey's own kept response goes to it while it is on
 *   the page (claimed in the core, so no other survey or tab takes it).
 * - A refusal (or expiry) that no survey on the page watches is never dropped:
 *   it waits in the outbox until a survey of the same subject can show it,
 *   which then gives the citizen's answers back with the reason.
 * - An accepted response nobody watches needs no receipt: the next survey of
 *   its subject clears it (and the core does after 30 days).
 */
export class KeptResponses implements ReactiveController {
  private ownKey?: string;
  private ownSource?: string;
  private releaseClaim?: () => void;

  /**
   * @param showableSubject The subject whose unwatched outcomes the survey can
   *   show now, or undefined when it cannot (results mode, a set-up problem, a
   *   rating being sent or already thanked for).
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly showableSubject: () => string | undefined,
    private readonly onOwnOutcome: (outcome: SettledSubmission) => void,
    private readonly onUnwatchedRefusal: (outcome: SettledSubmission) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.ownKey) this.releaseClaim = claimSubmission(this.ownKey);
    outboxEvents.addEventListener(outboxSettledEvent, this.onSettled);
    startOutbox();
    void this.collect();
  }

  hostDisconnected(): void {
    outboxEvents.removeEventListener(outboxSettledEvent, this.onSettled);
    this.releaseClaim?.();
    this.releaseClaim = undefined;
  }

  /**
   * Keeps a response on the device; throws when this browser cannot store it.
   * The key is claimed before it is stored: once stored, any tab may deliver
   * it, and an unclaimed outcome could be taken by another survey.
   */
  async keep(key: string, subject: string, request: OutboxRequest, retryAfterMs: number): Promise<void> {
    const release = claimSubmission(key);
    const source = outboxSourceFor(subject);
    try {
      await enqueue(source, key, request, retryAfterMs);
    } catch (error) {
      release();
      throw error;
    }
    this.releaseClaim?.();
    this.releaseClaim = release;
    this.ownKey = key;
    this.ownSource = source;
    // It may already have been delivered and settled meanwhile (another tab, an `online` event).
    void this.collect();
  }

  /** Takes the outcomes the survey can show now: its own, and its subject's unwatched ones. Call again when that changes. */
  async collect(): Promise<void> {
    const ownKey = this.ownKey;
    const ownSource = ownKey ? this.ownSource : undefined;
    const subject = this.showableSubject();
    const sources = new Set<string>();
    if (ownSource) sources.add(ownSource);
    if (subject !== undefined) sources.add(outboxSourceFor(subject));
    if (sources.size === 0) return;
    try {
      const items: SettledSubmission[] = [];
      for (const source of sources) items.push(...(await takeSettled(source, source === ownSource ? ownKey : undefined)));
      // Oldest first: when several refusals arrive together, the latest answers are the ones left on screen.
      for (const item of items.sort((a, b) => a.settledAt - b.settledAt)) this.handle(item);
    } catch (error) {
      console.error('[civic-widgets] <civic-satisfaction-survey>: the offline outbox could not be read.', error);
    }
  }

  private readonly onSettled = () => void this.collect();

  private handle(item: SettledSubmission): void {
    if (item.key === this.ownKey) {
      this.releaseClaim?.();
      this.releaseClaim = undefined;
      this.ownKey = undefined;
      this.ownSource = undefined;
      this.onOwnOutcome(item);
    } else if (!item.ok) {
      this.onUnwatchedRefusal(item);
    }
  }
}
