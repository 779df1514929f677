import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { claimSubmission, enqueue, outboxEvents, outboxSettledEvent, startOutbox, takeSettled, type OutboxRequest } from '@civic-widgets/core';

const outboxSource = 'civic-satisfaction-survey';

/**
 * The survey's side of the core outbox. A response that could not be sent is
 * kept and delivered later, exactly once, by whichever civic widget runs on
 * the site next. Its outcome goes to the survey that kept it while it is on
 * the page (to fire `civic-survey-success`); outcomes nobody watches are
 * simply cleared: a rating needs no receipt.
 */
export class KeptResponses implements ReactiveController {
  private ownKey?: string;
  private releaseClaim?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly onOwnOutcome: (key: string, ok: boolean, status: number, response: unknown) => void,
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
  }

  /** Keeps a response on the device; throws when this browser cannot store it. */
  async keep(key: string, request: OutboxRequest, retryAfterMs: number): Promise<void> {
    await enqueue(outboxSource, key, request, retryAfterMs);
    this.ownKey = key;
    this.releaseClaim = claimSubmission(key);
  }

  private readonly onSettled = () => void this.collect();

  private async collect(): Promise<void> {
    try {
      for (const item of await takeSettled(outboxSource, this.ownKey)) {
        if (item.key !== this.ownKey) continue;
        this.releaseClaim?.();
        this.ownKey = undefined;
        this.onOwnOutcome(item.key, item.ok, item.status, item.response);
      }
    } catch (error) {
      console.error('[civic-widgets] <civic-satisfaction-survey>: the offline outbox could not be read.', error);
    }
  }
}
