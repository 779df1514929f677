import createDOMPurify from 'dompurify';
import { civicPolicy } from '@civic-widgets/core';
import { quietForCsp } from './quiet-for-csp.js';

/**
 * Feed HTML is hostile until DOMPurify has been through it. It gets there
 * quiet (quiet-for-csp.ts): DOMPurify's own parse would make the browser
 * report every inline handler and style to a strict page's CSP. The allow-list is
 * short: text structure, lists, tables, links and images. No scripts, event
 * handlers, `style`, forms or frames; headings start at h3 so a notice cannot
 * break the page's outline. Links open without telling the target where they
 * came from; images load lazily and without a Referer.
 */
const purify = createDOMPurify(window);

/**
 * Under Trusted Types DOMPurify parses through a policy. Its own (`dompurify`)
 * is not on the host's list, so it uses core's shared `civic-widgets` policy,
 * which defines createHTML only: a script URL would throw (none is allowed).
 */
const trustedTypes = civicPolicy() ? { TRUSTED_TYPES_POLICY: civicPolicy() as never } : {};

const allowedTags = [
  'p', 'br', 'hr', 'strong', 'em', 'b', 'i', 'u', 's', 'small', 'sub', 'sup', 'abbr', 'time', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'span',
];
const allowedAttributes = ['href', 'src', 'alt', 'title', 'datetime', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'width', 'height'];

/** The feed's own URL while a sanitise runs: relative links and images in a notice are the feed's, not the embedding page's. */
let base = document.baseURI;

/**
 * The URL resolved against the feed, if it is one the board may show: http(s),
 * and for links also mailto: and tel: (a hotline in a notice). DOMPurify on its
 * own would keep data: images and leave relative URLs to the page's base.
 */
function allowedUrl(value: string, link: boolean): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    const schemes = link ? ['http:', 'https:', 'mailto:', 'tel:'] : ['http:', 'https:'];
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

purify.addHook('afterSanitizeAttributes', (node) => {
  for (const name of ['href', 'src']) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const url = allowedUrl(value, name === 'href');
    if (url) node.setAttribute(name, url);
    else node.removeAttribute(name);
  }
  if (node.localName === 'a') {
    node.setAttribute('rel', 'noopener noreferrer');
  } else if (node.localName === 'img') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
});

/** A fragment of safe nodes, ready to be placed in the page; a fresh one on every call. `feedUrl` resolves relative URLs. */
export function sanitizeNoticeHtml(html: string, feedUrl: string = document.baseURI): DocumentFragment {
  base = feedUrl;
  try {
    return purify.sanitize(quietForCsp(html), {
      ALLOWED_TAGS: allowedTags,
      ALLOWED_ATTR: allowedAttributes,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      RETURN_DOM_FRAGMENT: true,
      ...trustedTypes,
    });
  } finally {
    base = document.baseURI;
  }
}

const texts = new WeakMap<object, string>();

/**
 * HTML shown as plain text (an RSS description used as a summary): DOMPurify
 * keeps the text of every element and drops the elements. Remembered per
 * notice, as only the notices on screen ask for it.
 */
export function textOfHtml(owner: object, html: string): string {
  let text = texts.get(owner);
  if (text === undefined) {
    text = purify.sanitize(quietForCsp(html), { ALLOWED_TAGS: [], RETURN_DOM_FRAGMENT: true, ...trustedTypes }).textContent?.replace(/\s+/g, ' ').trim() ?? '';
    texts.set(owner, text);
  }
  return text;
}
