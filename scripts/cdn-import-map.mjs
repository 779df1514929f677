// Prints the import map that pins every file of the shared folder with its
// sha384 (from dist/cdn/integrity.json) for the folder served at <base-url>:
//
//   node scripts/cdn-import-map.mjs https://cdn.district.example/civic-widgets/0.1.0/
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [baseUrl] = process.argv.slice(2);
if (!baseUrl || !baseUrl.endsWith('/')) {
  console.error('Usage: node scripts/cdn-import-map.mjs <base-url ending in />');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../dist/cdn/integrity.json', import.meta.url)), 'utf8'));
const integrity = Object.fromEntries(Object.entries(manifest).map(([file, hash]) => [new URL(file, new URL(baseUrl, 'https://host.invalid/')).href.replace('https://host.invalid', ''), hash]));
console.log(JSON.stringify({ integrity }, null, 2));
