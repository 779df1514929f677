// A package's declared sibling files: its single file keeps them out and loads
// them from beside itself when needed (as the service locator's map will be).
//
//   node --test e2e/standalone-siblings.e2e.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { standaloneConfig } from '../scripts/standalone.vite.config.mjs';
import { folderRoute, pageRoute, startServer } from '../scripts/cdn/serve.mjs';

let work;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'civic-siblings-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

test('a declared sibling is a file of its own next to the single file, loaded only when imported', async () => {
  // A stand-in package: src/ with an entry that imports a rarely used part and a catalog.
  const src = join(work, 'packages', 'demo', 'src');
  mkdirSync(join(src, 'generated', 'locales'), { recursive: true });
  writeFileSync(join(src, 'map-view.ts'), `export const map = 'map ' + 'view';\n`);
  writeFileSync(join(src, 'generated', 'locales', 'zh-Hans.ts'), `export const templates = { s0123456789abcdef: '地图' };\n`);
  writeFileSync(
    join(src, 'define.ts'),
    `document.body.dataset.entry = 'loaded';
const catalog = () => import('./generated/locales/zh-Hans.js');
document.querySelector('button')!.addEventListener('click', async () => {
  document.body.dataset.map = (await import('./map-view.js')).map;
  document.body.dataset.catalog = Object.values((await catalog()).templates).join('');
});
`,
  );
  const outDir = join(work, 'out');
  const siblings = new Map([[join(src, 'map-view.ts'), 'civic-demo-map']]);
  await build(standaloneConfig({ entry: join(src, 'define.ts'), fileName: 'civic-demo', siblings, outDir }));
  await build(standaloneConfig({ entry: join(src, 'map-view.ts'), fileName: 'civic-demo-map', outDir }));
  assert.deepEqual(readdirSync(outDir).filter((file) => file.endsWith('.js')).sort(), ['civic-demo-map.js', 'civic-demo.js']);
  const single = readFileSync(join(outDir, 'civic-demo.js'), 'utf8');
  assert.match(single, /import\(`\.\/civic-demo-map\.js`\)|import\("\.\/civic-demo-map\.js"\)/);
  assert.match(single, /地图/, 'the catalog must stay inside the single file');

  const site = await startServer([
    pageRoute({ '/': '<!doctype html><button>map</button><script type="module" src="/js/civic-demo.js"></script>' }, "script-src 'self'"),
    folderRoute(outDir, '/js/'),
  ]);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const tab = await browser.newPage();
    const fetched = [];
    tab.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await tab.goto(`${site.origin}/`);
    await tab.waitForFunction(() => document.body.dataset.entry === 'loaded');
    assert.ok(!fetched.includes('/js/civic-demo-map.js'), 'the sibling was fetched before it was needed');
    await tab.click('button');
    await tab.waitForFunction(() => document.body.dataset.map);
    assert.deepEqual(await tab.evaluate(() => ({ ...document.body.dataset })), { entry: 'loaded', map: 'map view', catalog: '地图' });
    assert.ok(fetched.includes('/js/civic-demo-map.js'));
  } finally {
    await browser.close();
    await site.close();
  }
});
