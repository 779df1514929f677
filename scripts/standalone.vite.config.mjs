import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { minifyLitCss } from './minify-lit-css.mjs';
import { shareLitPolicy } from './share-lit-policy.mjs';
import { shortCatalogIds } from './short-catalog-ids.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What every browser build of the widgets shares: sources, transforms, minification. */
export function browserBuildBase() {
  return {
    root,
    configFile: false,
    publicDir: false,
    plugins: [minifyLitCss(), shareLitPolicy(), shortCatalogIds()],
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

// `() => import('./generated/locales/zh-Hans.js')`: the catalog loaders widgets register.
const catalogImport = /\bimport\((['"])(\.\/generated\/locales\/[\w-]+\.js)\1\)/g;

/**
 * The single file holds its catalogs: their import() becomes a static import.
 * Rolldown would inline the import() too, but it wraps every module the
 * catalog reaches (all of @lit/localize) in lazy initialisers that
 * tree-shaking cannot see through: about 450 gzip bytes more per file.
 */
function catalogsInline() {
  return {
    name: 'civic-standalone-catalogs-inline',
    transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/.test(id) || !code.includes('/generated/locales/')) return null;
      const imports = [];
      const result = code.replace(catalogImport, (_, _quote, specifier) => {
        const name = `__civicCatalog${imports.length}`;
        imports.push(`import * as ${name} from ${JSON.stringify(specifier)};`);
        return `Promise.resolve(${name})`;
      });
      return imports.length > 0 ? { code: `${imports.join('\n')}\n${result}`, map: null } : null;
    },
  };
}

/**
 * Vite config for one drop-in <script type="module"> bundle: everything inlined,
 * fully minified, no chunks, no assets, except the package's declared sibling
 * files (see siblingsAsFiles). `entry` is absolute; `fileName` has no extension.
 */
export function standaloneConfig({ entry, fileName, emptyOutDir = false, siblings = new Map() }) {
  const base = browserBuildBase();
  return {
    ...base,
    plugins: [siblingsAsFiles(siblings), catalogsInline(), ...base.plugins],
    build: {
      target: 'es2022',
      outDir: 'dist/standalone',
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
