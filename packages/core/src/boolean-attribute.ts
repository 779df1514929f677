import type { ComplexAttributeConverter } from 'lit';

/**
 * The converter of every boolean attribute of every widget. Present means on,
 * as in HTML, except the value "false" (any case, with spaces): frameworks
 * write it when they bind a boolean (Vue's `:care-mode="care"` sets
 * `care-mode="false"`), and a citizen must not be stuck in a mode the page
 * turned off. The property writes back as HTML does: `""` for on, absent for off.
 */
export const booleanAttribute: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value: string | null) => value !== null && value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? '' : null),
};
