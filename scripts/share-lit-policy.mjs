import { fileURLToPath } from 'node:url';

const helper = fileURLToPath(new URL('../packages/core/src/trusted-types.ts', import.meta.url));

// Lit's production build: `s?s.createPolicy("lit-html",{createHTML:t=>t}):void 0`.
const litPolicy = /([\w$]+)\.createPolicy\("lit-html",\{createHTML:([\w$]+)=>\2\}\)/;

/**
 * Vite plugin for the builds that carry their own Lit (the single files and the
 * shared folder): Lit's Trusted Types policy comes from core's civicPolicy(),
 * which every copy on the page shares, so two single files, or a single file
 * next to the folder, no longer fail with "Policy with name lit-html already
 * exists". The build fails if a Lit upgrade changes the code this rewrites.
 */
export function shareLitPolicy() {
  return {
    name: 'civic-share-lit-policy',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!litPolicy.test(code)) this.error(`lit-html's Trusted Types policy creation has changed; update ${fileURLToPath(import.meta.url)}.`);
      return {
        code: `import { civicPolicy as __civicPolicy } from ${JSON.stringify(helper)};\n${code.replace(litPolicy, '__civicPolicy($1)')}`,
        map: null,
      };
    },
  };
}

/**
 * Lit's modules that every widget needs, which the shared folder puts in its
 * core chunk. Lit's directives are left to Rolldown, so one that a single
 * widget uses (the notice board's `until`) stays in that widget's entry.
 */
export function isLitModule(id) {
  if (/[\\/](directives|async-directive|directive-helpers)[\\/.]/.test(id)) return false;
  return /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id) || id === helper;
}
