/**
 * Host pages as districts really have them (a 62.5% root font size, a dark
 * colour scheme, headings of their own), for the browser tests of every widget.
 * Assertions compare strings and numbers only.
 */

/** Sets `html { font-size }` as a CMS theme does (62.5%, Bootstrap 3's 10px); returns the undo. */
export function setRootFontSize(size: string): () => void {
  const root = document.documentElement;
  const before = root.style.fontSize;
  root.style.fontSize = size;
  return () => {
    root.style.fontSize = before;
  };
}

/** The reader's default text size in px (what `medium` means in this browser). */
export function readerDefaultSize(): number {
  const probe = document.createElement('div');
  probe.style.fontSize = 'medium';
  document.body.append(probe);
  const size = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return size;
}

/** Computed size in px of a CSS length property of `element`. */
export function px(element: Element, property: 'fontSize' | 'maxWidth' | 'maxInlineSize' | 'paddingTop'): number {
  return parseFloat(getComputedStyle(element)[property]);
}

/**
 * A dark host page: `:root { color-scheme: dark }` and light text on a dark
 * body, as a district's dark theme sets them. Returns the undo.
 */
export function useDarkHostPage(): () => void {
  const style = document.createElement('style');
  // Text colour on elements too, as dark themes set it: a page's own rules beat a widget's ::slotted ones.
  style.textContent = ':root { color-scheme: dark; } body { background: #121212; color: #eeeeee; } p { color: #eeeeee; }';
  document.head.append(style);
  return () => style.remove();
}

function channels(color: string): [number, number, number] {
  const match = color.match(/[\d.]+/g);
  if (!match || match.length < 3) throw new Error(`Not an rgb() colour: ${color}`);
  return [Number(match[0]), Number(match[1]), Number(match[2])];
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((value) => {
    const s = value / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two computed `rgb()` colours. */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The first non-transparent background colour at or above `element`, across shadow boundaries. */
export function backgroundBehind(element: Element): string {
  for (let node: Element | null = element; node; ) {
    const background = getComputedStyle(node).backgroundColor;
    if (background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent') return background;
    node = node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return getComputedStyle(document.documentElement).backgroundColor;
}

/** Every heading in the shadow root, in order, as "level text" ("2 Report a problem"). */
export function headingOutline(root: ShadowRoot): string[] {
  return [...root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]')].map((heading) => {
    const level = heading.getAttribute('aria-level') ?? heading.localName.slice(1);
    return `${level} ${heading.textContent?.replace(/\s+/g, ' ').trim()}`;
  });
}

/** Level of a heading element (h1–h6, or role=heading with aria-level). */
export function headingLevel(heading: Element): number {
  return Number(heading.getAttribute('aria-level') ?? heading.localName.slice(1));
}

/** Captures console.error calls from `<tag>` until the returned function is called; it returns their first arguments. */
export function captureWidgetErrors(tag: string): { messages: () => string[]; restore: () => void } {
  const original = console.error;
  const messages: string[] = [];
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(`[civic-widgets] <${tag}>`)) messages.push(args[0]);
    else original(...args);
  };
  return { messages: () => [...messages], restore: () => (console.error = original) };
}

/** Resolves after the browser has run a task and painted (past the widget's first rendering task). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Counts every problem message (`.problem`) that ever appears in the widget's
 * shadow root, even for a moment, from now on.
 */
export function countProblemsShown(element: HTMLElement): () => number {
  let shown = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.matches('.problem') || node.querySelector('.problem'))) shown += 1;
      }
    }
  });
  observer.observe(element.shadowRoot!, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    return shown;
  };
}

/**
 * Puts `element` into the page the way a script right after `define` does, and
 * lets `setUp` configure it in a later task, as jQuery's ready handler or a
 * framework's mount does.
 */
export async function setUpByScript(element: HTMLElement, setUp: () => void): Promise<() => number> {
  const { fixture, html } = await import('@open-wc/testing');
  const parent = await fixture(html`<div></div>`);
  parent.append(element);
  const problemsShown = countProblemsShown(element);
  await new Promise<void>((resolve) =>
    setTimeout(() => {
      setUp();
      resolve();
    }, 0),
  );
  return problemsShown;
}

/** A part of a host page with headings of its own (e.g. `<h1>Page</h1>`), attached to the document; the widget goes into `.slot`. */
export async function hostWithHeadings(headingsHtml: string): Promise<{ page: HTMLElement; slot: HTMLElement }> {
  const { fixture } = await import('@open-wc/testing');
  const page = await fixture<HTMLElement>(document.createRange().createContextualFragment(`<main>${headingsHtml}<div class="slot"></div></main>`).firstElementChild as HTMLElement);
  return { page, slot: page.querySelector<HTMLElement>('.slot')! };
}

/** Heights in px of the elements matching `selector` in the shadow root, rounded down to whole pixels. */
export function targetHeights(root: ShadowRoot, selector: string): number[] {
  return [...root.querySelectorAll(selector)].map((element) => Math.floor(element.getBoundingClientRect().height));
}

/** Descriptions ("p.service-notice") of the elements in the shadow root that are set in italics. */
export function italicElements(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('*')]
    .filter((element) => getComputedStyle(element).fontStyle !== 'normal' && element.textContent?.trim())
    .map((element) => `${element.localName}${[...element.classList].map((name) => `.${name}`).join('')}`);
}

/** Clicks with the real mouse in the middle of `element` (scrolled into view first), as a citizen does. */
export async function clickWithMouse(element: Element): Promise<void> {
  const { sendMouse } = await import('@web/test-runner-commands');
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + Math.min(20, box.width / 2)), Math.round(box.top + box.height / 2)] });
}

/**
 * Writes a boolean attribute as frameworks bind it and returns what `isOn`
 * said after each value, for one `expect(...).to.deep.equal(...)`: Vue's
 * `:care-mode="care"` writes "false", plain HTML writes "" or removes it.
 */
export async function bindBooleanLikeFrameworks(
  element: HTMLElement & { updateComplete: Promise<unknown> },
  attribute: string,
  isOn: () => boolean,
): Promise<Record<string, boolean>> {
  const seen: Record<string, boolean> = {};
  for (const value of ['false', 'true', 'FALSE', '', null]) {
    if (value === null) element.removeAttribute(attribute);
    else element.setAttribute(attribute, value);
    await element.updateComplete;
    seen[value === null ? 'removed' : `"${value}"`] = isOn();
  }
  return seen;
}

/** What bindBooleanLikeFrameworks returns for an attribute that follows its binding. */
export const followsBinding = { '"false"': false, '"true"': true, '"FALSE"': false, '""': true, removed: false };
