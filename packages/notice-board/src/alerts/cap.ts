import { children, childText, parseXml } from '../feeds/parse-xml.js';
import { atomNamespace } from '../feeds/atom.js';
import { cleanText, FeedFormatError, parseDate, safeUrl } from '../feeds/notice.js';

export const capNamespace = 'urn:oasis:names:tc:emergency:cap:1.2';

export interface AlertInfo {
  /**
   * The info block's `<language>`, or '' when it has none. CAP reads a missing
   * one as en-US, but districts leave it out of Chinese alerts: the board then
   * claims no language for the alert's texts rather than a wrong one.
   */
  language: string;
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  headline: string;
  description: string;
  instruction: string;
  senderName: string;
  web?: string;
  /** The first `maxAreas` areas' descriptions, joined. */
  areaDesc: string;
  /** How many more areas the block named (said, not listed). */
  moreAreas: number;
  expires?: Date;
}

/**
 * Limits on what one alert may make the board hold (hostile or broken data:
 * 10,000 info blocks froze a page for 2.9 s). A person reads one info block,
 * in their language: the first block of each language is kept, for this many
 * languages; and the first areas of a block are listed, the rest counted.
 */
export const capLimits = { languages: 10, areas: 20 };

/** A CAP 1.2 alert: its identity, what it replaces or cancels, and its info blocks (one per language). */
export interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  scope: string;
  /** `identifier`s this alert updates or cancels (from the "sender,identifier,sent" triples). */
  references: string[];
  info: AlertInfo[];
}

function parseInfo(info: Element, base: string): AlertInfo {
  const allAreas = children(info, 'area');
  const areas = allAreas.slice(0, capLimits.areas).map((area) => cleanText(childText(area, 'areaDesc'), 500)).filter(Boolean);
  return {
    language: cleanText(childText(info, 'language'), 35),
    event: cleanText(childText(info, 'event'), 200),
    urgency: cleanText(childText(info, 'urgency'), 20),
    severity: cleanText(childText(info, 'severity'), 20),
    certainty: cleanText(childText(info, 'certainty'), 20),
    headline: cleanText(childText(info, 'headline'), 500),
    description: cleanText(childText(info, 'description'), 5000),
    instruction: cleanText(childText(info, 'instruction'), 5000),
    senderName: cleanText(childText(info, 'senderName'), 200),
    web: safeUrl(childText(info, 'web'), base),
    areaDesc: areas.join('；'),
    moreAreas: Math.max(0, allAreas.length - capLimits.areas),
    expires: parseDate(childText(info, 'expires')),
  };
}

export function parseCapAlert(alert: Element, base: string): CapAlert {
  const identifier = cleanText(childText(alert, 'identifier'), 500);
  if (!identifier) throw new FeedFormatError('A CAP alert has no identifier.');
  return {
    identifier,
    sender: cleanText(childText(alert, 'sender'), 500),
    sent: cleanText(childText(alert, 'sent'), 64),
    status: cleanText(childText(alert, 'status'), 20),
    msgType: cleanText(childText(alert, 'msgType'), 20),
    scope: cleanText(childText(alert, 'scope'), 20),
    references: cleanText(childText(alert, 'references'), 5000)
      .split(/\s+/)
      .map((triple) => triple.split(',')[1] ?? '')
      .filter(Boolean),
    info: firstInEachLanguage(children(alert, 'info')).map((info) => parseInfo(info, base)),
  };
}

/** The first info block of each language, in document order, for at most `capLimits.languages` languages. */
function firstInEachLanguage(blocks: Element[]): Element[] {
  const seen = new Set<string>();
  const kept: Element[] = [];
  for (const block of blocks) {
    const language = childText(block, 'language').toLowerCase();
    if (seen.has(language)) continue;
    seen.add(language);
    kept.push(block);
    if (kept.length === capLimits.languages) break;
  }
  return kept;
}

/** What an alerts-src answered: alerts in it, and links to more alerts (from an Atom feed of CAP entries). */
export interface AlertSource {
  alerts: CapAlert[];
  links: string[];
}

/**
 * A CAP 1.2 document, or an Atom feed whose entries carry CAP alerts in their
 * content or link to them (`type="application/cap+xml"`, or any alternate link).
 */
export function parseAlertSource(text: string, base: string): AlertSource {
  const root = parseXml(text.trimStart()).documentElement;
  if (root.localName === 'alert' && root.namespaceURI === capNamespace) return { alerts: [parseCapAlert(root, base)], links: [] };
  if (root.localName !== 'feed' || root.namespaceURI !== atomNamespace) {
    throw new FeedFormatError(`alerts-src is neither a CAP 1.2 alert nor an Atom feed of them (its root is <${root.localName.slice(0, 40)}>).`);
  }
  const alerts: CapAlert[] = [];
  const links: string[] = [];
  for (const entry of children(root, 'entry')) {
    const embedded = [...entry.getElementsByTagNameNS(capNamespace, 'alert')][0];
    if (embedded) {
      alerts.push(parseCapAlert(embedded, base));
      continue;
    }
    const link = children(entry, 'link').find((candidate) => candidate.getAttribute('type') === 'application/cap+xml') ??
      children(entry, 'link').find((candidate) => (candidate.getAttribute('rel') ?? 'alternate') === 'alternate');
    const url = safeUrl(link?.getAttribute('href'), base);
    if (url) links.push(url);
  }
  return { alerts, links };
}
