import { html, nothing } from 'lit';
import { msg } from '@lit/localize';

/** The ids a control's `aria-describedby` lists: hint first, then error, as GOV.UK orders them. */
export function describedBy(...ids: Array<string | false | undefined>): string | typeof nothing {
  const value = ids.filter(Boolean).join(' ');
  return value || nothing;
}

export function hintId(fieldId: string): string {
  return `${fieldId}-hint`;
}

export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}

export function errorMessage(fieldId: string, message: string | undefined) {
  if (!message) return nothing;
  return html`<p class="error-message" id=${errorId(fieldId)}>
    <span class="visually-hidden">${msg('Error:')}</span> ${message}
  </p>`;
}

export function hint(fieldId: string, text: string) {
  return text ? html`<span class="hint" id=${hintId(fieldId)}>${text}</span>` : nothing;
}
