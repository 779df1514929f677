import { atomNamespace, parseAtom } from './atom.js';
import { parseJsonFeed } from './json-feed.js';
import { parseXml } from './parse-xml.js';
import { parseRss } from './rss.js';
import { FeedFormatError, type ParsedFeed } from './notice.js';

/**
 * A feed recognised by its content, not its name or Content-Type (CMSs get
 * those wrong): JSON is read as JSON Feed, XML as RSS 2.0 or Atom 1.0.
 * `base` resolves relative links. Throws FeedFormatError for anything else.
 */
export function parseFeed(text: string, base: string): ParsedFeed {
  const start = text.trimStart();
  if (start.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(start);
    } catch {
      throw new FeedFormatError('The feed looks like JSON but does not parse.');
    }
    return parseJsonFeed(json, base);
  }
  if (!start.startsWith('<')) throw new FeedFormatError('The feed is neither JSON nor XML.');
  const root = parseXml(start).documentElement;
  if (root.localName === 'rss') return parseRss(root, base);
  if (root.localName === 'feed' && root.namespaceURI === atomNamespace) return parseAtom(root, base);
  throw new FeedFormatError(`The XML is not an RSS or Atom feed (its root is <${root.localName.slice(0, 40)}>).`);
}
