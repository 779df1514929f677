import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { minifyLitCss } from './minify-lit-css.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Vite config for one drop-in <script type="module"> bundle: everything inlined,
 * fully minified, no chunks, no assets. `entry` is absolute; `fileName` has no
 * extension.
 */
export function standaloneConfig({ entry, fileName, emptyOutDir = false }) {
  return {
    root,
    configFile: false,
    publicDir: false,
    plugins: [minifyLitCss()],
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
