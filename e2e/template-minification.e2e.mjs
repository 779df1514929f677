// The build minifies the markup and styles in Lit templates (scripts/minify-lit-templates.mjs):
// a stand-in widget with the template shapes our widgets use renders the same
// text and the same pixels built with and without it, in Chromium.
//
//   node --test e2e/template-minification.e2e.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { standaloneConfig } from '../scripts/standalone.vite.config.mjs';
import { folderRoute, pageRoute, startServer } from '../scripts/cdn/serve.mjs';

const view = `import { LitElement, css, html, nothing } from 'lit';

class DemoView extends LitElement {
  static styles = css\`
    /* A comment that must not ship. */
    :host {
      display: block;
      font: 16px/1.5 sans-serif;
    }
    .row > * + * {
      margin-inline-start: calc(0.5em * 2);
    }
  \`;

  render() {
    const name = 'Wang';
    const rows = [['Received', '1 Dec'], ['Handled by', 'Street office']];
    return html\`
      <div class="root">
      <h2 id="title">Report   from \${name}</h2>
      <p class="intro">
        Thank you, <strong>\${name}</strong>. Your number is
        <code>\${'A-12'}</code> — keep it.
        \${name ? html\`<em>Saved</em>\` : nothing}
      </p>
      <dl>
        \${rows.map(([label, value]) => html\`<dt>\${label}</dt><dd>\${value}</dd>\`)}
      </dl>
      <p class="row">
        <button type="button" aria-describedby="title" ?disabled=\${false}>Check progress</button>
        <button type="button" .title=\${'Back'} @click=\${() => {}}>Back</button>
        <a href="#top">Top</a>
      </p>
      <label><input type="checkbox" checked /> Call me back</label>
      <img alt="" width="1" height="1" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />
      <span lang="">\${name} \${'and'} \${'friends'}</span>
      </div>
    \`;
  }
}
customElements.define('demo-view', DemoView);
`;

const cacheDir = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
let work;
let site;
let browser;
before(async () => {
  // Inside the repository's node_modules, so the stand-in resolves Lit as the widgets do.
  mkdirSync(cacheDir, { recursive: true });
  work = mkdtempSync(join(cacheDir, 'civic-minify-'));
  const src = join(work, 'packages', 'demo', 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'define.ts'), view);
  const entry = join(src, 'define.ts');
  const config = standaloneConfig({ entry, fileName: 'demo', outDir: join(work, 'minified') });
  await build(config);
  await build({
    ...standaloneConfig({ entry, fileName: 'demo', outDir: join(work, 'as-written') }),
    plugins: config.plugins.filter((plugin) => plugin.name !== 'civic-minify-lit-templates'),
  });
  const page = (dir) => `<!doctype html><html lang="en"><body><demo-view></demo-view><script type="module" src="/${dir}/demo.js"></script></body></html>`;
  site = await startServer([
    pageRoute({ '/minified': page('minified'), '/as-written': page('as-written') }),
    folderRoute(join(work, 'minified'), '/minified/'),
    folderRoute(join(work, 'as-written'), '/as-written/'),
  ]);
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

async function rendered(path) {
  const tab = await browser.newPage({ viewport: { width: 360, height: 400 } });
  try {
    await tab.goto(`${site.origin}${path}`);
    await tab.waitForFunction(() => document.querySelector('demo-view')?.shadowRoot?.querySelector('img'));
    return {
      text: await tab.evaluate(() => document.querySelector('demo-view').shadowRoot.querySelector('.root').innerText),
      pixels: await tab.locator('demo-view').screenshot({ animations: 'disabled' }),
    };
  } finally {
    await tab.close();
  }
}

test('minified templates render the same text and pixels as written, from a smaller file', async () => {
  const minified = readFileSync(join(work, 'minified', 'demo.js'), 'utf8');
  const asWritten = readFileSync(join(work, 'as-written', 'demo.js'), 'utf8');
  assert.ok(minified.length < asWritten.length - 200, `${minified.length} bytes minified, ${asWritten.length} as written`);
  assert.doesNotMatch(minified, /\n\s+</, 'markup keeps no line breaks and indentation');
  assert.doesNotMatch(minified, /must not ship/, 'style comments are gone');
  assert.match(minified, /alt=""/, 'an empty alt stays: it marks the image decorative');
  assert.match(minified, /lang=""/, 'an empty lang stays: it means "unknown language"');

  const before = await rendered('/as-written');
  const after = await rendered('/minified');
  assert.match(before.text, /Thank you, Wang\. Your number is A-12 — keep it\. Saved/);
  assert.equal(after.text, before.text);
  assert.ok(after.pixels.equals(before.pixels), 'the minified widget looks the same, pixel for pixel');
});

test('a localized template with markup fails the build: minifying it would lose its translation', async () => {
  const src = join(work, 'packages', 'localized', 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'define.ts'), `import { html } from 'lit';\nimport { msg } from '@lit/localize';\nexport const view = msg(html\`<b>Hello</b>\`);\n`);
  await assert.rejects(
    build({ ...standaloneConfig({ entry: join(src, 'define.ts'), fileName: 'localized', outDir: join(work, 'localized') }), logLevel: 'silent' }),
    /would lose its translation/,
  );
});
