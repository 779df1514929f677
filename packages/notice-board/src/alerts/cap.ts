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
  areaDesc: string;
  expires?: Date;
}

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
  const areas = children(info, 'area').map((area) => cleanText(childText(area, 'areaDesc'), 500)).filter(Boolean);
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
    info: children(alert, 'info').slice(0, 10).map((info) => parseInfo(info, base)),
  };
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
