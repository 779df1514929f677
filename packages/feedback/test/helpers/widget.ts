import { fixture, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CivicFeedback } from '../../src/civic-feedback.js';
import { openOutboxStore } from '../../../core/src/outbox/outbox-store.js';
import { newEndpoint } from './open311.js';

/**
 * Shared helpers for <civic-feedback> browser tests. Keep this small and stable:
 * several test files import it.
 */

/** Attribute values; `true` sets a boolean attribute, `false`/`null`/`undefined` leaves it out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

export interface RenderOptions {
  /** Element to put the widget in (it is attached to the document through a fixture). Default: a fresh <div>. */
  parent?: Element;
  /** Wait until the categories are loaded (or a problem is shown). Default true. */
  waitForLoad?: boolean;
}

/**
 * Renders `<civic-feedback>` with these attributes and waits until the first
 * screen has settled: the form, a configuration problem, or an outcome.
 * `endpoint` defaults to a fresh test-server namespace (`newEndpoint()`);
 * pass `endpoint: null` for a widget without one.
 */
export async function renderFeedback(attrs: Attrs = {}, options: RenderOptions = {}): Promise<CivicFeedback> {
  const element = document.createElement('civic-feedback');
  const all: Attrs = { endpoint: newEndpoint(), ...attrs };
  for (const [name, value] of Object.entries(all)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  const parent = options.parent ?? document.createElement('div');
  parent.append(element);
  // The fixture attaches `parent` (or its top-most ancestor) and removes it after the test.
  let top: Element = parent;
  while (top.parentElement) top = top.parentElement;
  if (!top.isConnected) await fixture(top);
  await element.updateComplete;
  if (options.waitForLoad !== false) await loaded(element);
  return element;
}

/** Resolves once neither the categories nor a category's questions are loading. */
export async function loaded(element: CivicFeedback): Promise<void> {
  await waitUntil(
    () => {
      const root = element.shadowRoot;
      return Boolean(root?.querySelector('form, .problem, .outcome') && !root.querySelector('.loading'));
    },
    'the widget did not finish loading',
    { timeout: 5000 },
  );
  await element.updateComplete;
}

export function shadow(element: CivicFeedback): ShadowRoot {
  if (!element.shadowRoot) throw new Error('<civic-feedback> has no shadow root');
  return element.shadowRoot;
}

/** The first match in the widget's shadow root; throws (naming the selector) when there is none. */
export function query<T extends Element = HTMLElement>(element: CivicFeedback, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in <civic-feedback>`);
  return found;
}

/** Waits until `selector` matches in the shadow root and returns the match. */
export async function waitForShadow<T extends Element = HTMLElement>(
  element: CivicFeedback,
  selector: string,
  timeout = 5000,
): Promise<T> {
  await waitUntil(() => shadow(element).querySelector(selector), `${selector} did not appear`, { timeout });
  await element.updateComplete;
  return query<T>(element, selector);
}

/** Types into a text control as a user would: sets the value, then fires input and change. */
export async function fill(element: CivicFeedback, selector: string, value: string): Promise<void> {
  const control = query<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(element, selector);
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await element.updateComplete;
}

/** Picks a category (`service_code`) in the picker and waits for its questions to load. */
export async function choose(element: CivicFeedback, serviceCode: string): Promise<void> {
  await fill(element, '#category', serviceCode);
  await loaded(element);
}

/** Clicks a checkbox or radio button (so it toggles as for a user). */
export async function tick(element: CivicFeedback, selector: string): Promise<void> {
  query(element, selector).click();
  await element.updateComplete;
}

/** Focuses and clicks Send, as a pointer or keyboard user does. Sending is asynchronous: wait for its outcome with `waitForShadow`. */
export async function submit(element: CivicFeedback): Promise<void> {
  const button = query<HTMLButtonElement>(element, 'form button.primary');
  button.focus();
  button.click();
  await element.updateComplete;
}

/**
 * Names an element for assertions, e.g. `h2#outcome-heading` or `h2 "Report a problem…"`.
 * Compare these strings rather than DOM nodes: a failed `expect(node)` cannot be reported by the runner.
 */
export function describeNode(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  let name = node.localName + (node.id ? `#${node.id}` : '') + [...node.classList].map((name) => `.${name}`).join('');
  const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  if (!node.id && text) name += ` "${text}"`;
  return name;
}

/** The element that has focus inside the widget, as `describeNode` names it. */
export function focused(element: CivicFeedback): string {
  return describeNode(shadow(element).activeElement);
}

/** Everything `selector` matches in the shadow root, as `describeNode` names it: `[]` when nothing does. */
export function matches(element: CivicFeedback, selector: string): string[] {
  return [...shadow(element).querySelectorAll(selector)].map(describeNode);
}

/** Sends a pothole report through the widget and returns the widget showing its receipt (the test server numbers the first SR-1). */
export async function sendReport(attrs: Attrs = {}): Promise<CivicFeedback> {
  const element = await renderFeedback({ 'min-fill-time': '0', ...attrs });
  await choose(element, 'pothole');
  await fill(element, '#description', 'A deep pothole at the bus stop');
  await submit(element);
  await waitForShadow(element, '.outcome.sent');
  return element;
}

/** Text the widget shows, whitespace collapsed. */
export function shownText(element: CivicFeedback): string {
  return (shadow(element).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The outbox database is shared by the whole origin: empty both stores. */
export async function clearOutbox(): Promise<void> {
  const db = await openOutboxStore();
  await Promise.all([db.clear('pending'), db.clear('settled')]);
}

/** A PNG of the given size with a gradient, so it is a real, non-trivial image. */
export async function png(width: number, height: number, name: string): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#1d70b8');
  gradient.addColorStop(1, '#ffdd00');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
}

/** Chooses files in the widget's file input, as the browser does after the file picker closes. */
export function chooseFiles(element: CivicFeedback, files: File[]): void {
  const input = query<HTMLInputElement>(element, 'input[type="file"]#photos');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
