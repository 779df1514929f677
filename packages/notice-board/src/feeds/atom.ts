import { children, childText } from './parse-xml.js';
import { cleanText, languageTag, limits, parseDate, safeUrl, sizeOf, type Notice, type ParsedFeed } from './notice.js';

export const atomNamespace = 'http://www.w3.org/2005/Atom';

/** An Atom text construct as HTML for the sanitiser: `text` is escaped first, `html` and `xhtml` pass as markup. */
function asHtml(element: Element | undefined): string {
  if (!element) return '';
  const type = element.getAttribute('type') ?? 'text';
  if (type === 'xhtml') {
    const serializer = new XMLSerializer();
    return [...element.childNodes].map((node) => serializer.serializeToString(node)).join('');
  }
  if (type === 'html') return element.textContent ?? '';
  const escaped = document.createElement('p');
  escaped.textContent = element.textContent ?? '';
  return escaped.innerHTML.replace(/\n/g, '<br>');
}

/** Atom 1.0 entries; a category with the term `pinned` pins. Titles are read as text. */
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

export function parseAtom(root: Element, base: string): ParsedFeed {
  const feedLanguage = languageTag(root.getAttributeNS(xmlNamespace, 'lang'));
  const entries = children(root, 'entry');
  const notices = entries.slice(0, limits.items).flatMap((entry): Notice[] => {
    const id = cleanText(childText(entry, 'id'), 500);
    if (!id) return [];
    const links = children(entry, 'link');
    const rel = (link: Element) => link.getAttribute('rel') ?? 'alternate';
    const alternate = links.find((link) => rel(link) === 'alternate');
    // `pinned` is the term; a label (say 置顶) is only how a CMS shows it.
    const categories = children(entry, 'category');
    const isPinned = (category: Element) => category.getAttribute('term')?.trim().toLowerCase() === 'pinned';
    const terms = categories
      .filter((category) => !isPinned(category))
      .map((category) => cleanText(category.getAttribute('label') || category.getAttribute('term'), 100))
      .filter(Boolean);
    const published = childText(entry, 'published') || childText(entry, 'updated');
    return [
      {
        id,
        url: safeUrl(alternate?.getAttribute('href'), base),
        title: cleanText(childText(entry, 'title')),
        summary: children(entry, 'summary')[0]?.getAttribute('type') === 'html' ? '' : cleanText(childText(entry, 'summary')),
        contentHtml: cleanText(asHtml(children(entry, 'content')[0] ?? children(entry, 'summary')[0]), limits.html),
        contentText: '',
        published: parseDate(published),
        publishedRaw: published || undefined,
        modified: parseDate(childText(entry, 'updated')),
        tags: terms.filter((term) => term.toLowerCase() !== 'pinned').slice(0, limits.tags),
        attachments: links
          .filter((link) => rel(link) === 'enclosure')
          .flatMap((link) => {
            const url = safeUrl(link.getAttribute('href'), base);
            if (!url) return [];
            return [{ url, title: cleanText(link.getAttribute('title')) || url, type: cleanText(link.getAttribute('type'), 100), size: sizeOf(link.getAttribute('length')) }];
          })
          .slice(0, limits.attachments),
        pinned: categories.some(isPinned) || terms.some((term) => term.toLowerCase() === 'pinned'),
        language: languageTag(entry.getAttributeNS(xmlNamespace, 'lang')) ?? feedLanguage,
      },
    ];
  });
  return { notices, total: entries.length };
}
