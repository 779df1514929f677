import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { describedBy, errorId, errorMessage, hintId } from '../form/field-parts.js';
import { descriptionLimit } from '../form/validate.js';

/** "You have 12 characters remaining", counting as GOV.UK's character count does: it informs, it never blocks typing. */
export function characterCount(description: string, locale: string): string {
  const remaining = descriptionLimit - description.trim().length;
  const count = new Intl.NumberFormat(locale).format(Math.abs(remaining));
  if (remaining === 1) return msg('You have 1 character remaining');
  if (remaining === -1) return msg('You have 1 character too many');
  return remaining >= 0 ? msg(str`You have ${count} characters remaining`) : msg(str`You have ${count} characters too many`);
}

export function descriptionField(description: string, error: string | undefined, locale: string, onType: (description: string) => void) {
  const over = description.trim().length > descriptionLimit;
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label for="description">${msg('Describe the problem, question or suggestion')}</label>
    <span class="hint" id=${hintId('description')}>
      ${msg('Say what happened, where and since when. Do not include other people’s personal details.')}
    </span>
    ${errorMessage('description', error)}
    <textarea
      id="description"
      rows="6"
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${describedBy(hintId('description'), error && errorId('description'), 'description-count')}
      .value=${description}
      @input=${(event: Event) => onType((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p id="description-count" class="count ${over ? 'over' : ''}">${characterCount(description, locale)}</p>
  </div>`;
}
