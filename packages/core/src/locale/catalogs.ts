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

type Loader = { locale: TargetLocale; load: () => Promise<CatalogModule> };
/** Loaders registered since the last defineCivicElement(), which claims them for its class. */
let unclaimed: Loader[] = [];
const owned = new WeakMap<object, Loader[]>();
/** Each loader runs once; resolves false if its catalog could not be loaded. */
const arrivals = new Map<Loader, Promise<boolean>>();

/**
 * Adds a widget's translations. A loader is called only when a widget first
 * needs that locale, so in the shared folder a page in one language fetches
 * one catalog per widget; the single-file build inlines the same import().
 * Widgets register in their class's static block, before their tag is defined.
 */
export function registerCatalog(locale: TargetLocale, source: CatalogSource): void {
  if (typeof source === 'function') unclaimed.push({ locale, load: source });
  else addTemplates(locale, source);
}

/** Called by defineCivicElement(): the loaders registered while the class was evaluated are its own. */
export function claimCatalogs(owner: object): void {
  owned.set(owner, [...(owned.get(owner) ?? []), ...unclaimed]);
  unclaimed = [];
}

/**
 * Loads the catalogs of `owner` (a widget class, or one of its base classes)
 * for `locale`, and any not yet claimed. Resolves true once all are in, false
 * if one could not be loaded: that widget then speaks English rather than a
 * mix, and the console gets one error per catalog that failed.
 */
export function loadCatalogs(locale: SupportedLocale, owner: object): Promise<boolean> {
  if (locale === sourceLocale) return Promise.resolve(true);
  const loaders = [...unclaimed];
  for (let type: object | null = owner; type; type = Object.getPrototypeOf(type) as object | null) loaders.push(...(owned.get(type) ?? []));
  return Promise.all(loaders.filter((loader) => loader.locale === locale).map(arrival)).then((results) => results.every(Boolean));
}

function arrival(loader: Loader): Promise<boolean> {
  let arrived = arrivals.get(loader);
  if (!arrived) {
    arrived = loader.load().then(
      ({ templates }) => {
        addTemplates(loader.locale, templates);
        return true;
      },
      (error: unknown) => {
        console.error(`[civic-widgets] ${loader.locale} texts not loaded`, error);
        return false;
      },
    );
    arrivals.set(loader, arrived);
  }
  return arrived;
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
const lookup = (table: Templates): Templates => new Proxy(table, { get: (target, id) => target[shortId(String(id))] });
const lookups: Record<TargetLocale, Templates> = { 'zh-Hans': lookup(tables['zh-Hans']), 'zh-Hant': lookup(tables['zh-Hant']) };

export function templatesOf(locale: TargetLocale): Templates {
  return lookups[locale];
}
