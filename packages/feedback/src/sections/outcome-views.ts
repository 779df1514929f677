import { html, nothing } from 'lit';
import { topHeading, type HeadingLevels } from '@civic-widgets/core';
import { msg, str } from '@lit/localize';
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
    ${reference(receipt) && !receipt.notice
      ? // The server's notice is the district's own word on what happens next (the reference server's asks to keep the number): never repeated by ours.
        html`<p>${msg('Keep the tracking number to check the progress of your report.')}</p>`
      : nothing}
    <div class="actions">
      ${reference(receipt)
        ? html`<button type="button" @click=${() => actions.onCheckProgress(reference(receipt))}>${msg('Check progress')}</button>`
        : nothing}
      <button type="button" class="link" @click=${actions.onNewReport}>${msg('Send another message')}</button>
    </div>
  </section>`;
}

export interface QueuedViewProps extends OutcomeActions {
  /** When the device forgets the report if it could not be sent, formatted for the citizen. */
  keptUntil: string;
  /** What is kept, as a list in the page's language ("your message, the location and your photos"). */
  keptWhat: string;
  /** 'asking': the citizen pressed "remove" and is asked to confirm. */
  removal: 'offered' | 'asking';
  onRemove: () => void;
  onConfirmRemoval: () => void;
  onCancelRemoval: () => void;
}

/** Saved on the device: says only what is true (nothing sends it while no page with the form is open), what is kept, and until when. */
export function queuedView(props: QueuedViewProps, levels: HeadingLevels) {
  return html`<section class="outcome queued" part="status" aria-labelledby="outcome-heading">
    ${topHeading(levels, msg('Saved on this device'), { id: 'outcome-heading' })}
    <p>
      ${msg('Your message could not be sent just now. It is saved on this device and will be sent the next time a page of this site with the form is open on this device.')}
    </p>
    <p>${msg('For urgent matters, call 12345.')}</p>
    <p id="kept-what">
      ${msg(str`Kept on this device until ${props.keptUntil} at the latest: ${props.keptWhat}.`)}
    </p>
    ${props.removal === 'asking'
      ? html`<div class="confirm-removal" role="group" aria-labelledby="removal-question">
          <p id="removal-question" tabindex="-1">${msg('Remove this message from this device? It will not be sent.')}</p>
          <div class="actions">
            <button type="button" id="confirm-removal" @click=${props.onConfirmRemoval}>${msg('Yes, remove it')}</button>
            <button type="button" id="cancel-removal" class="link" @click=${props.onCancelRemoval}>${msg('No, keep it')}</button>
          </div>
        </div>`
      : html`<div class="actions">
          <button type="button" id="remove-kept" aria-describedby="kept-what" @click=${props.onRemove}>${msg('Remove from this device')}</button>
          <button type="button" class="link" @click=${props.onNewReport}>${msg('Send another message')}</button>
        </div>`}
  </section>`;
}

export interface WaitingNoticeProps {
  /** When each waiting report leaves the device, formatted; the one being confirmed, if any. */
  waiting: Array<{ keptUntil: string; asking: boolean }>;
  onRemove: (index: number) => void;
  onConfirmRemoval: (index: number) => void;
  onCancelRemoval: (index: number) => void;
}

/** Reports kept in this browsing session (before a reload) and still waiting: what happens to them, and a way to remove them. */
export function waitingNotice({ waiting, onRemove, onConfirmRemoval, onCancelRemoval }: WaitingNoticeProps) {
  if (waiting.length === 0) return nothing;
  return html`<section class="waiting-here" part="status" aria-labelledby="waiting-heading">
    <h2 id="waiting-heading">${msg('A message saved on this device is waiting to be sent')}</h2>
    ${waiting.map(
      ({ keptUntil, asking }, index) => html`<div class="waiting-report">
        <p>
          ${msg(str`It will be sent the next time a page of this site with the form is open on this device, and is kept until ${keptUntil} at the latest.`)}
          ${msg('For urgent matters, call 12345.')}
        </p>
        ${asking
          ? html`<div class="confirm-removal" role="group" aria-labelledby="waiting-question-${index}">
              <p id="waiting-question-${index}" tabindex="-1">${msg('Remove this message from this device? It will not be sent.')}</p>
              <div class="actions">
                <button type="button" @click=${() => onConfirmRemoval(index)}>${msg('Yes, remove it')}</button>
                <button type="button" class="link" @click=${() => onCancelRemoval(index)}>${msg('No, keep it')}</button>
              </div>
            </div>`
          : html`<p><button type="button" id="remove-waiting-${index}" @click=${() => onRemove(index)}>${msg('Remove from this device')}</button></p>`}
      </div>`,
    )}
  </section>`;
}

/** The citizen removed their kept report: it is gone, and was not sent. */
export function removedView(actions: OutcomeActions, levels: HeadingLevels) {
  return html`<section class="outcome removed" part="status" aria-labelledby="outcome-heading">
    ${topHeading(levels, msg('Removed from this device'), { id: 'outcome-heading' })}
    <p>${msg('Your message has been removed from this device and was not sent.')}</p>
    <div class="actions">
      <button type="button" class="link" @click=${actions.onNewReport}>${msg('Send another message')}</button>
    </div>
  </section>`;
}

/** A refused report kept on the device; `onRestore` puts what was sent back into the form. */
export interface RefusedReport {
  reason: LocalizedText;
  onRestore?: () => void;
}

/** A report kept on this device earlier and now received; with `onShow`, its number is hidden until the citizen asks. */
export interface DeliveredReport {
  receipt: SubmissionReceipt;
  onShow?: () => void;
}

/** Reports kept on this device earlier (maybe on another day, maybe by someone else) whose outcome is now known. */
export function deliveredLaterNotice(
  delivered: DeliveredReport[],
  refusals: RefusedReport[],
  canRestore: boolean,
  onDismiss: () => void,
  levels: HeadingLevels,
) {
  if (delivered.length === 0 && refusals.length === 0) return nothing;
  return html`<section class="delivered-later" part="status" aria-label=${msg('Messages saved on this device')}>
    ${delivered.length > 0
      ? html`${topHeading(levels, msg('A message saved on this device has now been sent'))}
          ${delivered.map(({ receipt, onShow }) =>
            onShow
              ? html`<p>${msg('A message sent from this device earlier has been received. Show its tracking number?')}</p>
                  <p><button type="button" class="show-receipt" @click=${onShow}>${msg('Show the tracking number')}</button></p>`
              : html`<div class="receipt" tabindex="-1">${receiptDetails(receipt)}</div>`,
          )}`
      : nothing}
    ${refusals.length > 0
      ? html`${topHeading(levels, msg('A message saved on this device was not accepted'))}
          <p>${msg('Please send it again.')}</p>
          ${refusals.map(
            ({ reason, onRestore }) => html`<p class="outcome-problem">${reason()}</p>
              ${onRestore && canRestore ? html`<p><button type="button" @click=${onRestore}>${msg('Put it back in the form')}</button></p>` : nothing}`,
          )}`
      : nothing}
    <button type="button" class="link" id="hide-delivered" @click=${onDismiss}>${msg('Hide this notice')}</button>
  </section>`;
}
