import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));

/**
 * Writes src/version.ts from each package.json so a widget can tell, at
 * registration time, which version of itself is already on the page.
 * Unchanged files are left alone to keep tsc -b and watchers from rebuilding.
 */
export function syncVersions() {
  for (const name of readdirSync(packagesDir)) {
    const dir = join(packagesDir, name);
    if (!existsSync(join(dir, 'src')) || !existsSync(join(dir, 'package.json'))) continue;
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = join(dir, 'src', 'version.ts');
    const content =
      '/** Written by scripts/sync-versions.mjs from package.json; do not edit. */\n' +
      `export const version = '${version}';\n`;
    if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
    writeFileSync(file, content);
    console.log(`sync-versions: packages/${name}/src/version.ts → ${version}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) syncVersions();
