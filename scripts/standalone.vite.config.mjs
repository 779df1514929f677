import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { minifyLitTemplates } from './minify-lit-templates.mjs';
import { shareLitPolicy } from './share-lit-policy.mjs';
import { shortCatalogIds } from './short-catalog-ids.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What every browser build of the widgets shares: sources, transforms, minification. */
export function browserBuildBase() {
  return {
    root,
    configFile: false,
    publicDir: false,
    plugins: [minifyLitTemplates(), shareLitPolicy(), shortCatalogIds()],
    logLevel: 'warn',
    // Lit ships a dev build behind this check; leaving it in costs bytes and
    // prints dev-mode warnings on district pages.
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: {
      // Workspace packages export their TypeScript under "source", so the bundle
      // is built from src and never from a stale dist.
      conditions: ['source', ...defaultClientConditions],
    },
    oxc: {
      // Lit's decorators are written for TypeScript's experimentalDecorators and
      // useDefineForClassFields: false. Vite 8 only applies those when the file
      // is in the `include` of its nearest tsconfig.json; for any other file it
      // silently leaves `@property()` in the output, which no browser parses.
      decorator: { legacy: true },
      typescript: { removeClassFieldsWithoutInitializer: true },
      assumptions: { setPublicClassFields: true },
    },
  };
}

/**
 * Keeps a declared sibling module out of the single file: its dynamic import()
 * becomes `import('./<file>.js')`, next to the bundle, which is built on its
 * own. `siblings` maps absolute source paths to file names (no extension).
 */
function siblingsAsFiles(siblings) {
  return {
    name: 'civic-standalone-siblings',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || siblings.size === 0) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const file = resolved && siblings.get(resolved.id);
      return file ? { id: `./${file}.js`, external: true } : null;
    },
  };
}

// `import('./generated/locales/zh-Hans.js')`, `import('../feeds/sanitize-html.js')`: a relative import() in a package's source.
const relativeImport = /\bimport\((['"])(\.\.?\/[\w./-]+\.js)\1\)/g;

/**
 * The single file holds what the shared folder loads lazily (catalogs, rarely
 * used parts): each relative import() in a package's source becomes a static
 * import, except a declared sibling's (siblingsAsFiles keeps those). Rolldown
 * would inline the import() too, but it wraps every module reached that way
 * (all of @lit/localize from a catalog) in lazy initialisers that
 * tree-shaking cannot see through: about 450 gzip bytes per catalog import.
 */
function lazyImportsInline() {
  return {
    name: 'civic-standalone-lazy-imports-inline',
    async transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/.test(id) || !code.includes('import(')) return null;
      const imports = [];
      const replacements = new Map();
      for (const [, , specifier] of code.matchAll(relativeImport)) {
        if (replacements.has(specifier)) continue;
        // A declared sibling resolves to its external file (siblingsAsFiles): it stays an import().
        const resolved = await this.resolve(specifier, id);
        if (!resolved || resolved.external) continue;
        const name = `__civicInline${imports.length}`;
        imports.push(`import * as ${name} from ${JSON.stringify(specifier)};`);
        replacements.set(specifier, `Promise.resolve(${name})`);
      }
      if (imports.length === 0) return null;
      const result = code.replace(relativeImport, (call, _quote, specifier) => replacements.get(specifier) ?? call);
      return { code: `${imports.join('\n')}\n${result}`, map: null };
    },
  };
}

/**
 * Vite config for one drop-in <script type="module"> bundle: everything inlined,
 * fully minified, no chunks, no assets, except the package's declared sibling
 * files (see siblingsAsFiles). `entry` is absolute; `fileName` has no extension.
 */
export function standaloneConfig({ entry, fileName, emptyOutDir = false, siblings = new Map(), outDir = 'dist/standalone' }) {
  const base = browserBuildBase();
  return {
    ...base,
    plugins: [siblingsAsFiles(siblings), lazyImportsInline(), ...base.plugins],
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      minify: 'oxc',
      // Comments are stripped from the bundle, so the bundled packages' licence
      // texts (Lit's BSD-3-Clause asks for them) ship in a file next to it.
      license: { fileName: `${fileName}.licenses.md` },
      lib: { entry, formats: ['es'], fileName: () => `${fileName}.js` },
      rolldownOptions: {
        output: {
          codeSplitting: false,
          // Vite keeps ES libraries readable for re-bundling; this file is the
          // end product, so minify whitespace and identifiers too.
          minify: true,
          comments: false,
        },
      },
    },
  };
}
