export const sourceLocale = 'en';
export const targetLocales = ['zh-Hans', 'zh-Hant'] as const;

export type TargetLocale = (typeof targetLocales)[number];
export type SupportedLocale = typeof sourceLocale | TargetLocale;

const traditionalRegions = new Set(['tw', 'hk', 'mo']);

/**
 * Maps any BCP 47 tag onto one of our catalogs: Chinese written in Traditional
 * script (explicitly, or by region) to zh-Hant, all other Chinese to zh-Hans,
 * everything else to English.
 */
export function toSupportedLocale(tag: string | null | undefined): SupportedLocale | undefined {
  if (!tag) return undefined;
  const subtags = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  if (subtags[0] !== 'zh') return subtags[0] ? sourceLocale : undefined;
  if (subtags.includes('hant')) return 'zh-Hant';
  if (subtags.includes('hans')) return 'zh-Hans';
  return subtags.some((subtag) => traditionalRegions.has(subtag)) ? 'zh-Hant' : 'zh-Hans';
}
