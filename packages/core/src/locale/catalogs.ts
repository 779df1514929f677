import { sourceLocale, type SupportedLocale, type TargetLocale } from './supported-locales.js';

type Templates = Record<string, unknown>;
type CatalogModule = { templates: Templates };
/** A catalog: its templates, or a loader such as `() => import('./generated/locales/zh-Hans.js')`. */
export type CatalogSource = Templates | (() => Promise<CatalogModule>);

/**
 * One template table per locale, shared by every widget that shares this core:
 * lit-localize ids are hashes of the English source, so a string two widgets
 * use is translated once. Catalogs arrive at different times (a widget's entry
 * is loaded when its tag appears), so tables are filled in place.
 */
const tables: Record<TargetLocale, Templates> = { 'zh-Hans': {}, 'zh-Hant': {} };
const waiting: Record<TargetLocale, Array<() => Promise<CatalogModule>>> = { 'zh-Hans': [], 'zh-Hant': [] };
const inFlight: Record<TargetLocale, Promise<boolean>> = { 'zh-Hans': Promise.resolve(true), 'zh-Hant': Promise.resolve(true) };
const failed = new Set<TargetLocale>();

/**
 * Adds a widget's translations. A loader is called only when a widget first
 * needs that locale, so in the shared folder a page in one language fetches
 * one catalog per widget; the single-file build inlines the same import().
 */
export function registerCatalog(locale: TargetLocale, source: CatalogSource): void {
  if (typeof source === 'function') waiting[locale].push(source);
  else addTemplates(locale, source);
}

/**
 * lit-localize ids are 64-bit hashes of the English text (`s` or `h` and 16 hex
 * digits). Our builds keep the first 8 hex digits in the catalogs (see
 * scripts/short-catalog-ids.mjs; 800 gzip bytes in the feedback form), and the
 * build checks that no two ids share them; lookups shorten the same way.
 */
const hashId = /^[sh][0-9a-f]{16}$/;
const shortId = (id: string): string => (hashId.test(id) ? id.slice(0, 9) : id);

function addTemplates(locale: TargetLocale, templates: Templates): void {
  for (const [id, template] of Object.entries(templates)) tables[locale][shortId(id)] = template;
}

/** What lit-localize looks templates up in: the locale's table, by shortened id. */
const lookups = Object.fromEntries(
  Object.entries(tables).map(([locale, table]) => [locale, new Proxy(table, { get: (target, id) => target[shortId(String(id))] })]),
) as Record<TargetLocale, Templates>;

export function templatesOf(locale: TargetLocale): Templates {
  return lookups[locale];
}

/**
 * Loads every catalog registered for `locale` that has not been asked for yet.
 * Resolves true once all of them are in, false if one could not be loaded: that
 * widget then speaks English (the source locale) rather than a mix, and the
 * console gets one error per catalog that failed.
 */
export function loadCatalogs(locale: SupportedLocale): Promise<boolean> {
  if (locale === sourceLocale) return Promise.resolve(true);
  const loaders = waiting[locale].splice(0);
  if (loaders.length > 0) {
    const previous = inFlight[locale];
    const arrivals = loaders.map((load) =>
      load().then(
        ({ templates }) => addTemplates(locale, templates),
        (error: unknown) => {
          failed.add(locale);
          console.error(`[civic-widgets] ${locale} texts not loaded; showing English.`, error);
        },
      ),
    );
    inFlight[locale] = Promise.all([previous, ...arrivals]).then(() => !failed.has(locale));
  }
  return inFlight[locale];
}
