import { registerCatalog } from '@civic-widgets/core';
import { templates as zhHans } from './generated/locales/zh-Hans.js';
import { templates as zhHant } from './generated/locales/zh-Hant.js';

// Bundled, not lazy-loaded: the standalone file must be one request, and the
// first render must already be in the page's language.
export function registerLocatorCatalogs(): void {
  registerCatalog('zh-Hans', zhHans);
  registerCatalog('zh-Hant', zhHant);
}
