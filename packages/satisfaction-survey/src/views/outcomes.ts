import { html, nothing } from 'lit';
import { topHeading, type HeadingLevels } from '@civic-widgets/core';
import { msg } from '@lit/localize';

/** Sent, or kept on the device: either way the citizen is done, and told what happens next. */
export function thanksView(outcome: 'sent' | 'queued', willCallBack: boolean, levels: HeadingLevels) {
  return html`<section class="outcome ${outcome}" part="status" aria-labelledby="outcome-heading">
    ${topHeading(levels, outcome === 'sent' ? msg('Thank you for your rating') : msg('Thank you: your rating is saved on this device'), { id: 'outcome-heading' })}
    ${outcome === 'queued' ? html`<p>${msg('It could not be sent just now and will be sent automatically when the connection is back.')}</p>` : nothing}
    ${willCallBack ? html`<p>${msg('The district will call you back about your rating.')}</p>` : nothing}
  </section>`;
}
