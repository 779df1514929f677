import { minifyHTMLLiterals } from 'minify-literals';

// A localized template: lit-localize finds its translation by a hash of the
// template's strings as written, so minifying it would lose the translation.
const localizedHtml = /\bmsg\(\s*html`/;

/**
 * Vite plugin: minifies the markup in Lit `html` and the stylesheets in `css`
 * template literals (minify-literals: html-minifier-next and Lightning CSS).
 * They are strings to the JavaScript minifier, which would ship their
 * indentation, line breaks and comments in every bundle. Whitespace that shows
 * (between inline elements and text) collapses to one space, as a browser
 * renders it; empty attributes stay (`alt=""`, `lang=""` mean something).
 */
export function minifyLitTemplates() {
  return {
    name: 'civic-minify-lit-templates',
    enforce: 'post',
    async transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/.test(id) || !/\b(html|css)`/.test(code)) return null;
      if (localizedHtml.test(code)) this.error(`${id}: msg(html\`…\`) would lose its translation once minified; keep markup out of msg().`);
      const result = await minifyHTMLLiterals(code, {
        fileName: id,
        sourceMap: false,
        htmlTags: ['html', 'svg'],
        cssTags: ['css'],
        html: { removeEmptyAttributes: false, minifyJS: false, collapseBooleanAttributes: true },
      });
      return result ? { code: result.code, map: null } : null;
    },
  };
}
