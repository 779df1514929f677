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

function replaceBlock(readmePath, body) {
  const readme = readFileSync(readmePath, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${readmePath} has no ${start} … ${end} block`);
  const next = `${readme.slice(0, from + start.length)}\n\n${body}\n${readme.slice(to)}`;
  if (next !== readme) {
    writeFileSync(readmePath, next);
    console.log(`api tables: ${readmePath}`);
  }
}

function elementsOf(manifestPath) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
}

/** Each package README gets its own tables; the top-level README gets every widget's, one heading each. */
export function writeApiTables() {
  const sections = [];
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const manifestPath = join(root, 'packages', name, 'custom-elements.json');
    if (!existsSync(manifestPath)) continue;
    const elements = elementsOf(manifestPath);
    const readmePath = join(root, 'packages', name, 'README.md');
    if (existsSync(readmePath)) replaceBlock(readmePath, elements.map(tables).join('\n'));
    for (const element of elements) {
      sections.push(`### \`<${element.tagName}>\`\n\n${tables(element).replace(/^### /gm, '#### ')}`);
    }
  }
  replaceBlock(join(root, 'README.md'), sections.join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeApiTables();
