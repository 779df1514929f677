import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Place names the pinyin library reads wrongly or that need a guard, each
 * checked against the official romanisation (the district and town names of
 * Shanghai as written on road signs and in the national gazetteer). The
 * library picks a character's reading from its word dictionary; proper names
 * are where it fails (闵行 is Minhang, not "min xing"; 莘庄 is Xinzhuang).
 */
export const placeNameReadings: Readonly<Record<string, string>> = {
  闵行: 'mǐn háng',
  莘庄: 'xīn zhuāng',
  重固: 'chóng gù',
  蕰藻浜: 'yùn zǎo bāng',
  长宁: 'cháng níng',
  长桥: 'cháng qiáo',
  长者: 'zhǎng zhě',
  天钥桥: 'tiān yào qiáo',
  肇嘉浜: 'zhào jiā bāng',
};

customPinyin(placeNameReadings);

/** Lower-case letters and digits only: what a citizen types for a name. */
function squashed(syllables: string[]): string {
  return syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The search keys of one text: its full pinyin without tones or spaces
 * (`xujiahuijiedao`) and its initials (`xjhjd`). Text with no Chinese gives
 * none: it is searchable as it is.
 */
export function pinyinKeys(text: string | undefined): string[] {
  if (!text || !/\p{Script=Han}/u.test(text)) return [];
  const full = squashed(pinyin(text, { toneType: 'none', type: 'array' }));
  const initials = squashed(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }));
  return [...new Set([full, initials])].filter(Boolean);
}

const cache = new Map<string, string[]>();

/** Keys for a point's name, address and subdistrict (in Chinese), worked out once per distinct set of texts. */
export function searchKeys(texts: Array<string | undefined>): string[] {
  const key = texts.join('\u0000');
  let keys = cache.get(key);
  if (!keys) {
    keys = [...new Set(texts.flatMap(pinyinKeys))];
    cache.set(key, keys);
  }
  return keys;
}
