import { html, nothing, type ReactiveControllerHost } from 'lit';
import { innerHeading, LoadController, topHeading, type HeadingLevels } from '@civic-widgets/core';
import { msg } from '@lit/localize';
import { fetchRequestStatus, Open311HttpError, type Open311Settings } from '../open311/open311-client.js';
import type { ServiceRequestStatus } from '../open311/open311-types.js';
import { trackingNumberCandidates } from './tracking-number.js';
import { describedBy, errorId, errorMessage, hintId } from '../form/field-parts.js';

type LookupResult = { kind: 'found'; request: ServiceRequestStatus } | { kind: 'missing' } | { kind: 'failed' };

interface LookupHost extends ReactiveControllerHost, HTMLElement {
  readonly open311Settings: Open311Settings;
  announce(text: string): void;
  formatTime(time: string): string;
}

/** "Check progress": a tracking number in, the request's status from `GET requests/{id}.json` out. */
export class ProgressLookup {
  reference = '';
  /** A new lookup aborts the one under way (its request is closed), as do another endpoint and leaving the page. */
  private readonly lookup: LoadController<LookupResult>;
  private emptyError = false;
  /** The number of the lookup under way or last made, as typed. */
  private checking = '';

  constructor(private readonly host: LookupHost) {
    this.lookup = new LoadController(host);
  }

  /** Another endpoint: an earlier answer belongs to another system. */
  reset(): void {
    this.lookup.clear();
    this.reference = '';
    this.emptyError = false;
  }

  async lookUp(reference = this.reference): Promise<void> {
    const typed = reference.normalize('NFKC').trim();
    // Pressed again while checking the same number: the button is aria-disabled (it keeps the focus) and the press
    // does nothing. Another number (or none) supersedes the lookup under way.
    if (this.lookup.state.kind === 'loading' && typed === this.checking) return;
    this.reference = typed;
    this.checking = typed;
    const candidates = trackingNumberCandidates(this.reference);
    this.emptyError = candidates.length === 0;
    if (this.emptyError) {
      this.lookup.clear();
      await this.host.updateComplete;
      // Focus alone says nothing when it is already in the field (Enter pressed there): say it too.
      this.host.announce(`${msg('Error:')} ${emptyText()}`);
      this.host.shadowRoot?.querySelector<HTMLInputElement>('#reference')?.focus();
      return;
    }
    await this.lookup.load(async (signal) => {
      const result = await this.find(candidates, signal);
      // A superseded lookup says nothing: the citizen asked about another number since.
      if (!signal.aborted) this.host.announce(resultText(result));
      return result;
    });
  }

  /** The first spelling the server knows; missing when it knows none. */
  private async find(candidates: string[], signal: AbortSignal): Promise<LookupResult> {
    for (const candidate of candidates) {
      try {
        return { kind: 'found', request: await fetchRequestStatus(this.host.open311Settings, candidate, signal) };
      } catch (error) {
        if (!(error instanceof Open311HttpError && error.status === 404)) return { kind: 'failed' };
      }
    }
    return { kind: 'missing' };
  }

  render(levels: HeadingLevels) {
    const error = this.emptyError ? emptyText() : undefined;
    return html`<form
      class="progress"
      part="form"
      novalidate
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        void this.lookUp();
      }}
    >
      ${topHeading(levels, msg('Check the progress of a report'))}
      <div class="field ${error ? 'has-error' : ''}" part="field">
        <label for="reference">${msg('Tracking number')}</label>
        <span class="hint" id=${hintId('reference')}>${msg('You were given it when you sent your report.')}</span>
        ${errorMessage('reference', error)}
        <input
          id="reference"
          type="text"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${describedBy(hintId('reference'), error && errorId('reference'))}
          .value=${this.reference}
          @input=${(event: Event) => (this.reference = (event.target as HTMLInputElement).value)}
        />
      </div>
      <button class="primary" part="submit" aria-disabled=${this.lookup.state.kind === 'loading' ? 'true' : nothing}>
        ${this.lookup.state.kind === 'loading' ? msg('Checking…') : msg('Check progress')}
      </button>
      ${this.renderResult(levels)}
    </form>`;
  }

  private renderResult(levels: HeadingLevels) {
    const { state } = this.lookup;
    if (state.kind !== 'loaded') return nothing;
    const result = state.value;
    return result.kind === 'found'
      ? this.renderRequest(result.request, levels)
      : html`<p class="outcome-problem" part="status">${resultText(result)}</p>`;
  }

  private renderRequest(request: ServiceRequestStatus, levels: HeadingLevels) {
    const row = (label: string, value: string) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);
    return html`<section class="request-status" part="status" aria-labelledby="status-heading">
      ${innerHeading(levels, statusLabel(request), { id: 'status-heading' })}
      <dl>
        ${row(msg('Tracking number'), request.id)} ${row(msg('Category'), request.serviceName)}
        ${row(msg('Handled by'), request.agencyResponsible)} ${row(msg('Latest news'), request.statusNotes)}
        ${row(msg('Received'), this.host.formatTime(request.requestedAt))}
        ${row(msg('Last updated'), this.host.formatTime(request.updatedAt))}
        ${row(msg('Expected by'), this.host.formatTime(request.expectedAt))}
      </dl>
    </section>`;
  }
}

function statusLabel(request: ServiceRequestStatus): string {
  return request.status === 'closed' ? msg('Status: closed (handled)') : msg('Status: open (being handled)');
}

function emptyText(): string {
  return msg('Enter your tracking number');
}

/** A lookup's outcome in one sentence: said when it arrives, and shown when no report was found. */
function resultText(result: LookupResult): string {
  if (result.kind === 'found') return statusLabel(result.request);
  return result.kind === 'missing'
    ? msg('No report has this tracking number. Check it and try again.')
    : msg('The progress could not be checked just now. Try again later.');
}
