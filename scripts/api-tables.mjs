// Writes each widget's API tables into its README from its Custom Elements
// Manifest, so the documentation cannot drift from the code.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const start = '<!-- api:start (written by scripts/api-tables.mjs from custom-elements.json) -->';
const end = '<!-- api:end -->';

const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (text) => (text ? `\`${text}\`` : '');

function table(headings, rows) {
  if (rows.length === 0) return '_None._\n';
  return [`| ${headings.join(' | ')} |`, `| ${headings.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n') + '\n';
}

function tables(element) {
  const fields = (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && member.privacy !== 'private' && member.privacy !== 'protected');
  const attributes = element.attributes ?? [];
  return [
    '### Attributes and properties\n',
    table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      fields.map((field) => {
        const attribute = attributes.find((candidate) => candidate.fieldName === field.name);
        return [code(attribute?.name), code(field.name), code(field.type?.text), code(field.default), field.description];
      }),
    ),
    '### Events\n',
    table(['Event', 'Type', 'Description'], (element.events ?? []).map((event) => [code(event.name), code(event.type?.text), event.description])),
    '### Slots\n',
    table(['Slot', 'Description'], (element.slots ?? []).map((slot) => [code(slot.name || '(default)'), slot.description])),
    '### CSS parts\n',
    table(['Part', 'Description'], (element.cssParts ?? []).map((part) => [code(part.name), part.description])),
    '### CSS custom properties\n',
    table(['Property', 'Description'], (element.cssProperties ?? []).map((property) => [code(property.name), property.description])),
  ].join('\n');
}

for (const name of readdirSync(join(root, 'packages'))) {
  const manifestPath = join(root, 'packages', name, 'custom-elements.json');
  const readmePath = join(root, 'packages', name, 'README.md');
  if (!existsSync(manifestPath) || !existsSync(readmePath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
  const readme = readFileSync(readmePath, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${readmePath} has no ${start} … ${end} block`);
  const body = elements.map((element) => tables(element)).join('\n');
  const next = `${readme.slice(0, from + start.length)}\n\n${body}\n${readme.slice(to)}`;
  if (next !== readme) {
    writeFileSync(readmePath, next);
    console.log(`api tables: ${readmePath}`);
  }
}
