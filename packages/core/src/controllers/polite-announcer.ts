import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** Long enough for screen readers to notice the live region emptied, short enough to feel immediate. */
const clearGapMs = 100;

/**
 * One polite live region per widget, with one behaviour: each announcement
 * first empties the region, then speaks, so a message repeated word for word
 * ("3 results") is read again. `announceWhenPaused` waits until the citizen
 * stops typing and says only the last message.
 */
export class PoliteAnnouncer implements ReactiveController {
  text = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(text: string): void {
    this.schedule(() => text, 0);
  }

  /** `message` is read when the pause ends, so it says the state then, not at the keystroke. */
  announceWhenPaused(message: () => string, pauseMs = 600): void {
    this.schedule(message, pauseMs);
  }

  /** Silences the region, and whatever was about to be said (when the focus now says it instead). */
  clear(): void {
    clearTimeout(this.timer);
    this.text = '';
    this.host.requestUpdate();
  }

  /** The region itself; render it once, always present, so that it is registered before it speaks. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.text}</div>`;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  private schedule(message: () => string, pauseMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.text = '';
      this.host.requestUpdate();
      this.timer = setTimeout(() => {
        this.text = message();
        this.host.requestUpdate();
      }, clearGapMs);
    }, pauseMs);
  }
}
