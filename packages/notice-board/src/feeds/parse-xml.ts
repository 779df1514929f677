import { civicPolicy } from '@civic-widgets/core';
import { FeedFormatError } from './notice.js';

/**
 * DOMParser is a Trusted Types sink even for XML, so a page that enforces
 * Trusted Types needs a policy for it: core's `civic-widgets` policy, shared by
 * every copy of the widgets on the page. It only ever feeds
 * `parseFromString(…, 'application/xml')` here: the result is an inert XML
 * document that is never attached to the page and from which only text is
 * read, so passing the string through is safe.
 */
const xmlPolicy = civicPolicy;

/**
 * XHTML, SVG and MathML elements in a feed (Atom `type="xhtml"` content) are
 * declared in namespaces of no meaning before parsing: elements of those three
 * get inline event handlers and styles, which the browser checks against a
 * strict page's CSP as the XML parser creates them, and reports. Elements of
 * any other namespace are plain XML. Only real namespace declarations change
 * (attributes of tags, walked as XML writes them: every value quoted, no `<`
 * in one), never text that happens to contain the same words. Atom content is
 * serialised and sanitised as HTML afterwards, where namespaces play no part.
 */
const liveNamespaces = new Map([
  ['http://www.w3.org/1999/xhtml', 'urn:civic-widgets:inert:xhtml'],
  ['http://www.w3.org/2000/svg', 'urn:civic-widgets:inert:svg'],
  ['http://www.w3.org/1998/Math/MathML', 'urn:civic-widgets:inert:mathml'],
]);
const attribute = /[\t\n\r ]*([^\t\n\r =/>]+)[\t\n\r ]*=[\t\n\r ]*(?:"([^"]*)"|'([^']*)')/y;
/** Where each kind of markup that is not a tag ends. */
const skipped: Array<[string, string]> = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<!', '>'],
];

/** One start tag with its namespace declarations made inert; `start` is its "<". */
function inertTag(xml: string, start: number): { text: string; end: number } {
  let i = start + 1;
  while (i < xml.length && !/[\t\n\r />]/.test(xml[i]!)) i++;
  let text = xml.slice(start, i);
  for (;;) {
    attribute.lastIndex = i;
    const match = attribute.exec(xml);
    if (!match) break;
    const [whole, name, double, single] = match;
    const value = double ?? single ?? '';
    const inert = (name === 'xmlns' || name!.startsWith('xmlns:')) && liveNamespaces.get(value);
    text += inert ? whole.slice(0, whole.length - value.length - 1) + inert + whole.at(-1) : whole;
    i += whole.length;
  }
  return { text, end: i };
}

function inert(xml: string): string {
  if (![...liveNamespaces.keys()].some((namespace) => xml.includes(namespace))) return xml;
  let out = '';
  let from = 0;
  for (let open = xml.indexOf('<'); open >= 0; open = xml.indexOf('<', from)) {
    const kind = skipped.find(([opening]) => xml.startsWith(opening, open));
    if (kind) {
      const close = xml.indexOf(kind[1], open + kind[0].length);
      const end = close < 0 ? xml.length : close + kind[1].length;
      out += xml.slice(from, end);
      from = end;
    } else if (xml[open + 1] === '/') {
      out += xml.slice(from, open + 2);
      from = open + 2;
    } else {
      const tag = inertTag(xml, open);
      out += xml.slice(from, open) + tag.text;
      from = tag.end;
    }
  }
  return out + xml.slice(from);
}

export function parseXml(text: string): Document {
  const tt = xmlPolicy();
  const xml = inert(text);
  let document: Document;
  try {
    document = new DOMParser().parseFromString((tt ? tt.createHTML(xml) : xml) as string, 'application/xml');
  } catch (error) {
    throw new FeedFormatError(`The XML could not be parsed here (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (document.getElementsByTagName('parsererror').length > 0) throw new FeedFormatError('The feed is not well-formed XML.');
  return document;
}

/** The direct children of `parent` with this local name, whatever their namespace prefix. */
export function children(parent: Element, name: string): Element[] {
  // Walked, not spread from `parent.children`: ten times faster, which a feed of tens of thousands of items feels.
  const found: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) if (child.localName === name) found.push(child);
  return found;
}

export function childText(parent: Element, name: string): string {
  return children(parent, name)[0]?.textContent?.trim() ?? '';
}
