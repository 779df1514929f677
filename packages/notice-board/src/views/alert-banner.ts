import { html, nothing } from 'lit';
import { topHeading, type HeadingLevels } from '@civic-widgets/core';
import { msg, str } from '@lit/localize';
import type { ActiveAlert } from '../alerts/active-alerts.js';

function severityWord(severity: string): string {
  switch (severity) {
    case 'Extreme':
      return msg('Extreme danger');
    case 'Severe':
      return msg('Severe warning');
    case 'Moderate':
      return msg('Warning');
    default:
      return msg('Advisory');
  }
}

/** The alert's own words, in the alert's language: the widget's words around them keep the widget's. */
function alertText(text: string, language: string) {
  return html`<span class="alert-text" lang=${language || nothing}>${text}</span>`;
}

/**
 * A warning above the list. Urgent ones (Extreme or Severe, Immediate or
 * Expected) are announced at once and stay; the others are polite and can be
 * dismissed. Language of parts (WCAG 3.1.2): the banner speaks the widget's
 * language ("Advisory", "Area:", "What to do:", "Dismiss"), each text of the
 * alert its own `<language>`, or none when the alert names none.
 */
export function alertBanner(
  alert: ActiveAlert,
  formatDate: (date: Date) => string,
  onDismiss: (alert: ActiveAlert) => void,
  formatCount: (count: number) => string,
  levels: HeadingLevels,
) {
  const { info } = alert;
  const severity = info.severity.toLowerCase();
  const text = (value: string) => alertText(value, info.language);
  return html`<section
    class="alert ${alert.urgent ? 'urgent' : 'advisory'} severity-${['extreme', 'severe', 'moderate', 'minor'].includes(severity) ? severity : 'unknown'}"
    part="alert"
    role=${alert.urgent ? 'alert' : 'status'}
    aria-labelledby=${`alert-${alert.version}`}
  >
    ${topHeading(levels, html`<span class="severity">${severityWord(info.severity)}</span> ${text(info.headline || info.event)}`, {
      id: `alert-${alert.version}`,
      className: 'alert-heading',
    })}
    ${info.areaDesc
      ? html`<p class="area">${msg('Area: ')}${text(info.areaDesc)}${info.moreAreas > 0 ? msg(str` (and ${formatCount(info.moreAreas)} more)`) : nothing}</p>`
      : nothing}
    ${info.description ? html`<p>${text(info.description)}</p>` : nothing}
    ${info.instruction ? html`<p class="instruction"><strong>${msg('What to do:')}</strong> ${text(info.instruction)}</p>` : nothing}
    ${info.expires ? html`<p class="expires">${msg(str`Until ${formatDate(info.expires)}`)}</p>` : nothing}
    ${info.web ? html`<p><a class="action-link" href=${info.web} rel="noopener noreferrer">${msg('More about this warning')}</a></p>` : nothing}
    ${alert.urgent ? nothing : html`<button type="button" class="link" @click=${() => onDismiss(alert)}>${msg('Dismiss this warning')}</button>`}
  </section>`;
}
