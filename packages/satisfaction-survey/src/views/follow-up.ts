import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { describedBy, errorId, hint, hintId } from '@civic-widgets/core';
import { fieldError } from './field-error.js';
import { reasons, type ReasonCode } from '../reasons.js';

export const maxComment = 1000;

export interface FollowUpProps {
  low: boolean;
  /** Low ratings of a service list the 好差评 indicators; a page that was not useful just asks what was missing. */
  askReasons: boolean;
  chosenReasons: ReasonCode[];
  comment: string;
  commentError: string | undefined;
  onReasons: (reasons: ReasonCode[]) => void;
  onComment: (comment: string) => void;
}

/** After a low rating: what went wrong (the 好差评 indicators) and more in words; after a good one: what went well. */
export function followUp({ low, askReasons, chosenReasons, comment, commentError, onReasons, onComment }: FollowUpProps) {
  const toggle = (code: ReasonCode, on: boolean) =>
    onReasons(on ? [...chosenReasons, code] : chosenReasons.filter((chosen) => chosen !== code));
  const commentLabel = !low ? msg('What went well? (optional)') : askReasons ? msg('Tell us more (optional)') : msg('What was missing or wrong? (optional)');
  return html`${askReasons
      ? html`<fieldset class="field reasons" part="field" aria-describedby="reasons-hint">
          <legend>${msg('What went wrong? (optional)')}</legend>
          <span class="hint" id="reasons-hint">${msg('Choose all that apply.')}</span>
          ${reasons.map(
            ({ code, label }) => html`<label class="choice">
              <input
                type="checkbox"
                name="reasons"
                .value=${code}
                .checked=${chosenReasons.includes(code)}
                @change=${(event: Event) => toggle(code, (event.target as HTMLInputElement).checked)}
              />
              ${label()}
            </label>`,
          )}
        </fieldset>`
      : nothing}
    <div class="field ${commentError ? 'has-error' : ''}" part="field">
      <label for="comment">${commentLabel}</label>
      ${hint('comment', msg('Please do not include personal details such as ID numbers.'))}
      ${fieldError('comment', commentError)}
      <textarea
        id="comment"
        name="comment"
        rows="3"
        aria-describedby=${describedBy(hintId('comment'), commentError && errorId('comment'))}
        aria-invalid=${commentError ? 'true' : nothing}
        .value=${comment}
        @input=${(event: Event) => onComment((event.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>`;
}
