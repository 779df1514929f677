import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { templatesOf } from './catalogs.js';
import { sourceLocale, targetLocales, type SupportedLocale, type TargetLocale } from './supported-locales.js';

/**
 * Locale per widget, not per page. lit-localize's runtime `setLocale()` keeps
 * one active locale for the whole module, so two widgets with different `lang`
 * would both speak whichever was set last. Its reentrant configuration (same
 * package, same generated catalogs, same XLIFF workflow) instead asks
 * `getLocale()` on every `msg()` call; a widget runs its update inside
 * `inLocale()` so every `msg()` it renders uses that widget's own catalog.
 */
let rendering: SupportedLocale | undefined;

/**
 * `msg()` calls outside a widget's update (an announcement composed in an event
 * handler or after a fetch) speak the language of the widget the citizen last
 * used, or else of the widget that last rendered.
 */
let ambient: SupportedLocale = sourceLocale;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => rendering ?? ambient,
  loadLocaleSync: (locale) => ({ templates: templatesOf(locale as TargetLocale) as never }),
});

export function inLocale<T>(locale: SupportedLocale, work: () => T): T {
  const outer = rendering;
  rendering = locale;
  try {
    return work();
  } finally {
    rendering = outer;
  }
}

export function setAmbientLocale(locale: SupportedLocale): void {
  ambient = locale;
}
