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

/**
 * A warning above the list. Urgent ones (Extreme or Severe, Immediate or
 * Expected) are announced at once and stay; the others are polite and can be
 * dismissed.
 */
export function alertBanner(alert: ActiveAlert, formatDate: (date: Date) => string, onDismiss: (alert: ActiveAlert) => void, levels: HeadingLevels) {
  const { info } = alert;
  const severity = info.severity.toLowerCase();
  return html`<section
    class="alert ${alert.urgent ? 'urgent' : 'advisory'} severity-${['extreme', 'severe', 'moderate', 'minor'].includes(severity) ? severity : 'unknown'}"
    part="alert"
    role=${alert.urgent ? 'alert' : 'status'}
    aria-labelledby=${`alert-${alert.version}`}
    lang=${info.language}
  >
    ${topHeading(levels, html`<span class="severity">${severityWord(info.severity)}</span> ${info.headline || info.event}`, {
      id: `alert-${alert.version}`,
      className: 'alert-heading',
    })}
    ${info.areaDesc ? html`<p class="area">${msg(str`Area: ${info.areaDesc}`)}</p>` : nothing}
    ${info.description ? html`<p>${info.description}</p>` : nothing}
    ${info.instruction ? html`<p class="instruction"><strong>${msg('What to do:')}</strong> ${info.instruction}</p>` : nothing}
    ${info.expires ? html`<p class="expires">${msg(str`Until ${formatDate(info.expires)}`)}</p>` : nothing}
    ${info.web ? html`<p><a class="action-link" href=${info.web} rel="noopener noreferrer">${msg('More about this warning')}</a></p>` : nothing}
    ${alert.urgent ? nothing : html`<button type="button" class="link" @click=${() => onDismiss(alert)}>${msg('Dismiss this warning')}</button>`}
  </section>`;
}
