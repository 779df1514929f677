import { nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { reportProblem } from './problem.js';

/**
 * Resolves once the page has had its chance to set the widget up: the document
 * is parsed (jQuery's ready handlers have run), a frame has been painted and
 * one more task has run (a framework's mount, a script right after `define`).
 */
export function afterFirstRenderingTask(): Promise<void> {
  const parsed =
    document.readyState === 'loading'
      ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
      : Promise.resolve();
  return parsed.then(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

const settled = new WeakSet<ReactiveElement>();
const waiting = new WeakSet<ReactiveElement>();

/**
 * A widget that is not set up, or set up with values it cannot use. The citizen
 * gets `message`, the widget's own plain sentence in their language, which names
 * no attribute and offers another way (the 12345 hotline); the web team gets
 * `problem`, the technical detail in English, as exactly one console error.
 *
 * Hosts often set attributes by script just after the widget is defined (a
 * jQuery ready handler, a framework's mount): until the first rendering task
 * has passed, a problem shows nothing and logs nothing, and is reported only if
 * it is still there afterwards.
 */
export function notConfigured(host: ReactiveElement, problem: string, message: string): TemplateResult | typeof nothing {
  if (settled.has(host)) return reportProblem(host, problem, message);
  if (!waiting.has(host)) {
    waiting.add(host);
    void afterFirstRenderingTask().then(() => {
      settled.add(host);
      host.requestUpdate();
    });
  }
  return nothing;
}
