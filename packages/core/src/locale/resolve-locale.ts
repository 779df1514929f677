import { sourceLocale, toSupportedLocale, type SupportedLocale } from './supported-locales.js';

/**
 * The language an element should speak: its own `lang`, else the closest
 * `[lang]` ancestor (crossing shadow roots, so a widget inside another
 * component's shadow DOM still follows the page), else `<html lang>`, else the
 * browser's preferences.
 */
export function resolveLocale(element: Element): SupportedLocale {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return toSupportedLocale(lang) ?? sourceLocale;
    node = node.parentElement ?? hostOf(node);
  }
  for (const preferred of navigator.languages ?? [navigator.language]) {
    const locale = toSupportedLocale(preferred);
    if (locale) return locale;
  }
  return sourceLocale;
}

function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
