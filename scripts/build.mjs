import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { syncVersions } from './sync-versions.mjs';
import { widgetPackages, writeManifest } from './manifest.mjs';
import { standaloneConfig } from './standalone.vite.config.mjs';
import { checkSizes, measure, printTable } from './size.mjs';
import { buildCdn, cdnDir } from './cdn-build.mjs';
import { shortIdClashes, translationClashes } from './short-catalog-ids.mjs';
import { writeApiTables } from './api-tables.mjs';
import { writeFrameworkTypes } from './framework-types.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function step(title) {
  console.log(`\n▸ ${title}`);
}

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

/** Generated lit-localize catalogs of a widget that did not make it into its bundle. */
function missingCatalogs(dir, bundledIds) {
  const configFile = join(dir, 'lit-localize.json');
  if (!existsSync(configFile)) return [];
  const { output } = JSON.parse(readFileSync(configFile, 'utf8'));
  const catalogDir = join(dir, output.outputDir);
  if (!existsSync(catalogDir)) return [];
  return readdirSync(catalogDir)
    .map((file) => join(catalogDir, file))
    .filter((file) => !bundledIds.includes(file))
    .map((file) => relative(root, file));
}

/**
 * Lazy files a package declares next to its single file, in package.json:
 * `"civicWidgets": { "standaloneSiblings": { "map": "./src/map/map-view.ts" } }`
 * makes every import() of that module load `civic-<name>-map.js` from beside
 * the single file. Each is measured against its own ceiling in scripts/size.mjs.
 */
function standaloneSiblings(dir, fileName) {
  const declared = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).civicWidgets?.standaloneSiblings ?? {};
  return new Map(Object.entries(declared).map(([name, source]) => [join(dir, source), `${fileName}-${name}`]));
}

step('versions');
syncVersions();

step('TypeScript → packages/*/dist');
// Every package is listed so a package nothing depends on yet is still built;
// tsc -b orders them by their references and skips the up-to-date ones.
const projects = readdirSync(join(root, 'packages'))
  .map((name) => join('packages', name, 'tsconfig.build.json'))
  .filter((project) => existsSync(join(root, project)));
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', ...projects], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) fail('tsc -b failed.');

step('custom elements manifests');
const widgets = widgetPackages();
for (const { dir } of widgets) writeManifest(dir);
writeApiTables();

step('framework types (React 19, Vue 3) from the manifests');
for (const { dir } of widgets) for (const problem of writeFrameworkTypes(dir)) console.warn(`build: ${problem}`);

// Catalogs keep 8 of lit-localize's 16 hex digits per id (scripts/short-catalog-ids.mjs).
const clashes = shortIdClashes(readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name)));
if (clashes.length > 0) fail(`two catalog ids share their first 8 hex digits: ${clashes.join('; ')}. Lengthen shortId() in packages/core/src/locale/catalogs.ts.`);
const differentTranslations = translationClashes(readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name)));
if (differentTranslations.length > 0) fail(`one English string is translated differently by two widgets, and only one translation can win on a page with both: ${differentTranslations.join('; ')}.`);

step('standalone bundles → dist/standalone');
if (widgets.length === 0) fail('no widget package (src/define.ts with a "./define.js" export) was found.');
for (const [index, { name, dir }] of widgets.entries()) {
  const entry = join(dir, 'src', 'define.ts');
  const fileName = `civic-${name}`;
  const siblings = standaloneSiblings(dir, fileName);
  const [output] = [await build(standaloneConfig({ entry, fileName, emptyOutDir: index === 0, siblings }))].flat();
  // A second chunk would be a file the embedding page does not know to load.
  const chunks = output.output.filter((file) => file.type === 'chunk').map((chunk) => chunk.fileName);
  if (chunks.length !== 1) fail(`${fileName} must be one file, but Vite wrote ${chunks.join(', ')}.`);
  // A catalog declared as a sibling file is built next to the bundle (below), not inside it.
  const missing = missingCatalogs(dir, [...Object.keys(output.output[0].modules), ...siblings.keys()]);
  if (missing.length > 0) {
    fail(
      `${fileName}.js left out ${missing.join(', ')}. Is the module that registers them listed in ` +
        `"sideEffects" of packages/${name}/package.json? Vite honours that list and drops side-effect-only imports.`,
    );
  }
  // Node's parser, like today's browsers, rejects decorator syntax: this catches
  // a Vite/Oxc change that would leave `@property()` untransformed.
  const check = spawnSync(process.execPath, ['--check', join(root, 'dist/standalone', `${fileName}.js`)], { stdio: 'inherit' });
  if (check.status !== 0) fail(`${fileName}.js is not valid ES2022.`);
  console.log(`${relative(root, entry)} → dist/standalone/${fileName}.js`);
  for (const [siblingEntry, siblingName] of siblings) {
    await build(standaloneConfig({ entry: siblingEntry, fileName: siblingName }));
    console.log(`${relative(root, siblingEntry)} → dist/standalone/${siblingName}.js (loaded when needed)`);
  }
}

step('shared folder → dist/cdn');
const cdn = await buildCdn();
printTable([
  ['file', 'raw', 'gzip -9'],
  ...cdn.files.map((file) => {
    const { raw, gzip } = measure(join(root, file));
    return [relative(cdnDir, join(root, file)), raw, gzip];
  }),
]);
console.log(`widgets: ${cdn.widgets.map(({ tags }) => tags.map((tag) => `<${tag}>`).join(' ')).join(', ')}; sha384 of every file in dist/cdn/integrity.json`);

step('single-file sizes against their ceilings');
const problems = checkSizes();
if (problems.length > 0) fail(problems.join('\n'));
