import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { FieldError, LocalizedText } from '../form/validate.js';

/**
 * The GOV.UK error summary: it takes focus, its alert role makes screen readers
 * read it, and each entry links to its field. Fragment links do not reach into
 * a shadow root, so the click moves focus itself.
 */
export function errorSummary(errors: FieldError[], onFocusField: (event: Event, fieldId: string) => void) {
  if (errors.length === 0) return nothing;
  return html`<div class="error-summary" tabindex="-1">
    <div role="alert">
      <h3>${msg('There is a problem')}</h3>
      <ul>
        ${errors.map((error) => html`<li><a href=${`#${error.fieldId}`} @click=${(event: Event) => onFocusField(event, error.fieldId)}>${error.message()}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

/** The server refused the report (4xx): its own reason, and reassurance that nothing typed is lost. */
export function refusalNotice(reason: LocalizedText | undefined) {
  if (!reason) return nothing;
  return html`<div class="refusal" part="status" tabindex="-1">
    <h3>${msg('Your message was not accepted')}</h3>
    <p>${reason()}</p>
    <p>${msg('Everything you entered is still here: correct it and send again.')}</p>
  </div>`;
}
