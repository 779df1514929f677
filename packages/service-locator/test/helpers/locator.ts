import { fixture, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { locatorOrigin } from '/locator-test-config.js';
import '../../src/define.js';
import type { CivicServiceLocator } from '../../src/civic-service-locator.js';

export type Locator = CivicServiceLocator;

/** A file of test/fixtures/, served without being recorded. */
export function fixtureUrl(file: string): string {
  return `${locatorOrigin}/fixtures/${file}`;
}

export const pointsUrl = fixtureUrl('points.geojson');
export const holidaysUrl = fixtureUrl('holidays-2026.json');

/** A namespace of its own on the locator test server: its requests are recorded apart from other tests'. */
export class LocatorServer {
  readonly base = `${locatorOrigin}/ns/${crypto.randomUUID()}`;

  file(file: string): string {
    return `${this.base}/fixtures/${file}`;
  }

  /** A file held back until `release()`. */
  slow(file: string): string {
    return `${this.base}/slow/fixtures/${file}`;
  }

  get hostile(): string {
    return `${this.base}/hostile.geojson`;
  }

  generated(points: number): string {
    return `${this.base}/generated?points=${points}`;
  }

  async setPayloads(payloads: string[]): Promise<void> {
    await fetch(`${this.base}/__control/hostile`, { method: 'POST', body: JSON.stringify({ payloads }) });
  }

  async release(): Promise<void> {
    await fetch(`${this.base}/__control/release`, { method: 'POST' });
  }

  async setMode(mode: 'ok' | '500'): Promise<void> {
    await fetch(`${this.base}/__control/mode?set=${mode}`, { method: 'POST' });
  }

  async log(): Promise<Array<{ method: string; path: string; search: string; referer: string | null }>> {
    return ((await (await fetch(`${this.base}/__control/log`)).json()) as { requests: [] }).requests;
  }
}

/**
 * The clock the widget reads (`Date.now`), set by the test: "10:00 on a
 * Tuesday in Shanghai" is then the same on every machine, in every zone.
 */
export function useClock(): (iso: string) => void {
  const realNow = Date.now;
  let offset = 0;
  afterEach(() => {
    Date.now = realNow;
    offset = 0;
  });
  return (iso: string) => {
    offset = Date.parse(iso) - realNow.call(Date);
    Date.now = () => realNow.call(Date) + offset;
  };
}

export function shadow(el: Locator): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Renders the locator and waits until its points (or a problem) are shown. */
export async function renderLocator(attrs: Record<string, string | number | boolean> = {}): Promise<Locator> {
  // Attributes before the element is in the page, as a host page's markup gives them.
  const created = document.createElement('civic-service-locator');
  for (const [name, value] of Object.entries<string | number | boolean>({ src: pointsUrl, ...attrs })) {
    if (value !== false) created.setAttribute(name, value === true ? '' : String(value));
  }
  const el = await fixture<Locator>(html`${created}`);
  await waitUntil(() => !shadow(el).querySelector('.loading') && shadow(el).querySelector('.points, .problem'), 'the locator kept loading', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

/** Waits until the holiday calendar (when set) has arrived, as the browser's resource timing records it. */
export async function settled(el: Locator): Promise<void> {
  const calendar = el.holidaysSrc;
  if (calendar) await waitUntil(() => performance.getEntriesByName(calendar).length > 0, `the calendar ${calendar} was not loaded`, { timeout: 8000 });
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

export interface ShownPoint {
  name: string;
  level: string | null;
  kind: string;
  state: string;
  tone: string;
  distance: string;
  address: string;
  wheelchair: string;
  services: string;
  links: Array<{ text: string; href: string; target: string | null; rel: string | null }>;
}

export function shownPoints(el: Locator): ShownPoint[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('.points > li')].map((item) => {
    const text = (selector: string) => squash(item.querySelector(selector)?.textContent);
    const state = item.querySelector('.state');
    return {
      name: text('.name'),
      level: item.querySelector('.name')?.getAttribute('aria-level') ?? null,
      kind: text('.kind'),
      state: text('.state'),
      tone: [...(state?.classList ?? [])].find((name) => name !== 'state') ?? '',
      distance: text('.distance'),
      address: text('.address'),
      wheelchair: text('.wheelchair'),
      services: text('.services'),
      links: [...item.querySelectorAll('a')].map((link) => ({ text: squash(link.textContent), href: link.getAttribute('href') ?? '', target: link.getAttribute('target'), rel: link.getAttribute('rel') })),
    };
  });
}

export function names(el: Locator): string[] {
  return shownPoints(el).map((point) => point.name);
}

export function pointNamed(el: Locator, name: string): ShownPoint {
  const found = shownPoints(el).find((point) => point.name === name);
  if (!found) throw new Error(`No point "${name}"; shown: ${names(el).join(', ')}`);
  return found;
}

export function textOf(el: Locator, selector: string): string {
  return squash(shadow(el).querySelector(selector)?.textContent);
}

export function notes(el: Locator): string[] {
  return [...shadow(el).querySelectorAll('.notice')].map((note) => squash(note.textContent));
}

export async function typeSearch(el: Locator, text: string): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('#search')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function check(el: Locator, selector: string): Promise<void> {
  shadow(el).querySelector<HTMLInputElement>(selector)!.click();
  await el.updateComplete;
}

/** Ticks the kind checkbox whose label starts with `label`. */
export async function checkKind(el: Locator, label: string): Promise<void> {
  const box = [...shadow(el).querySelectorAll<HTMLLabelElement>('.kinds label')].find((item) => squash(item.textContent).startsWith(label));
  if (!box) throw new Error(`No kind "${label}"`);
  box.querySelector('input')!.click();
  await el.updateComplete;
}

export function kindLabels(el: Locator): string[] {
  return [...shadow(el).querySelectorAll('.kinds label')].map((item) => squash(item.textContent));
}

export async function chooseSubdistrict(el: Locator, name: string): Promise<void> {
  const select = shadow(el).querySelector<HTMLSelectElement>('#subdistrict')!;
  const option = [...select.options].find((item) => item.textContent?.trim() === name);
  if (!option) throw new Error(`No subdistrict "${name}"`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function click(el: Locator, selector: string): Promise<void> {
  shadow(el).querySelector<HTMLElement>(selector)!.click();
  await el.updateComplete;
}

/** The live region's words once they settle. */
export async function announced(el: Locator, expected: string): Promise<void> {
  await waitUntil(() => textOf(el, '[role="status"][aria-live="polite"]') === expected, `"${expected}" was not announced; the region says "${textOf(el, '[aria-live="polite"]')}"`, { timeout: 4000 });
}

/** Collects console.error and console.warn calls of the locator while a test runs. */
export function captureConsole(): () => string[] {
  let lines: string[] = [];
  const original = { error: console.error, warn: console.warn };
  beforeEach(() => {
    lines = [];
    console.error = (...args: unknown[]) => void lines.push(`error ${args.map(String).join(' ')}`);
    console.warn = (...args: unknown[]) => void lines.push(`warn ${args.map(String).join(' ')}`);
  });
  afterEach(() => {
    console.error = original.error;
    console.warn = original.warn;
  });
  return () => lines.filter((line) => line.includes('<civic-service-locator>'));
}

/** Sets the page's language for a test and restores it after. */
export function usePageLanguage(): (lang: string) => void {
  const before = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (before === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', before);
  });
  return (lang) => document.documentElement.setAttribute('lang', lang);
}

export { render };
