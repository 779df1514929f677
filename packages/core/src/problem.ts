import { html, type TemplateResult } from 'lit';

const logged = new WeakMap<Element, Set<string>>();

/**
 * Bad configuration or bad data: a plain message in the widget for the citizen,
 * and exactly one console error per problem for the web team.
 */
export function reportProblem(host: Element, message: string, detail?: unknown): TemplateResult {
  const seen = logged.get(host) ?? new Set<string>();
  logged.set(host, seen);
  if (!seen.has(message)) {
    seen.add(message);
    console.error(`[civic-widgets] <${host.localName}>: ${message}`, ...(detail === undefined ? [] : [detail]));
  }
  return html`<div class="problem" role="alert" part="status">${message}</div>`;
}
