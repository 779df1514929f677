import { fixture, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CivicNoticeBoard } from '../../src/civic-notice-board.js';
import { afterFirstRenderingTask } from '../../../core/src/not-configured.js';

/**
 * Shared helpers for <civic-notice-board> browser tests. Assertions compare
 * strings, numbers and booleans: a failed chai assertion that holds a DOM node
 * or an element class hangs the test runner.
 */

export type Board = CivicNoticeBoard;

/** Attribute values; `true` sets a boolean attribute, `false`/`null`/`undefined` leaves it out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/**
 * Renders `<civic-notice-board>` with these attributes (in English unless `lang`
 * says otherwise) and waits for its first render and, with `src`, for the list
 * or a problem to replace "Loading notices…".
 */
export async function renderBoard(attrs: Attrs, { settle = true } = {}): Promise<Board> {
  const el = document.createElement('civic-notice-board');
  const all: Attrs = { lang: 'en', ...attrs };
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
  if (settle && el.hasAttribute('src')) await listSettled(el);
  return el;
}

/** Resolves once the list, or a problem instead of it, is shown. */
export async function listSettled(el: Board, timeout = 8000): Promise<void> {
  await waitUntil(() => has(el, '.notices') || has(el, '.problem'), 'the notices did not finish loading', { timeout });
  await el.updateComplete;
}

export function shadow(el: Board): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<civic-notice-board> has no shadow root');
  return el.shadowRoot;
}

/** The first match in the shadow root; throws (naming the selector) when there is none. */
export function query<T extends Element = HTMLElement>(el: Board, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in <civic-notice-board>`);
  return found;
}

export function queryAll<T extends Element = HTMLElement>(el: Board, selector: string): T[] {
  return [...shadow(el).querySelectorAll<T>(selector)];
}

export function has(el: Board, selector: string): boolean {
  return shadow(el).querySelector(selector) !== null;
}

export function count(el: Board, selector: string): number {
  return shadow(el).querySelectorAll(selector).length;
}

/** Whitespace collapsed. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of the first match, whitespace collapsed; '' when nothing matches. */
export function textOf(el: Board, selector: string): string {
  return squash(shadow(el).querySelector(selector)?.textContent);
}

/** Texts of every match, whitespace collapsed. */
export function textsOf(el: Board, selector: string): string[] {
  return queryAll(el, selector).map((node) => squash(node.textContent));
}

/** Waits until `selector` matches in the shadow root. */
export async function waitForShadow(el: Board, selector: string, timeout = 5000): Promise<void> {
  await waitUntil(() => has(el, selector), `${selector} did not appear`, { timeout });
  await el.updateComplete;
}

/** What the polite live region says. */
export function announcement(el: Board): string {
  return textOf(el, '.root > [role="status"][aria-live="polite"]');
}

/** The status line above the list ("Showing 6 of 6", "Show 2 new notices"). */
export function listStatus(el: Board): string {
  return textOf(el, '.list-status');
}

/** Everything a notice shows, as plain data. */
export interface NoticeFacts {
  /** The title as shown (the button's or link's text), without the "Unread:" mark. */
  title: string;
  /** `button` (opens in place), `a` (follows a link) or `span`. */
  titleKind: string;
  unread: boolean;
  pinned: boolean;
  /** `<time datetime>` and its text. */
  datetime: string;
  date: string;
  tags: string[];
  summary: string;
  attachments: Array<{ name: string; href: string; facts: string }>;
  expanded: string | null;
}

export function notices(el: Board): NoticeFacts[] {
  return queryAll(el, '.notices > li').map((item) => {
    const title = item.querySelector('.title');
    return {
      title: squash(title?.textContent),
      titleKind: title?.localName ?? '',
      unread: item.classList.contains('unread') && item.querySelector('.unread-mark') !== null,
      pinned: item.classList.contains('pinned') && item.querySelector('.pinned-badge') !== null,
      datetime: item.querySelector('time')?.getAttribute('datetime') ?? '',
      date: squash(item.querySelector('time')?.textContent),
      tags: [...item.querySelectorAll('.tag')].map((tag) => squash(tag.textContent)),
      summary: squash(item.querySelector('.summary')?.textContent),
      attachments: [...item.querySelectorAll('.attachments li')].map((attachment) => ({
        name: squash(attachment.querySelector('a')?.textContent),
        href: attachment.querySelector('a')?.getAttribute('href') ?? '',
        facts: squash(attachment.querySelector('.file-facts')?.textContent),
      })),
      expanded: title?.getAttribute('aria-expanded') ?? null,
    };
  });
}

export function titles(el: Board): string[] {
  return notices(el).map((notice) => notice.title);
}

/** Clicks the title of the notice at this position in the list (opens or closes it), as a citizen would. */
export async function toggleNotice(el: Board, index: number): Promise<void> {
  const title = queryAll(el, '.notices > li .title')[index];
  if (!title) throw new Error(`There is no notice at position ${index}`);
  title.click();
  await el.updateComplete;
  // HTML content waits for the sanitizer, loaded on first use.
  await waitUntil(() => !el.shadowRoot!.querySelector('.content[aria-busy]'), 'the sanitizer did not arrive');
}

/** The text of the opened content of the notice at this position ('' when closed). */
export function contentOf(el: Board, index: number): string {
  return squash(queryAll(el, '.notices > li')[index]?.querySelector('.details .content')?.textContent);
}

/** Category chips as shown, with their aria-pressed. */
export function chips(el: Board): Array<{ label: string; pressed: string | null }> {
  return queryAll(el, '.chip').map((chip) => ({ label: squash(chip.textContent), pressed: chip.getAttribute('aria-pressed') }));
}

export async function clickChip(el: Board, label: string): Promise<void> {
  const chip = queryAll(el, '.chip').find((candidate) => squash(candidate.textContent) === label);
  if (!chip) throw new Error(`No chip "${label}"; there are ${chips(el).map((item) => item.label).join(', ')}`);
  chip.click();
  await el.updateComplete;
}

/** Types into the search field as a citizen would. */
export async function search(el: Board, text: string): Promise<void> {
  const input = query<HTMLInputElement>(el, '#notice-search');
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function click(el: Board, selector: string): Promise<void> {
  query(el, selector).click();
  await el.updateComplete;
}

/** Names an element for assertions, e.g. `button.title "停水通知"`. */
export function describeNode(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  let name = node.localName + (node.id ? `#${node.id}` : '') + [...node.classList].map((item) => `.${item}`).join('');
  const text = squash(node.textContent).slice(0, 40);
  if (text) name += ` "${text}"`;
  return name;
}

