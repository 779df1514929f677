import { transform } from 'lightningcss';

// css`…` literals without expressions or escapes: the only kind our styles use.
const cssLiteral = /\bcss`([^`$\\]*)`/g;

/**
 * Vite plugin: minifies the stylesheets in Lit `css` template literals with
 * Lightning CSS. They are strings to the JavaScript minifier, which leaves
 * their whitespace and comments in every standalone bundle.
 */
export function minifyLitCss() {
  return {
    name: 'civic-minify-lit-css',
    enforce: 'post',
    transform(code, id) {
      if (!id.includes('/packages/') || !code.includes('css`')) return null;
      let changed = false;
      const result = code.replace(cssLiteral, (literal, stylesheet) => {
        const { code: minified } = transform({ filename: `${id}.css`, code: Buffer.from(stylesheet), minify: true });
        changed = true;
        return `css\`${minified.toString()}\``;
      });
      return changed ? { code: result, map: null } : null;
    },
  };
}
