import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales, type SupportedLocale, type TargetLocale } from './supported-locales.js';

type Templates = Record<string, unknown>;

/**
 * One live template table per locale, shared by every widget in this bundle.
 * Widgets add their catalogs at import time; because lit-localize keeps a
 * reference to the table, a catalog registered after the locale became active
 * still takes effect on the next render.
 */
const catalogs: Record<TargetLocale, Templates> = { 'zh-Hans': {}, 'zh-Hant': {} };

// lit-localize allows one configuration per module instance and its locale is
// page-global, so the core owns it and widgets only ask for a locale.
const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => Promise.resolve({ templates: catalogs[locale as TargetLocale] as never }),
});

export function registerCatalog(locale: TargetLocale, templates: Templates): void {
  Object.assign(catalogs[locale], templates);
}

/** The locale whose strings are rendered right now. */
export function activeLocale(): SupportedLocale {
  return getLocale() as SupportedLocale;
}

/** Switches every widget on the page to `locale`; resolves once its strings are in place. */
export function requestPageLocale(locale: SupportedLocale): Promise<void> {
  return setLocale(locale);
}
