import { html } from 'lit';
import { topHeading, type HeadingLevels } from '@civic-widgets/core';
import { msg, str } from '@lit/localize';
import type { Scale } from '../scales.js';
import type { Summary } from '../results/summary.js';

/**
 * Public results (好差评 results are published): the share satisfied and each
 * grade's count as bars, with every number also in text, so the chart is read
 * the same by eye and by screen reader. The bars are <meter>s: a style
 * attribute would break a strict `style-src 'self'`.
 */
export function resultsView(summary: Summary, scale: Scale, heading: string, locale: string, levels: HeadingLevels) {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(locale);
  const share = (part: number) => (summary.total === 0 ? 0 : part / summary.total);
  const total = count.format(summary.total);
  return html`<section class="results" part="status" aria-labelledby="results-heading">
    ${topHeading(levels, heading, { id: 'results-heading' })}
    ${summary.total === 0
      ? html`<p>${msg('No ratings yet.')}</p>`
      : html`<p class="headline">
            <strong>${msg(str`${percent.format(share(summary.satisfied))} satisfied`)}</strong>
            ${summary.total === 1 ? msg('(1 rating)') : msg(str`(${total} ratings)`)}
          </p>
          <ul class="bars">
            ${scale.options.map((option) => {
              const part = summary.counts.get(option.value) ?? 0;
              return html`<li>
                <span class="grade">${option.label()}</span>
                <meter class="bar" aria-hidden="true" min="0" max="1" .value=${share(part)}></meter>
                <span class="figure">${msg(str`${count.format(part)} (${percent.format(share(part))})`)}</span>
              </li>`;
            })}
          </ul>`}
  </section>`;
}
