import { html, nothing } from 'lit';
import { topHeading, type HeadingLevels } from '@civic-widgets/core';
import { msg } from '@lit/localize';
import type { SubmissionReceipt } from '../open311/open311-types.js';
import type { LocalizedText } from '../form/validate.js';

export interface OutcomeActions {
  onCheckProgress: (reference: string) => void;
  onNewReport: () => void;
}

function reference(receipt: SubmissionReceipt): string {
  return receipt.requestId ?? receipt.token ?? '';
}

/** The tracking number, large and copyable, with the district's own notice. */
function receiptDetails(receipt: SubmissionReceipt) {
  return html`${receipt.requestId || receipt.token
      ? html`<p>
          ${receipt.requestId ? msg('Your tracking number is') : msg('Your reference is')}
          <strong class="tracking-number">${reference(receipt)}</strong>
        </p>`
      : html`<p>${msg('The server did not give a tracking number.')}</p>`}
    ${receipt.notice ? html`<p class="service-notice">${receipt.notice}</p>` : nothing}`;
}

export function sentView(receipt: SubmissionReceipt, actions: OutcomeActions, levels: HeadingLevels) {
  return html`<section class="outcome sent" part="status" aria-labelledby="outcome-heading">
    ${topHeading(levels, msg('Thank you: your message has been received'), { id: 'outcome-heading' })}
    ${receiptDetails(receipt)}
    ${reference(receipt) ? html`<p>${msg('Keep the tracking number to check the progress of your report.')}</p>` : nothing}
    <div class="actions">
      ${reference(receipt)
        ? html`<button type="button" @click=${() => actions.onCheckProgress(reference(receipt))}>${msg('Check progress')}</button>`
        : nothing}
      <button type="button" class="link" @click=${actions.onNewReport}>${msg('Send another message')}</button>
    </div>
  </section>`;
}

export function queuedView(actions: OutcomeActions, levels: HeadingLevels) {
  return html`<section class="outcome queued" part="status" aria-labelledby="outcome-heading">
    ${topHeading(levels, msg('Saved on this device'), { id: 'outcome-heading' })}
    <p>${msg('Your message could not be sent just now. It is saved on this device and will be sent automatically when the connection is back, even if you close this page.')}</p>
    <p>${msg('You will see your tracking number here, or the next time you open a page with this form.')}</p>
    <div class="actions">
      <button type="button" class="link" @click=${actions.onNewReport}>${msg('Send another message')}</button>
    </div>
  </section>`;
}

/** Reports kept on this device earlier (maybe on another day) whose outcome is now known. */
/** A refused report kept on the device; `onRestore` puts what was sent back into the form. */
export interface RefusedReport {
  reason: LocalizedText;
  onRestore?: () => void;
}

export function deliveredLaterNotice(
  receipts: SubmissionReceipt[],
  refusals: RefusedReport[],
  canRestore: boolean,
  onDismiss: () => void,
  levels: HeadingLevels,
) {
  if (receipts.length === 0 && refusals.length === 0) return nothing;
  return html`<section class="delivered-later" part="status" aria-label=${msg('Messages saved on this device')}>
    ${receipts.length > 0
      ? html`${topHeading(levels, msg('A message saved on this device has now been sent'))}
          ${receipts.map((receipt) => receiptDetails(receipt))}`
      : nothing}
    ${refusals.length > 0
      ? html`${topHeading(levels, msg('A message saved on this device was not accepted'))}
          <p>${msg('Please send it again.')}</p>
          ${refusals.map(
            ({ reason, onRestore }) => html`<p class="outcome-problem">${reason()}</p>
              ${onRestore && canRestore ? html`<p><button type="button" @click=${onRestore}>${msg('Put it back in the form')}</button></p>` : nothing}`,
          )}`
      : nothing}
    <button type="button" class="link" @click=${onDismiss}>${msg('Hide this notice')}</button>
  </section>`;
}
