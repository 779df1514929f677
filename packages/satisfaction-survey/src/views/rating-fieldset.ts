import { html } from 'lit';
import { describedBy, errorId, hint, hintId } from '@civic-widgets/core';
import type { Scale } from '../scales.js';
import { fieldError } from './field-error.js';

export interface RatingProps {
  scale: Scale;
  question: string;
  rating: number | undefined;
  error: string | undefined;
  onChange: (rating: number) => void;
}

/**
 * A real radio group: the browser gives it arrow keys and one tab stop, and
 * screen readers announce "n of m". Each choice is a whole label, so the
 * target is the full box, never just the small circle.
 */
export function ratingFieldset({ scale, question, rating, error, onChange }: RatingProps) {
  return html`<fieldset class="rating field ${error ? 'has-error' : ''}" part="field" aria-describedby=${describedBy(scale.anchors && hintId('rating'), error && errorId('rating'))}>
    <legend id="rating-legend"><span class="question">${question}</span></legend>
    ${hint('rating', scale.anchors?.() ?? '')}
    ${fieldError('rating', error)}
    <div class=${scale.numeric ? 'options numeric' : 'options words'}>
      ${scale.options.map(
        (option) => html`<label class="option">
          <input
            type="radio"
            name="rating"
            id=${`rating-${option.value}`}
            .value=${String(option.value)}
            .checked=${rating === option.value}
            @change=${() => onChange(option.value)}
          />
          <span>${option.label()}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}
