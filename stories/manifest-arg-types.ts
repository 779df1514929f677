import type { ArgTypes } from '@storybook/web-components-vite';
import type { ManifestAttribute, ManifestDeclaration } from '@civic-widgets/feedback/custom-elements.json';
import { widgetManifest } from '../.storybook/widget-manifests';

/**
 * Adjusts the argTypes that Storybook extracts from the custom elements
 * manifest (see setCustomElementsManifest in preview.ts), using the manifest
 * only: stories set attributes and CSS custom properties, as a district's
 * HTML and CSS do, so
 * - an attribute gets a control that fits its declared type;
 * - a CSS custom property gets a text control (colour picker for colours);
 * - a field without an attribute of the same name (camelCase mirrors such as
 *   `maxPhotos`, private state, statics) is hidden: the extractor does not
 *   filter by privacy, and the attribute row already documents the mirror;
 * - events and CSS parts stay documented but get no control: they are not
 *   something a story sets (events are wired to actions in the render).
 */
export function attributeArgTypes(tagName: string): Partial<ArgTypes> {
  const declaration = findDeclaration(tagName);
  const attributeNames = new Set((declaration.attributes ?? []).map((attribute) => attribute.name));
  const argTypes: Partial<ArgTypes> = {};
  for (const member of declaration.members ?? []) {
    if (member.kind === 'field' && !attributeNames.has(member.name)) argTypes[member.name] = { table: { disable: true }, control: false };
  }
  for (const attribute of declaration.attributes ?? []) argTypes[attribute.name] = controlFor(attribute);
  for (const property of declaration.cssProperties ?? []) {
    argTypes[property.name] = { control: property.name.startsWith('--civic-color') || property.name.includes('-color-') ? 'color' : 'text' };
  }
  for (const item of [...(declaration.events ?? []), ...(declaration.cssParts ?? [])]) argTypes[item.name] = { control: false };
  return argTypes;
}

function findDeclaration(tagName: string): ManifestDeclaration {
  for (const module of widgetManifest.modules) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tagName);
    if (found) return found;
  }
  throw new Error(`<${tagName}> is not in custom-elements.json: run npm run manifest.`);
}

function controlFor(attribute: ManifestAttribute): ArgTypes[string] {
  const type = attribute.type?.text ?? '';
  if (type === 'boolean') return { control: 'boolean' };
  if (type === 'number') return { control: 'number' };
  const options = literalUnion(type) ?? documentedValues(type, attribute.description);
  return options ? { control: 'select', options } : { control: 'text' };
}

/** `'a' | 'b'` → ['a', 'b']. */
function literalUnion(type: string): string[] | undefined {
  const parts = type.split('|').map((part) => part.trim());
  const literals = parts.map((part) => /^'([^']*)'$/.exec(part)?.[1]);
  return parts.length > 1 && literals.every((literal) => literal !== undefined) ? (literals as string[]) : undefined;
}

/**
 * The analyzer records a type alias by name only (`LocationMode`); its JSDoc
 * lists the values in backticks, so those become the options.
 */
function documentedValues(type: string, description = ''): string[] | undefined {
  if (!/^[A-Z]\w*$/.test(type)) return undefined;
  const values = [...description.matchAll(/`([^`\s]+)`/g)].map((match) => match[1] ?? '');
  return values.length > 1 ? values : undefined;
}
