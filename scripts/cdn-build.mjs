import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { browserBuildBase } from './standalone.vite.config.mjs';
import { isLitModule } from './share-lit-policy.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = join(root, 'packages');
export const cdnDir = join(root, 'dist', 'cdn');
const autoloaderSource = fileURLToPath(new URL('./cdn/autoloader.js', import.meta.url));

/**
 * The widgets of the workspaces: every package whose package.json names a
 * Custom Elements Manifest (`customElements`) and exports `./define.js`. Tags
 * come from the manifest, so a new widget package plugs in with no list to edit.
 */
export function cdnWidgets() {
  const widgets = [];
  for (const name of readdirSync(packagesDir)) {
    const dir = join(packagesDir, name);
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const define = pkg.exports?.['./define.js'];
    if (!pkg.customElements || !define?.source) continue;
    const manifest = JSON.parse(readFileSync(join(dir, pkg.customElements), 'utf8'));
    const tags = manifest.modules
      .flatMap((module) => module.exports ?? [])
      .filter((entry) => entry.kind === 'custom-element-definition')
      .map((entry) => entry.name);
    if (tags.length === 0) throw new Error(`${pkg.name}: its custom-elements.json defines no tag.`);
    widgets.push({ packageName: pkg.name, dir, entryName: tags[0], entry: join(dir, define.source), tags });
  }
  return widgets.sort((a, b) => a.entryName.localeCompare(b.entryName));
}

/** The autoloader's entry: the generic autoloader with one loader per tag. */
function writeAutoloaderEntry(widgets, tempDir) {
  const loaders = widgets.flatMap(({ entry, tags }) => tags.map((tag) => `  ${JSON.stringify(tag)}: () => import(${JSON.stringify(entry)}),`));
  const file = join(tempDir, 'civic-widgets.js');
  writeFileSync(
    file,
    `import { autoload } from ${JSON.stringify(autoloaderSource)};\n` +
      `export { discover } from ${JSON.stringify(autoloaderSource)};\n` +
      `autoload({\n${loaders.join('\n')}\n});\n`,
  );
  return file;
}

/** Readable chunk names: a widget's locale chunk is `feedback-zh-Hans-<hash>.js`. */
function chunkName(chunk) {
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '';
  const locale = /[\\/]packages[\\/]([^\\/]+)[\\/]src[\\/]generated[\\/]locales[\\/]([\w-]+)\.ts$/.exec(id);
  if (locale) return `chunks/${locale[1]}-${locale[2]}-[hash].js`;
  // Shared parts are named after the widgets that share them: core~feedback~notice-board.
  return `chunks/${chunk.name.replace(/civic-/g, '')}-[hash].js`;
}

const coreModule = /[\\/]packages[\\/]core[\\/]src[\\/]|[\\/]node_modules[\\/]@lit[\\/]localize[\\/]/;
const isSharedModule = (id) => isLitModule(id) || coreModule.test(id);

/** Vite config of the shared folder; `entries` maps entry names to absolute source paths. */
function cdnConfig(entries) {
  const base = browserBuildBase();
  return {
    ...base,
    build: {
      target: 'es2022',
      outDir: cdnDir,
      emptyOutDir: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      minify: 'oxc',
      // No preload helper: it would inject <link> elements into the host page.
      modulePreload: false,
      license: { fileName: 'licenses.md' },
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        output: {
          // Entries keep stable names (pages refer to them); every chunk name carries a content hash.
          entryFileNames: '[name].js',
          chunkFileNames: chunkName,
          minify: true,
          comments: false,
          codeSplitting: {
            groups: [
              // Lit, core and lit-localize. Lit shares the core's chunks (every widget needs both):
              // one file instead of two saves each page a request and ~500 gzip bytes, as the two
              // compress together and need no imports and exports between them.
              // What three or more widgets use goes into one common chunk, `core`: the widget that
              // does not use a part of it (the locator: safe storage and focus, ~180 gzip bytes) pays
              // less for it than every other widget would pay for one more request.
              { name: 'core', test: isSharedModule, minShareCount: 3, priority: 2 },
              // The rest is split by which widgets use it: a notice board does not fetch the forms'
              // offline outbox, nor the survey the feedback form's and notice board's byte-limited reader.
              {
                name: 'core',
                test: isSharedModule,
                entriesAware: true,
                // A part smaller than this goes with a neighbour: a round trip costs more.
                entriesAwareMergeThreshold: 1024,
                priority: 1,
              },
            ],
          },
        },
      },
    },
  };
}

/** sha384 of every file in the folder, by path relative to it: the Subresource Integrity manifest. */
export function integrityManifest(dir = cdnDir) {
  const files = readdirSync(dir, { recursive: true })
    .map((file) => file.split(sep).join('/'))
    .filter((file) => file.endsWith('.js'))
    .sort();
  return Object.fromEntries(files.map((file) => [file, `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`]));
}

export async function buildCdn() {
  const widgets = cdnWidgets();
  const tempDir = mkdtempSync(join(tmpdir(), 'civic-cdn-'));
  try {
    const entries = Object.fromEntries(widgets.map(({ entryName, entry }) => [entryName, entry]));
    entries['civic-widgets'] = writeAutoloaderEntry(widgets, tempDir);
    await build(cdnConfig(entries));
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
  const manifest = integrityManifest();
  writeFileSync(join(cdnDir, 'integrity.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { widgets, files: Object.keys(manifest).map((file) => relative(root, join(cdnDir, file))) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files } = await buildCdn();
  for (const file of files) console.log(file);
}
