import { fixture, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CivicSatisfactionSurvey } from '../../src/civic-satisfaction-survey.js';
import { surveyEnvironment } from '../../src/visibility.js';
import { openOutboxStore } from '../../../core/src/outbox/outbox-store.js';
import { afterFirstRenderingTask } from '../../../core/src/not-configured.js';
import { SurveyServer } from './survey-server.js';

/**
 * Shared helpers for <civic-satisfaction-survey> browser tests. Assertions
 * compare strings, numbers and booleans: a failed chai assertion that holds a
 * DOM node or an element class hangs the test runner.
 */

export type Survey = CivicSatisfactionSurvey;

/** Attribute values; `true` sets a boolean attribute, `false`/`null`/`undefined` leaves it out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/**
 * Renders `<civic-satisfaction-survey>` with these attributes and waits for its
 * first render. Without `endpoint` in `attrs`, the widget posts to a fresh
 * namespace of the survey test server (returned as `server`); `endpoint: null`
 * leaves the attribute out. With mode="results" it waits for the results
 * (or their problem) unless `waitForResults` is false.
 */
export async function renderSurvey(
  attrs: Attrs = {},
  server = new SurveyServer(),
  { waitForResults = true } = {},
): Promise<{ el: Survey; server: SurveyServer }> {
  const el = document.createElement('civic-satisfaction-survey');
  const all: Attrs = 'endpoint' in attrs ? attrs : { endpoint: server.endpoint, ...attrs };
  for (const [name, value] of Object.entries(all)) {
    if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  const parent = document.createElement('div');
  parent.append(el);
  await fixture(parent);
  await el.updateComplete;
  // Set-up problems are shown once the page had its first rendering task to set attributes.
  await afterFirstRenderingTask();
  await el.updateComplete;
  if (waitForResults && el.getAttribute('mode') === 'results') await resultsSettled(el);
  return { el, server };
}

/** Resolves once the results are shown or a problem replaced them. */
export async function resultsSettled(el: Survey, timeout = 5000): Promise<void> {
  await waitUntil(() => !shadow(el).querySelector('.loading'), 'the results did not finish loading', { timeout });
  await el.updateComplete;
}

export function shadow(el: Survey): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<civic-satisfaction-survey> has no shadow root');
  return el.shadowRoot;
}

