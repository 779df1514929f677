import { html, type TemplateResult } from 'lit';

const logged = new WeakMap<Element, Set<string>>();

/**
 * Bad configuration or bad data: a plain message in the widget for the citizen,
 * in their language, and exactly one console error per problem for the web
 * team, in English (`problem`), whatever the page's language and however often
 * the widget renders.
 */
export function reportProblem(host: Element, problem: string, message: string, detail?: unknown): TemplateResult {
  logProblem(host, problem, detail);
  return html`<div class="problem" role="alert" part="status">${message}</div>`;
}

/** One console error per problem and widget, for a mistake the widget works around without a message. */
export function logProblem(host: Element, problem: string, detail?: unknown): void {
  const seen = logged.get(host) ?? new Set<string>();
  logged.set(host, seen);
  if (!seen.has(problem)) {
    seen.add(problem);
    console.error(`[civic-widgets] <${host.localName}>: ${problem}`, ...(detail === undefined ? [] : [detail]));
  }
}
