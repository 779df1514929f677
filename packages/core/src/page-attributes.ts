/**
 * Widgets follow two attributes of the host page's `<html>`: `lang` and
 * `data-civic-care-mode`. One observer serves every widget of this bundle.
 */
export const careModeAttribute = 'data-civic-care-mode';

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

export function observePageAttributes(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', careModeAttribute] });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

export function pageCareMode(): boolean {
  const value = document.documentElement.getAttribute(careModeAttribute);
  return value !== null && value !== 'false';
}