/** The first match in the shadow root; throws (naming the selector) when there is none. */
export function query<T extends Element = HTMLElement>(el: Survey, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in <civic-satisfaction-survey>`);
  return found;
}

export function has(el: Survey, selector: string): boolean {
  return shadow(el).querySelector(selector) !== null;
}

/** Waits until `selector` matches in the shadow root. */
export async function waitForShadow(el: Survey, selector: string, timeout = 5000): Promise<void> {
  await waitUntil(() => shadow(el).querySelector(selector), `${selector} did not appear`, { timeout });
  await el.updateComplete;
}

/** Text of the first match, whitespace collapsed; '' when nothing matches. */
export function textOf(el: Survey, selector: string): string {
  return (shadow(el).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Everything the widget shows, whitespace collapsed (styles excluded). */
export function shownText(el: Survey): string {
  const root = shadow(el).querySelector('.root');
  return (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Names an element for assertions, e.g. `h2#outcome-heading` or `button.trigger.primary "Rate this page"`. */
export function describeNode(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  let name = node.localName + (node.id ? `#${node.id}` : '') + [...node.classList].map((item) => `.${item}`).join('');
  const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  if (!node.id && text) name += ` "${text}"`;
  return name;
}

/** Where the focus is inside the widget, as `describeNode` names it; 'outside' when the page has it. */
export function focused(el: Survey): string {
  if (document.activeElement !== el) return `outside (${describeNode(document.activeElement)})`;
  return describeNode(shadow(el).activeElement);
}

/** Waits until the focus is on the widget's element matching `selector`; the error says where it is instead. */
export async function waitForFocus(el: Survey, selector: string, timeout = 2000): Promise<void> {
  const there = () => document.activeElement === el && Boolean(shadow(el).activeElement?.matches(selector));
  await waitUntil(there, `focus did not move to ${selector}`, { timeout }).catch(() => {
    throw new Error(`focus did not move to ${selector}: it is on ${focused(el)}`);
  });
}

/** Labels of the rating choices, in the order shown. */
export function optionLabels(el: Survey): string[] {
  return [...shadow(el).querySelectorAll('.option')].map((option) => (option.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Clicks the rating choice with this value, as a citizen would. */
export async function chooseRating(el: Survey, value: number): Promise<void> {
  query(el, `.option:has(#rating-${value})`).click();
  await el.updateComplete;
}

/** Clicks a checkbox or any other control. */
export async function click(el: Survey, selector: string): Promise<void> {
  query(el, selector).click();
  await el.updateComplete;
}

/** Ticks the reason checkbox with this code. */
export async function tickReason(el: Survey, code: string): Promise<void> {
  await click(el, `input[name="reasons"][value="${code}"]`);
}

/** Types into a text field as a user would: sets the value and fires input and change. */
export async function fill(el: Survey, selector: string, value: string): Promise<void> {
  const control = query<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Clicks "Send rating". Sending is asynchronous: wait for its outcome with `waitForShadow`. */
export async function submit(el: Survey): Promise<void> {
  query<HTMLButtonElement>(el, 'button[part="submit"]').click();
  await el.updateComplete;
}

/** Chooses a rating, sends it and waits for the thank-you. */
export async function rateAndSend(el: Survey, value: number): Promise<void> {
  await chooseRating(el, value);
  await submit(el);
  await waitForShadow(el, '.outcome');
}

/** Every civic-survey-* event the widget fires, in order, as plain data. */
export function recordEvents(el: Survey) {
  const log = {
    order: [] as string[],
    submit: [] as string[],
    success: [] as string[],
    queued: [] as string[],
    dismiss: 0,
    error: [] as Array<{ status: number; message: string }>,
  };
  el.addEventListener('civic-survey-submit', (event) => {
    log.order.push('submit');
    log.submit.push(JSON.stringify(event.detail.response));
  });
  el.addEventListener('civic-survey-success', (event) => {
    log.order.push('success');
    log.success.push(event.detail.idempotencyKey);
  });
  el.addEventListener('civic-survey-queued', (event) => {
    log.order.push('queued');
    log.queued.push(event.detail.idempotencyKey);
  });
  el.addEventListener('civic-survey-dismiss', () => {
    log.order.push('dismiss');
    log.dismiss++;
  });
  el.addEventListener('civic-survey-error', (event) => {
    log.order.push('error');
    log.error.push({ status: event.detail.status, message: event.detail.message });
  });
  return log;
}

const realEnvironment = { ...surveyEnvironment };

/** Sets the survey's clock (ms since the epoch) and dice; restored by `resetSurveyState`. */
export function setEnvironment({ now, random }: { now?: number; random?: number | (() => number) }): void {
  if (now !== undefined) surveyEnvironment.now = () => now;
  if (random !== undefined) surveyEnvironment.random = typeof random === 'number' ? () => random : random;
}

/** The outbox database is shared by the whole origin: empty both stores. */
export async function clearOutbox(): Promise<void> {
  const db = await openOutboxStore();
  await Promise.all([db.clear('pending'), db.clear('settled')]);
}

export async function pendingKeys(): Promise<string[]> {
  return (await (await openOutboxStore()).getAll('pending')).map((item) => item.key);
}

/** Forgets answers, dismissals and kept ratings, and gives the survey back the real clock and dice. */
export async function resetSurveyState(): Promise<void> {
  localStorage.clear();
  sessionStorage.clear();
  Object.assign(surveyEnvironment, realEnvironment);
  await clearOutbox();
}

/** Call in a describe(): every test starts and ends with no remembered answers, no kept ratings and the real clock. */
export function useCleanState(): void {
  beforeEach(resetSurveyState);
  afterEach(resetSurveyState);
}

/** Collects console.error calls of the survey while a test runs (they are expected, and kept off the output). */
export function captureConsoleErrors(): () => string[] {
  let errors: string[] = [];
  const original = console.error;
  beforeEach(() => {
    errors = [];
    console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.error = original;
  });
  return () => errors.filter((line) => line.startsWith('[civic-widgets] <civic-satisfaction-survey>'));
}

/** The `lang` of <html> as the test page had it, to put back after a test changes it. */
export function keepPageLanguage(): void {
  const original = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (original === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', original);
  });
}
