import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { describedBy, errorId, errorMessage } from '../form/field-parts.js';
import type { FeedbackValues } from '../form/feedback-values.js';

type ContactField = 'name' | 'phone' | 'email';

export interface ContactSectionProps {
  values: FeedbackValues;
  errorFor: (fieldId: string) => string | undefined;
  onChange: (field: ContactField | 'anonymous', value: string | boolean) => void;
}

/** Contact is optional, and a citizen may choose to stay anonymous, as the 12345 hotline allows. */
export function contactSection({ values, errorFor, onChange }: ContactSectionProps) {
  const field = (id: ContactField, label: string, type: string, autocomplete: string) => {
    const error = errorFor(id);
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${label}</label>
      ${errorMessage(id, error)}
      <input
        id=${id}
        type=${type}
        autocomplete=${autocomplete}
        spellcheck="false"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy(error && errorId(id))}
        .value=${values[id]}
        @input=${(event: Event) => onChange(id, (event.target as HTMLInputElement).value)}
      />
    </div>`;
  };
  return html`<fieldset class="field group" part="field" aria-describedby="contact-hint">
    <legend>${msg('Your contact details (optional)')}</legend>
    <span class="hint" id="contact-hint">${msg('Give a phone number or email address if you would like a reply.')}</span>
    <label class="choice" for="anonymous">
      <input
        id="anonymous"
        type="checkbox"
        .checked=${values.anonymous}
        @change=${(event: Event) => onChange('anonymous', (event.target as HTMLInputElement).checked)}
      />
      ${msg('Send without my name and contact details')}
    </label>
    ${values.anonymous
      ? nothing
      : html`${field('name', msg('Name'), 'text', 'name')} ${field('phone', msg('Phone number'), 'tel', 'tel')}
        ${field('email', msg('Email address'), 'email', 'email')}`}
  </fieldset>`;
}