/** Where the focus is inside the board; 'outside' when the page has it. */
export function focused(el: Board): string {
  if (document.activeElement !== el) return `outside (${describeNode(document.activeElement)})`;
  return describeNode(shadow(el).activeElement);
}

/** Waits until the focus is on the board's element matching `selector`; the error says where it is instead. */
export async function waitForFocus(el: Board, selector: string, timeout = 2000): Promise<void> {
  const there = () => document.activeElement === el && Boolean(shadow(el).activeElement?.matches(selector));
  await waitUntil(there, `focus did not move to ${selector}`, { timeout }).catch(() => {
    throw new Error(`focus did not move to ${selector}: it is on ${focused(el)}`);
  });
}

/** Every civic-notice-open, as the id of the notice it carried. */
export function recordOpens(el: Board): string[] {
  const opened: string[] = [];
  el.addEventListener('civic-notice-open', (event) => opened.push(event.detail.item.id));
  return opened;
}

/** Forgets what was read and dismissed, and the page's language. */
export function useCleanState(): void {
  const lang = document.documentElement.getAttribute('lang');
  const reset = () => {
    localStorage.clear();
    sessionStorage.clear();
    if (lang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', lang);
  };
  beforeEach(reset);
  afterEach(reset);
}

/** Collects console.error calls of the board while a test runs (they are expected, and kept off the output). */
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
  return () => errors.filter((line) => line.startsWith('[civic-widgets] <civic-notice-board>'));
}

/** Uncaught errors and unhandled rejections while a test runs, as messages. */
export function watchUncaught(): () => string[] {
  let uncaught: string[] = [];
  const onError = (event: ErrorEvent) => void uncaught.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => void uncaught.push(`unhandled rejection: ${String(event.reason)}`);
  beforeEach(() => {
    uncaught = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  return () => uncaught;
}

/**
 * Takes over `setInterval` while a test runs, so a refresh set to 30 seconds
 * can be run at once: `intervals()` lists what was scheduled (with its delay),
 * `fire()` runs every live interval of at least `minDelay` ms once.
 */
export function controlIntervals(minDelay = 1000) {
  type SetInterval = (handler: TimerHandler, delay?: number, ...args: unknown[]) => number;
  const real = { set: window.setInterval as unknown as SetInterval, clear: window.clearInterval };
  let live = new Map<number, { delay: number; run: () => void }>();
  beforeEach(() => {
    live = new Map();
    const patched: SetInterval = (handler, delay = 0, ...args) => {
      const id = real.set.call(window, handler, delay, ...args);
      if (delay >= minDelay && typeof handler === 'function') live.set(id, { delay, run: () => (handler as (...a: unknown[]) => void)(...args) });
      return id;
    };
    window.setInterval = patched as unknown as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) live.delete(id);
      real.clear.call(window, id);
    }) as typeof window.clearInterval;
  });
  afterEach(() => {
    window.setInterval = real.set as unknown as typeof window.setInterval;
    window.clearInterval = real.clear;
    for (const id of live.keys()) real.clear.call(window, id);
  });
  return {
    delays: () => [...live.values()].map((interval) => interval.delay),
    fire: () => [...live.values()].forEach((interval) => interval.run()),
  };
}

/** Waits for a number of animation frames: long enough for handlers of inserted markup (onerror, onload) to have run. */
export async function frames(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
