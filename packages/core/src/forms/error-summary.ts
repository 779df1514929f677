import { html, nothing } from 'lit';
import { sectionHeading } from '../heading.js';
import { focusProgrammatically } from '../programmatic-focus.js';

/** Text that is read again at render, so a language switch re-translates it. */
export type LocalizedText = () => string;

export interface FieldError {
  /** The id of the control to focus, inside the widget's shadow root. */
  fieldId: string;
  message: LocalizedText;
}

/**
 * The GOV.UK error summary: it takes focus, its alert role makes screen readers
 * read it, and each entry links to its field. Fragment links do not reach into
 * a shadow root, so a click moves focus itself (see focusField).
 * `heading` is the widget's own translation of "There is a problem"; `level`
 * fits it into the widget's headings (see heading-level).
 */
export function errorSummary(heading: string, errors: FieldError[], onFocusField: (event: Event, fieldId: string) => void, level = 3) {
  if (errors.length === 0) return nothing;
  return html`<div class="error-summary" tabindex="-1">
    <div role="alert">
      ${sectionHeading(level, heading)}
      <ul>
        ${errors.map((error) => html`<li><a href=${`#${error.fieldId}`} @click=${(event: Event) => onFocusField(event, error.fieldId)}>${error.message()}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

/** Moves focus to a control in the widget's shadow root, for the error summary's links. */
export function focusField(root: ShadowRoot | null, event: Event, fieldId: string): void {
  event.preventDefault();
  const control = root?.getElementById(fieldId);
  focusProgrammatically(control);
  control?.scrollIntoView({ block: 'center' });
}

/** The server refused a submission (4xx): its own reason, between the widget's heading and reassurance. */
export function refusalNotice(texts: { heading: string; reassurance: string }, reason: LocalizedText | undefined, level = 3) {
  if (!reason) return nothing;
  return html`<div class="refusal" part="status" tabindex="-1">
    ${sectionHeading(level, texts.heading)}
    <p>${reason()}</p>
    <p>${texts.reassurance}</p>
  </div>`;
}
