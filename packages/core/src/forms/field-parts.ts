import { html, nothing } from 'lit';

/**
 * The pieces every widget's form fields are made of, so that a hint, an error
 * and their wiring read the same in the report form and the survey (GOV.UK
 * pattern). The core has no catalog of its own: words come from the widget.
 */

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

/**
 * A field's error message, after its label and before its control. The
 * visually hidden `prefix` (the widget's translation of "Error:", 错误：) makes
 * a screen reader say it is an error, not a hint, where colour alone shows it.
 */
export function errorMessage(fieldId: string, message: string | undefined, prefix: string) {
  if (!message) return nothing;
  return html`<p class="error-message" id=${errorId(fieldId)}>
    <span class="visually-hidden">${prefix}</span> ${message}
  </p>`;
}

export function hint(fieldId: string, text: string) {
  return text ? html`<span class="hint" id=${hintId(fieldId)}>${text}</span>` : nothing;
}
