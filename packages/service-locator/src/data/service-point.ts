/** A text as the data gives it: one string, or one per language (`{"zh-Hans": …, "en": …}`). */
export type DataText = string | Readonly<Record<string, string>>;

export type Wheelchair = 'yes' | 'limited' | 'no';

/** One service point, checked: every field is plain text, safe to show as text. */
export interface ServicePoint {
  longitude: number;
  latitude: number;
  name: DataText;
  kind: string;
  address?: DataText;
  /** Each number already reduced to digits, `+`, `-` and spaces. */
  phones: string[];
  /** OpenStreetMap `opening_hours`, verbatim. */
  openingHours?: string;
  services: DataText[];
  wheelchair?: Wheelchair;
  /** Only `http:` or `https:`, absolute. */
  url?: string;
  subdistrict?: DataText;
  /** Extra search keys (pinyin and initials). */
  search: string[];
  /** The feature as it came, for `civic-locator-select`. */
  feature: unknown;
}

/** The text in `locale`, then in its base language, then zh-Hans, then any. */
export function textIn(text: DataText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale.split('-')[0]!] ?? text['zh-Hans'] ?? text.zh ?? Object.values(text)[0] ?? '';
}

/** Every language's version of a text, for search. */
export function allTexts(text: DataText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : Object.values(text);
}
