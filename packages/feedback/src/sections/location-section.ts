import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { describedBy, errorId, errorMessage, hintId } from '../form/field-parts.js';
import type { FeedbackValues } from '../form/feedback-values.js';
import type { LocalizedText } from '../form/validate.js';

export type LocatingState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message: LocalizedText };

export interface LocationSectionProps {
  values: FeedbackValues;
  required: boolean;
  error: string | undefined;
  locating: LocatingState;
  locale: string;
  onAddress: (address: string) => void;
  onLocate: () => void;
  onForgetPosition: () => void;
}

/**
 * An address line, and the device's position only when the citizen asks for it.
 * The address is where the problem is, not where the citizen lives: no
 * `street-address` autocomplete inviting the browser to fill in their home.
 */
export function locationSection(props: LocationSectionProps) {
  const { values, error, locating } = props;
  const coordinates = new Intl.NumberFormat(props.locale, { maximumFractionDigits: 5 });
  const legend = props.required ? msg('Where is it?') : msg('Where is it? (optional)');
  return html`<fieldset class="field group ${error ? 'has-error' : ''}" part="field">
    <legend>${legend}</legend>
    <label for="address">${msg('Address or place')}</label>
    <span class="hint" id=${hintId('address')}>${msg('For example: 88 Huaihai Road, near the north gate of the residential compound')}</span>
    ${errorMessage('address', error)}
    <input
      id="address"
      type="text"
      autocomplete="off"
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${describedBy(hintId('address'), error && errorId('address'))}
      .value=${values.address}
      @input=${(event: Event) => props.onAddress((event.target as HTMLInputElement).value)}
    />
    <div class="geolocation">
      ${values.position
        ? html`<p class="position">
              ${msg(str`Your position will be sent: ${coordinates.format(values.position.latitude)}, ${coordinates.format(values.position.longitude)}`)}
            </p>
            <button type="button" id="forget-position" class="link" @click=${props.onForgetPosition}>${msg('Do not send my position')}</button>`
        : html`<button type="button" id="locate" aria-describedby="locate-hint" aria-disabled=${locating.kind === 'busy' ? 'true' : nothing} @click=${props.onLocate}>
              ${locating.kind === 'busy' ? msg('Finding your position…') : msg('Use my current location')}
            </button>
            <span class="hint" id="locate-hint">
              ${msg('Your browser will ask for permission. Your position is sent only with this message.')}
            </span>`}
      ${locating.kind === 'failed' ? html`<p class="error-message">${locating.message()}</p>` : nothing}
    </div>
  </fieldset>`;
}
