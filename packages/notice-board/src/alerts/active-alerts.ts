import type { SupportedLocale } from '@civic-widgets/core';
import type { AlertInfo, CapAlert } from './cap.js';

/** An alert to show: the info block in the reader's language, and how loudly. */
export interface ActiveAlert {
  identifier: string;
  /** Identifier and sent time: an Update is a new version and shows again after a dismissal. */
  version: string;
  sentAt: number;
  info: AlertInfo;
  /** Extreme or Severe, Immediate or Expected: announced at once (role="alert") and not dismissible. */
  urgent: boolean;
}

const severityRank: Record<string, number> = { Extreme: 0, Severe: 1, Moderate: 2, Minor: 3 };

/** The info in the page's language (zh-Hans: zh-CN, zh-SG, zh-Hans…; zh-Hant: zh-TW, zh-HK…), else the first. */
export function infoFor(info: AlertInfo[], locale: SupportedLocale): AlertInfo | undefined {
  const tag = (info: AlertInfo) => info.language.toLowerCase();
  const matches: Record<string, (language: string) => boolean> = {
    'zh-Hans': (language) => /^zh(-(cn|sg|hans)|$)/.test(language) || language.startsWith('zh-hans'),
    'zh-Hant': (language) => /^zh-(tw|hk|mo|hant)/.test(language),
    en: (language) => language.startsWith('en'),
  };
  return info.find((item) => matches[locale]!(tag(item))) ?? (locale === 'zh-Hant' ? info.find((item) => tag(item).startsWith('zh')) : undefined) ?? info[0];
}

/**
 * The CAP rules for what the public sees: only `Actual` alerts; a `Cancel`
 * removes the alerts it references and is not shown itself; an `Update`
 * replaces the ones it references; nothing past its `expires`. The most severe
 * first, then the newest.
 */
export function activeAlerts(alerts: CapAlert[], locale: SupportedLocale, now: number): ActiveAlert[] {
  const actual = alerts.filter((alert) => alert.status === 'Actual' && (alert.scope === '' || alert.scope === 'Public'));
  const replaced = new Set(actual.filter((alert) => alert.msgType === 'Update' || alert.msgType === 'Cancel').flatMap((alert) => alert.references));
  return actual
    .filter((alert) => (alert.msgType === 'Alert' || alert.msgType === 'Update') && !replaced.has(alert.identifier))
    .flatMap((alert): ActiveAlert[] => {
      const info = infoFor(alert.info, locale);
      if (!info || (info.expires && info.expires.getTime() <= now)) return [];
      const urgent = (info.severity === 'Extreme' || info.severity === 'Severe') && (info.urgency === 'Immediate' || info.urgency === 'Expected');
      const sentAt = Date.parse(alert.sent);
      return [{ identifier: alert.identifier, version: `${alert.identifier}|${alert.sent}`, sentAt: Number.isNaN(sentAt) ? 0 : sentAt, info, urgent }];
    })
    .sort((a, b) => (severityRank[a.info.severity] ?? 4) - (severityRank[b.info.severity] ?? 4) || b.sentAt - a.sentAt);
}
