import { html, nothing } from 'lit';
import type { Scale } from '../scales.js';

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
  const describedBy = [scale.anchors ? 'rating-hint' : '', error ? 'rating-error' : ''].filter(Boolean).join(' ');
  return html`<fieldset class="rating field ${error ? 'has-error' : ''}" part="field" aria-describedby=${describedBy || nothing}>
    <legend id="rating-legend"><span class="question">${question}</span></legend>
    ${scale.anchors ? html`<span class="hint" id="rating-hint">${scale.anchors()}</span>` : nothing}
    ${error ? html`<p class="error-message" id="rating-error">${error}</p>` : nothing}
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
