import { allTexts, textIn, type ServicePoint } from './data/service-point.js';
import { parseOpeningHours, type WeeklyHours } from './hours/opening-hours.js';

/** A point with what every keystroke and every sort needs, worked out once per data and language. */
export interface PreparedPoint {
  point: ServicePoint;
  name: string;
  subdistrict: string;
  /** Every text of the point in every language, and its `search` keys, folded for search. */
  haystack: string;
  /** Undefined when the point gives no hours or hours outside the subset. */
  hours: WeeklyHours | undefined;
}

/** NFKC folds full-width letters and digits (ＡＢＣ１２３) to ASCII; lower case then ignores case. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function searchWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/**
 * Prepares the points for `locale`, in list order without a position: by
 * subdistrict, then name, with the page language's collation. One collator
 * for the whole sort; hours parsed once per distinct text (most points share a few).
 */
export function preparePoints(points: ServicePoint[], locale: string): PreparedPoint[] {
  const hoursByText = new Map<string, WeeklyHours | undefined>();
  const prepared = points.map((point) => {
    const text = point.openingHours;
    if (text !== undefined && !hoursByText.has(text)) hoursByText.set(text, parseOpeningHours(text));
    return {
      point,
      name: textIn(point.name, locale),
      subdistrict: textIn(point.subdistrict, locale),
      haystack: fold(
        [point.name, point.address, point.subdistrict, ...point.services]
          .flatMap(allTexts)
          .concat(point.search)
          .join('\n'),
      ),
      hours: text === undefined ? undefined : hoursByText.get(text),
    };
  });
  const collator = new Intl.Collator(locale);
  return prepared.sort((a, b) => collator.compare(a.subdistrict, b.subdistrict) || collator.compare(a.name, b.name));
}

/** Every word somewhere in the point's texts or search keys. */
export function matchesWords(point: PreparedPoint, words: string[]): boolean {
  return words.every((word) => point.haystack.includes(word));
}
