import { html, nothing, type TemplateResult } from 'lit';

/** The levels of a widget's headings: its top headings, and those inside its sections. */
export interface HeadingLevels {
  top: number;
  inner: number;
}

/** The levels for a `heading-level`: inner headings one below the top, never past h6. */
export function headingLevels(top: number): HeadingLevels {
  return { top, inner: Math.min(top + 1, 6) };
}

export interface HeadingOptions {
  id?: string;
  /** Takes focus from the script (outcomes, summaries): `tabindex="-1"`. */
  focusable?: boolean;
  className?: string;
}

type HeadingTemplate = (content: unknown, id: string | typeof nothing, tabindex: string | typeof nothing, className: string) => TemplateResult;

// One fixed template per level: real h1–h6 elements, no tag name built from a
// string, so nothing here needs unsafeStatic or a Trusted Types policy of its own.
const templates: Record<number, HeadingTemplate> = {
  1: (content, id, tabindex, className) => html`<h1 id=${id} tabindex=${tabindex} class=${className}>${content}</h1>`,
  2: (content, id, tabindex, className) => html`<h2 id=${id} tabindex=${tabindex} class=${className}>${content}</h2>`,
  3: (content, id, tabindex, className) => html`<h3 id=${id} tabindex=${tabindex} class=${className}>${content}</h3>`,
  4: (content, id, tabindex, className) => html`<h4 id=${id} tabindex=${tabindex} class=${className}>${content}</h4>`,
  5: (content, id, tabindex, className) => html`<h5 id=${id} tabindex=${tabindex} class=${className}>${content}</h5>`,
  6: (content, id, tabindex, className) => html`<h6 id=${id} tabindex=${tabindex} class=${className}>${content}</h6>`,
};

function heading(level: number, rank: 'top-heading' | 'inner-heading', content: unknown, options: HeadingOptions): TemplateResult {
  const template = templates[level] ?? templates[2]!;
  return template(content, options.id ?? nothing, options.focusable ? '-1' : nothing, `${rank} ${options.className ?? ''}`.trim());
}

/** A top heading of the widget (its title, an outcome, a warning) at the host's `heading-level`; styled the same at any level. */
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
