import { registerCatalog } from '@civic-widgets/core';

// Loaded only when a widget needs the locale: the shared folder (dist/cdn) makes
// each a chunk of its own, the single-file build inlines them.
export function registerSurveyCatalogs(): void {
  registerCatalog('zh-Hans', () => import('./generated/locales/zh-Hans.js'));
  registerCatalog('zh-Hant', () => import('./generated/locales/zh-Hant.js'));
}
