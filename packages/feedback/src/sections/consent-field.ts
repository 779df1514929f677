import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { describedBy, errorId, errorMessage, hintId } from '../form/field-parts.js';

/** Only http(s) links: a javascript: URL in an attribute must never become a clickable link. */
function safeHttpUrl(value: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Consent to the use of contact details and location (PIPL), with the district's privacy notice. */
export function consentField(consent: boolean, error: string | undefined, privacyUrl: string, onChange: (consent: boolean) => void) {
  const privacy = safeHttpUrl(privacyUrl);
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    ${errorMessage('consent', error)}
    <label class="choice" for="consent">
      <input
        id="consent"
        type="checkbox"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy(hintId('consent'), error && errorId('consent'))}
        .checked=${consent}
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      ${msg('I agree that the district uses the contact details and location I have given to handle this message.')}
    </label>
    <div class="hint" id=${hintId('consent')}>
      <p>${msg('Published, so anyone can follow the progress: the category, the status and a rough area, such as the subdistrict.')}</p>
      <p>
        ${msg('Not published: your description, address and photos stay with district staff, unless staff publish a version with personal details removed. Your name, phone number and email address are never published.')}
      </p>
    </div>
    ${privacy ? html`<a class="action-link" href=${privacy} target="_blank" rel="noopener noreferrer">${msg('How we use your information (opens in a new tab)')}</a>` : nothing}
  </div>`;
}

/**
 * A field people never see and bots fill. Its name means nothing to password
 * managers and autofill, so they leave it alone too.
 */
export function honeypotField(onInput: (value: string) => void) {
  return html`<div class="trap" aria-hidden="true">
    <label for="leave-empty">${msg('Leave this field empty')}</label>
    <input id="leave-empty" type="text" tabindex="-1" autocomplete="off" @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)} />
  </div>`;
}
