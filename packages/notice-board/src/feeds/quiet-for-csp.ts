/**
 * Feed HTML made quiet for a strict Content-Security-Policy, before any
 * browser parses it. Chromium checks the page's CSP for every inline event
 * handler (`on…`), `style` attribute and `<style>` element the moment its HTML
 * parser creates one, in any document of the page: DOMParser's inert
 * documents, `<template>`, `createHTMLDocument` and the Sanitizer API alike.
 * DOMPurify parses before it removes, so hostile notices made the browser send
 * dozens of violation reports to the district's CSP reporting, although
 * nothing ran.
 *
 * This is not the sanitiser (DOMPurify is, on what this returns): it only cuts
 * those attributes, and `<style>` and `<script>` elements with their contents
 * (which DOMPurify drops anyway), out of the text. It follows the WHATWG HTML
 * tokenizer's rules for where a tag, an attribute and its value start and end
 * (quotes, unquoted values, `/`, comments, `<!…>` and `<?…>`), so it cuts
 * exactly what the browser would have made an attribute. Where it cannot
 * know the parser's state (inside `<textarea>` or an SVG `<title>`) it cuts
 * more, never less: at worst some text that looks like an attribute goes
 * missing from hostile markup. A real HTML parser (parse5) would be 36 kB
 * gzipped, more than the board itself.
 */

/** Attributes the browser checks against the CSP as it parses them. */
function isInlineCode(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('on') || lower === 'style';
}

/** Elements removed whole, contents included: `<style>` is checked against the CSP; `<script>` never survives DOMPurify. */
const removedElements = new Set(['style', 'script']);

const isSpace = (char: string | undefined) => char === ' ' || char === '\n' || char === '\t' || char === '\f' || char === '\r';
const isAlpha = (char: string | undefined) => char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));

interface Tag {
  name: string;
  /** Index just past the tag's `>`, or the text's length when it never closes (the browser then drops it). */
  end: number;
  /** Spans of attributes to cut, [start, end). */
  cuts: Array<[number, number]>;
}

/** Reads a start or end tag whose name starts at `start` (just past `<` or `</`). */
function readTag(html: string, start: number): Tag {
  const length = html.length;
  let i = start;
  while (i < length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(start, i).toLowerCase();
  const cuts: Array<[number, number]> = [];
  while (i < length) {
    const char = html[i];
    if (isSpace(char) || char === '/') {
      i++;
      continue;
    }
    if (char === '>') return { name, end: i + 1, cuts };
    // An attribute name: its first character may be anything (even "="), then up to a space, "/", ">" or "=".
    const nameStart = i;
    i++;
    while (i < length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attribute = html.slice(nameStart, i);
    let valueEnd = i;
    let j = i;
    while (isSpace(html[j])) j++;
    if (html[j] === '=') {
      j++;
      while (isSpace(html[j])) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        valueEnd = close < 0 ? length : close + 1;
      } else {
        while (j < length && !isSpace(html[j]) && html[j] !== '>') j++;
        valueEnd = j;
      }
      i = valueEnd;
    }
    if (isInlineCode(attribute)) cuts.push([nameStart, valueEnd]);
  }
  return { name, end: length, cuts };
}

/** Index just past the end of a comment or other `<!…>` / `<?…>` starting at `start`. */
function skipDeclaration(html: string, start: number): number {
  if (html.startsWith('<!--', start)) {
    // "<!-->" and "<!--->" end at once; otherwise "-->" or "--!>" ends it.
    if (html.startsWith('>', start + 4)) return start + 5;
    if (html.startsWith('->', start + 4)) return start + 6;
    const ends = [html.indexOf('-->', start + 4), html.indexOf('--!>', start + 4)].filter((index) => index >= 0);
    if (ends.length === 0) return html.length;
    const end = Math.min(...ends);
    return end + (html.startsWith('-->', end) ? 3 : 4);
  }
  // A doctype, CDATA outside SVG or MathML, or a bogus comment: up to the next ">".
  const close = html.indexOf('>', start + 2);
  return close < 0 ? html.length : close + 1;
}

/** Where the end tag `</name` (followed by a space, "/", ">" or the end) starts after `from`, or -1. */
function findEndTag(html: string, from: number, name: string): number {
  const endTag = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, 'gi');
  endTag.lastIndex = from;
  return endTag.exec(html)?.index ?? -1;
}

/**
 * Elements whose content the browser reads as text up to their end tag in HTML
 * (RCDATA and RAWTEXT), but as markup in SVG or MathML (an SVG `<title>`). Which
 * one applies depends on the tree, which this does not build: their content is
 * read both ways, and whatever either way makes an attribute is cut.
 */
const textElements = new Set(['textarea', 'title', 'iframe', 'noembed', 'noframes', 'xmp']);

/** The spans to cut between `from` and `to`. */
function spansToCut(html: string, from: number, to: number): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  let i = from;
  while (i < to) {
    const open = html.indexOf('<', i);
    if (open < 0 || open >= to) break;
    const next = html[open + 1];
    if (next === '!' || next === '?') {
      i = skipDeclaration(html, open);
    } else if (next === '/') {
      // An end tag: its attributes never reach the DOM, but its quotes decide where it ends.
      i = isAlpha(html[open + 2]) ? readTag(html, open + 2).end : html[open + 2] === '>' ? open + 3 : skipDeclaration(html, open);
    } else if (isAlpha(next)) {
      const tag = readTag(html, open + 1);
      const close = removedElements.has(tag.name) || textElements.has(tag.name) ? findEndTag(html, tag.end, tag.name) : -1;
      const contentEnd = close < 0 ? html.length : close;
      if (removedElements.has(tag.name)) {
        const end = close < 0 ? html.length : readTag(html, close + 2).end;
        cuts.push([open, end]);
        i = end;
      } else if (textElements.has(tag.name)) {
        cuts.push(...tag.cuts, ...spansToCut(html, tag.end, contentEnd));
        i = contentEnd;
      } else {
        cuts.push(...tag.cuts);
        i = tag.end;
      }
    } else {
      i = open + 1;
    }
  }
  return cuts;
}

/** `html` without inline event handlers, `style` attributes, and `<style>` and `<script>` elements. */
export function quietForCsp(html: string): string {
  if (!/on|style|script/i.test(html)) return html;
  const cuts = spansToCut(html, 0, html.length).sort((a, b) => a[0] - b[0]);
  if (cuts.length === 0) return html;
  let kept = '';
  let from = 0;
  for (const [start, end] of cuts) {
    // Spans found reading a text element's content both ways may overlap.
    if (start > from) kept += html.slice(from, start);
    from = Math.max(from, end);
  }
  return kept + html.slice(from);
}
