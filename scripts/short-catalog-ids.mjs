import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A catalog entry's key: lit-localize's 64-bit hash id, `s` (string) or `h` (html) and 16 hex digits.
const catalogKey = /(['"])([sh][0-9a-f]{8})[0-9a-f]{8}\1:/g;
const generatedCatalog = /[\\/]src[\\/]generated[\\/]locales[\\/][\w-]+\.[jt]s$/;

/**
 * Vite plugin: catalogs keep the first 8 hex digits of each id, the part core's
 * lookup uses (packages/core/src/locale/catalogs.ts). The other 8 are random
 * to gzip, about 8 bytes an entry, twice per string in a single file.
 */
export function shortCatalogIds() {
  return {
    name: 'civic-short-catalog-ids',
    transform(code, id) {
      if (!generatedCatalog.test(id)) return null;
      return { code: code.replace(catalogKey, '$1$2$1:'), map: null };
    },
  };
}

/** Every generated catalog of the packages: its package folder, file name and text. */
function* generatedCatalogs(packageDirs) {
  for (const dir of packageDirs) {
    const localesDir = join(dir, 'src', 'generated', 'locales');
    if (!existsSync(localesDir)) continue;
    for (const file of readdirSync(localesDir)) yield { dir, file, path: join(localesDir, file), text: readFileSync(join(localesDir, file), 'utf8') };
  }
}

/**
 * Every shortened id must stand for one string across all catalogs: widgets
 * that share a core share one table per locale. Returns the clashes found.
 */
export function shortIdClashes(packageDirs) {
  const seen = new Map();
  const clashes = [];
  for (const { path, text } of generatedCatalogs(packageDirs)) {
    for (const [, , short, rest] of text.matchAll(/(['"])([sh][0-9a-f]{8})([0-9a-f]{8})\1:/g)) {
      const full = short + rest;
      const earlier = seen.get(short);
      if (earlier && earlier !== full) clashes.push(`${earlier} and ${full} (${path})`);
      seen.set(short, full);
    }
  }
  return clashes;
}

/** Each catalog entry of a generated locale file: its full id and its template's source text. */
function* catalogEntries(text) {
  const entry = /^(['"])([sh][0-9a-f]{16})\1: ([\s\S]*?),\n(?=(['"])[sh][0-9a-f]{16}\4: |\s*\};)/gm;
  for (const [, , id, template] of text.matchAll(entry)) yield [id, template];
}

/**
 * The same English string in two widgets has one id, and so one translation at
 * run time: whichever catalog arrives last. Two widgets must therefore
 * translate it alike (or say it differently in English, where Chinese needs a
 * different measure word). Returns the ids translated differently.
 */
export function translationClashes(packageDirs) {
  const seen = new Map();
  const clashes = [];
  for (const { dir, file, text } of generatedCatalogs(packageDirs)) {
    for (const [id, template] of catalogEntries(text)) {
      const key = `${file} ${id}`;
      const earlier = seen.get(key);
      if (earlier && earlier.template !== template) clashes.push(`${id} in ${file}: ${earlier.template} (${earlier.dir}) and ${template} (${dir})`);
      else seen.set(key, { template, dir });
    }
  }
  return clashes;
}
