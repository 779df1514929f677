import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ServiceAttribute } from '../open311/open311-types.js';
import { describedBy, errorId, errorMessage, hint, hintId } from './field-parts.js';

type Answer = string | string[] | undefined;
type OnAnswer = (code: string, answer: string | string[]) => void;

// Up to this many choices read best as radio buttons; more become a select.
const mostRadios = 6;

/** A category's extra question (an Open311 attribute) as a real, labelled control of its datatype. */
export function attributeField(attribute: ServiceAttribute, fieldId: string, answer: Answer, error: string | undefined, onAnswer: OnAnswer) {
  if (!attribute.variable) return html`<p class="note" part="field">${attribute.description}</p>`;
  const hintText = attribute.datatypeDescription;
  const described = describedBy(hintText && hintId(fieldId), error && errorId(fieldId));
  const label = attribute.required ? attribute.description : msg(str`${attribute.description} (optional)`);
  const isList = attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist';
  if (isList && (attribute.datatype === 'multivaluelist' || attribute.values.length <= mostRadios)) {
    return html`<fieldset class="field ${error ? 'has-error' : ''}" part="field" aria-describedby=${described}>
      <legend>${label}</legend>
      ${hint(fieldId, hintText)} ${errorMessage(fieldId, error)} ${choices(attribute, fieldId, answer, error, onAnswer)}
    </fieldset>`;
  }
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label for=${fieldId}>${label}</label>
    ${hint(fieldId, hintText)} ${errorMessage(fieldId, error)} ${control(attribute, fieldId, answer, error, described, onAnswer)}
  </div>`;
}

function choices(attribute: ServiceAttribute, fieldId: string, answer: Answer, error: string | undefined, onAnswer: OnAnswer) {
  const multiple = attribute.datatype === 'multivaluelist';
  const selected = new Set(Array.isArray(answer) ? answer : answer ? [answer] : []);
  return attribute.values.map(({ key, name }, index) => {
    // The error summary links to the first choice, so it carries the field's id.
    const id = index === 0 ? fieldId : `${fieldId}-${index}`;
    const change = (event: Event) => {
      const checked = (event.target as HTMLInputElement).checked;
      if (!multiple) return onAnswer(attribute.code, key);
      const next = new Set(selected);
      if (checked) next.add(key);
      else next.delete(key);
      onAnswer(attribute.code, attribute.values.map((value) => value.key).filter((value) => next.has(value)));
    };
    return html`<label class="choice" for=${id}>
      <input
        id=${id}
        type=${multiple ? 'checkbox' : 'radio'}
        name=${fieldId}
        .checked=${selected.has(key)}
        aria-invalid=${error && index === 0 ? 'true' : nothing}
        @change=${change}
      />
      ${name}
    </label>`;
  });
}

function control(
  attribute: ServiceAttribute,
  fieldId: string,
  answer: Answer,
  error: string | undefined,
  described: string | typeof nothing,
  onAnswer: OnAnswer,
) {
  const value = typeof answer === 'string' ? answer : '';
  const invalid = error ? 'true' : nothing;
  const input = (event: Event) => onAnswer(attribute.code, (event.target as HTMLInputElement).value);
  switch (attribute.datatype) {
    case 'singlevaluelist':
      return html`<select id=${fieldId} aria-invalid=${invalid} aria-describedby=${described} @change=${input}>
        <option value="" ?selected=${!value}>${msg('Choose one')}</option>
        ${attribute.values.map(({ key, name }) => html`<option value=${key} ?selected=${key === value}>${name}</option>`)}
      </select>`;
    case 'text':
      return html`<textarea id=${fieldId} rows="4" aria-invalid=${invalid} aria-describedby=${described} .value=${value} @input=${input}></textarea>`;
    case 'datetime':
      // The wrapper shows the focus while it is on the field's own calendar button, where the input's :focus-visible does not match.
      return html`<span class="datetime-field"
        ><input id=${fieldId} type="datetime-local" aria-invalid=${invalid} aria-describedby=${described} .value=${value} @input=${input}
      /></span>`;
    case 'number':
      // A text input with a numeric keyboard: type=number mangles input and reads badly in screen readers.
      return html`<input id=${fieldId} type="text" inputmode="decimal" aria-invalid=${invalid} aria-describedby=${described} .value=${value} @input=${input} />`;
    default:
      return html`<input id=${fieldId} type="text" aria-invalid=${invalid} aria-describedby=${described} .value=${value} @input=${input} />`;
  }
}
