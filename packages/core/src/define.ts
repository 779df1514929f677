import { claimCatalogs } from './locale/catalogs.js';

/**
 * Registers a custom element without ever throwing halfway through a bundle.
 *
 * Several separately built bundles (or two versions of one package) may land on
 * the same page. The first registration wins; a repeat by the same version is a
 * no-op, and a different version gets one warning naming both, so a district web
 * team can see why its upgrade did not take effect.
 */
export interface VersionedElementClass extends CustomElementConstructor {
  readonly version: string;
}

export function defineCivicElement(tagName: string, elementClass: VersionedElementClass): void {
  // The catalogs the class registered while it was evaluated are its own: a
  // catalog that fails to load then affects this widget only.
  claimCatalogs(elementClass);
  const registered = customElements.get(tagName) as Partial<VersionedElementClass> | undefined;
  if (registered) {
    if (registered.version !== elementClass.version) {
      console.warn(`[civic-widgets] <${tagName}> ${registered.version ?? '?'} is already registered; ${elementClass.version} is ignored. Load one version.`);
    }
    return;
  }
  try {
    customElements.define(tagName, elementClass);
  } catch (error) {
    console.error(`[civic-widgets] <${tagName}> could not be registered.`, error);
  }
}
