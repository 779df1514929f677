import { html, nothing, type TemplateResult } from 'lit';

/** The levels of a widget's headings: its top headings, and those inside its sections. */
export interface HeadingLevels {
  top: number;
  inner: number;
}

/** Whether `level` can be a heading's level: a whole number from 1 to 6. */
export function isHeadingLevel(level: number): boolean {
  return Number.isInteger(level) && level >= 1 && level <= 6;
}

/** The levels for a `heading-level` (2 for one that cannot be): inner headings one below the top, never past h6. */
export function headingLevels(top: number): HeadingLevels {
  const level = isHeadingLevel(top) ? top : 2;
  return { top: level, inner: Math.min(level + 1, 6) };
}

export interface HeadingOptions {
  id?: string;
  className?: string;
}

const templates = new Map<number, TemplateStringsArray>();

/**
 * The template strings of a real `<hN>` element, made once per level. What
 * `lit/static-html` does, without its weight: the markup is fixed text around
 * a level that is always a whole number from 1 to 6, never data, so it is as
 * safe as a written template and goes through Lit's Trusted Types policy.
 */
function headingTemplate(level: number): TemplateStringsArray {
  const valid = isHeadingLevel(level) ? level : 2;
  let strings = templates.get(valid);
  if (!strings) {
    const parts = [`<h${valid} id=`, ' class=', '>', `</h${valid}>`];
    strings = Object.freeze(Object.assign(parts, { raw: parts })) as unknown as TemplateStringsArray;
    templates.set(valid, strings);
  }
  return strings;
}

function heading(level: number, rank: string, content: unknown, options: HeadingOptions): TemplateResult {
  return html(headingTemplate(level), options.id ?? nothing, `${rank} ${options.className ?? ''}`, content);
}

/**
 * A top heading of the widget (its title, an outcome, a warning) at the host's
 * `heading-level`; styled the same at any level. Focus it with
 * focusProgrammatically, which lends it `tabindex="-1"` while it has the focus.
 */
export function topHeading(levels: HeadingLevels, content: unknown, options: HeadingOptions = {}): TemplateResult {
  return heading(levels.top, 'top-heading', content, options);
}

/** A heading inside a section of the widget (an error summary, a status), one level below the top. */
export function innerHeading(levels: HeadingLevels, content: unknown, options: HeadingOptions = {}): TemplateResult {
  return sectionHeading(levels.inner, content, options);
}

/** A heading of a section (such as an error summary) at a level its widget chose. */
export function sectionHeading(level: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  return heading(level, 'inner-heading', content, options);
}
