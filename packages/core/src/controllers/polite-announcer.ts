import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * One polite live region per widget, with one behaviour: each announcement
 * first empties the region, then speaks 100 ms later (long enough for screen
 * readers to notice), so a message repeated word for word ("3 results") is
 * read again. `announceWhenPaused` waits until the citizen stops typing and
 * says only the last message, worked out when the pause ends.
 */
export class PoliteAnnouncer implements ReactiveController {
  text = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(text: string): void {
    this.announceWhenPaused(() => text, 0);
  }

  announceWhenPaused(message: () => string, pauseMs = 600): void {
    this.clear();
    this.timer = setTimeout(() => this.say(message()), pauseMs + 100);
  }

  /** Silences the region, and whatever was about to be said (when the focus now says it instead). */
  clear(): void {
    clearTimeout(this.timer);
    this.say('');
  }

  /** The region itself; render it once, always present, so that it is registered before it speaks. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.text}</div>`;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  private say(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }
}
