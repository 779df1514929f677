import type { ReactiveElement } from 'lit';

/**
 * React 19 (like Vue 3 without `.prop`) sets a custom element's property only
 * when the element already has it (`'serviceId' in element`). Rendered before
 * the tag is defined, it writes the attribute `serviceid` instead (the DOM
 * lower-cases the name), which is not the widget's `service-id`, and it never
 * sets it again once the tag is defined. At its upgrade a widget reads such an
 * attribute as the property it names, through the property's own converter;
 * the spelled-out attribute, when present, wins. Every widget property is a
 * string, a number or a boolean, so nothing is lost in the attribute's text.
 */
export function adoptPropertyNamedAttributes(element: ReactiveElement): void {
  for (const [name, { attribute }] of (element.constructor as typeof ReactiveElement).elementProperties) {
    // HTML attribute names ignore case: getAttribute('serviceId') reads serviceid.
    const value = typeof attribute === 'string' && !element.hasAttribute(attribute) ? element.getAttribute(String(name)) : null;
    if (value !== null) element.attributeChangedCallback(attribute as string, null, value);
  }
}
