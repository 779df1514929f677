import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { describedBy, errorId } from '@civic-widgets/core';
import { fieldError } from './field-error.js';

export interface CallbackValues {
  wanted: boolean;
  name: string;
  phone: string;
  consent: boolean;
}

export type CallbackField = 'callback-name' | 'callback-phone' | 'callback-consent';

export interface CallbackProps {
  values: CallbackValues;
  errors: Partial<Record<CallbackField, string>>;
  /** Only what changed: the widget merges it into its current values (autofill changes several fields before a re-render). */
  onChange: (change: Partial<CallbackValues>) => void;
}

/**
 * The opt-in call-back after a low rating. Name and phone are personal
 * information (PIPL): asked only when the citizen wants a call, and sent only
 * with their separate consent.
 */
export function callbackFields({ values, errors, onChange }: CallbackProps) {
  return html`<div class="callback" part="field">
    <label class="choice">
      <input type="checkbox" id="callback-wanted" .checked=${values.wanted} @change=${(event: Event) => onChange({ wanted: (event.target as HTMLInputElement).checked })} />
      ${msg('Please call me back about this')}
    </label>
    ${values.wanted
      ? html`<div class="callback-details">
          <div class="field ${errors['callback-name'] ? 'has-error' : ''}">
            <label for="callback-name">${msg('Your name')}</label>
            ${fieldError('callback-name', errors['callback-name'])}
            <input
              type="text"
              id="callback-name"
              autocomplete="name"
              aria-describedby=${describedBy(errors['callback-name'] && errorId('callback-name'))}
              aria-invalid=${errors['callback-name'] ? 'true' : nothing}
              .value=${values.name}
              @input=${(event: Event) => onChange({ name: (event.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field ${errors['callback-phone'] ? 'has-error' : ''}">
            <label for="callback-phone">${msg('Phone number')}</label>
            ${fieldError('callback-phone', errors['callback-phone'])}
            <input
              type="tel"
              id="callback-phone"
              autocomplete="tel"
              inputmode="tel"
              aria-describedby=${describedBy(errors['callback-phone'] && errorId('callback-phone'))}
              aria-invalid=${errors['callback-phone'] ? 'true' : nothing}
              .value=${values.phone}
              @input=${(event: Event) => onChange({ phone: (event.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field ${errors['callback-consent'] ? 'has-error' : ''}">
            ${fieldError('callback-consent', errors['callback-consent'])}
            <label class="choice">
              <input
                type="checkbox"
                id="callback-consent"
                aria-describedby=${describedBy(errors['callback-consent'] && errorId('callback-consent'))}
                aria-invalid=${errors['callback-consent'] ? 'true' : nothing}
                .checked=${values.consent}
                @change=${(event: Event) => onChange({ consent: (event.target as HTMLInputElement).checked })}
              />
              ${msg('I agree that the district may use my name and phone number only to call me back about this rating.')}
            </label>
          </div>
        </div>`
      : nothing}
  </div>`;
}
