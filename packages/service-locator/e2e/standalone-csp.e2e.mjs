// End-to-end: the built drop-in file dist/standalone/civic-service-locator.js on
// a district page with a strict Content Security Policy (no inline script or
// style, Trusted Types enforced with only Lit's policy allowed), driven in
// Debian's Chromium with a granted position. Run `npm run build` first; `npm test` does.
//
//   node --test packages/service-locator/e2e/*.e2e.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { startLocatorTestServer } from '../test/server/locator-test-server.mjs';

const standaloneDir = fileURLToPath(new URL('../../../dist/standalone/', import.meta.url));
/**
 * The single file and its sibling files (its Chinese catalogs, its map), as a
 * district copies the folder; under /blocked/ the map file is missing, as
 * when a firewall or a half-copied folder keeps it from the citizen.
 */
const bundleFile = /^\/(blocked\/)?(civic-service-locator(?:-[\w-]+)?\.js)$/;

let data;
let site;
let browser;

function page(attributes = '') {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>徐汇区 · 办事服务</title></head>
<body>
<h1>办事服务</h1>
<script type="module" src="civic-service-locator.js"></script>
<civic-service-locator src="${data.origin}/fixtures/points.geojson" holidays-src="${data.origin}/fixtures/holidays-2026.json" ${attributes}></civic-service-locator>
<a href="#top">回到顶部</a>
</body>
</html>`;
}

/** Pages by path: the list alone, the map with the district's tiles, the map with its file missing. */
const pages = {
  '/': () => page(),
  '/map': () => page(`map tile-url="${data.origin}/ns/e2e-tiles/tiles/{z}/{x}/{y}.png" tile-attribution="© 徐汇区"`),
  '/blocked/': () => page('map'),
};

// Images only from the page and the tile server: not data:, so Leaflet's empty-tile GIF would be refused and reported.
const policy = () =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' ${data.origin}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html civic-widgets',
    `connect-src 'self' ${data.origin}`,
  ].join('; ');

before(async () => {
  data = await startLocatorTestServer();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.test');
    const headers = { 'Content-Security-Policy': policy(), 'Cache-Control': 'no-store' };
    if (pages[url.pathname]) return void res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(pages[url.pathname]());
    const [, blocked, file] = bundleFile.exec(url.pathname) ?? [];
    if (file && existsSync(`${standaloneDir}${file}`) && !(blocked && file === 'civic-service-locator-map.js')) {
      return void res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(readFileSync(`${standaloneDir}${file}`));
    }
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404, headers).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await data?.close();
});

test('lists, sorts by distance and filters under a strict CSP with Trusted Types, asking nothing of any third party and sending no position', async () => {
  const context = await browser.newContext({ geolocation: { latitude: 31.193, longitude: 121.437 }, permissions: ['geolocation'], locale: 'zh-CN' });
  const tab = await context.newPage();
  const problems = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  tab.on('pageerror', (error) => problems.push(error.message));
  const requests = [];
  tab.on('request', (request) => requests.push(request.url()));
  await tab.goto(`${site.origin}/`);
  const locator = tab.locator('civic-service-locator');
  await locator.locator('.points > li').first().waitFor();
  assert.equal(await locator.locator('.points > li').count(), 7);
  const before = requests.length;
  await locator.getByRole('button', { name: '使用我的位置' }).click();
  await locator.locator('.distance').first().waitFor();
  assert.equal(await locator.locator('.points > li .name').first().textContent(), '徐家汇街道社区事务受理服务中心');
  await locator.getByLabel('按名称、地址或服务搜索').fill('xjh');
  await locator.getByRole('checkbox', { name: '步行15分钟以内' }).check();
  assert.deepEqual(await locator.locator('.points > li .name').allTextContents(), ['徐家汇街道社区事务受理服务中心', '徐家汇街道长者食堂']);
  assert.deepEqual(requests.slice(before), [], 'no request after locating');
  const origins = new Set(requests.map((url) => new URL(url).origin));
  assert.deepEqual([...origins].sort(), [data.origin, site.origin].sort(), 'only the page and the data server were asked');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Console errors and warnings, page errors (a Trusted Types refusal throws), and every URL the page asked for. */
function watch(tab) {
  const problems = [];
  const requests = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('request', (request) => requests.push(request.url()));
  return { problems, requests };
}

test('the map under the same strict CSP: tiles from the district’s server only, no data: image, no inline style, no Trusted Types refusal; the keyboard goes through it', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const tab = await context.newPage();
  const { problems, requests } = watch(tab);
  await tab.goto(`${site.origin}/map`);
  const locator = tab.locator('civic-service-locator');
  await locator.locator('.civic-marker button').first().waitFor();
  await locator.locator('.leaflet-tile-loaded').first().waitFor();
  assert.ok(requests.some((url) => url.endsWith('/civic-service-locator-map.js')), 'the map file was loaded');
  assert.ok(requests.some((url) => url.startsWith(`${data.origin}/ns/e2e-tiles/tiles/`)), 'tiles came from the configured server');
  // Zooming in and out again drops tiles while they load: Leaflet would point them at a data: GIF.
  const zoomIn = locator.getByRole('button', { name: '放大' });
  const zoomOut = locator.getByRole('button', { name: '缩小' });
  for (const button of [zoomIn, zoomIn, zoomOut, zoomIn, zoomOut, zoomOut]) await button.click();
  await tab.waitForTimeout(600);
  // From the last marker, Tab leaves the map for the page's next link.
  await locator.locator('.civic-marker button').last().focus();
  await tab.keyboard.press('Tab');
  assert.equal(await tab.evaluate(() => document.activeElement?.textContent), '回到顶部');
  // Enter on a marker selects its result and puts the focus on its name.
  await locator.locator('.civic-marker button').nth(1).focus();
  await tab.keyboard.press('Enter');
  await locator.locator('.points > li.selected').waitFor();
  const name = await locator.locator('.points > li.selected .name').textContent();
  assert.equal(await locator.locator('.civic-marker button.selected').textContent(), name);
  assert.equal(await locator.evaluate((el) => el.shadowRoot.activeElement?.classList.contains('name')), true);
  const styled = await locator.evaluate((el) => [...el.shadowRoot.querySelectorAll('[style]')].filter((node) => !node.closest('.map-view, .map-footer')).length);
  assert.equal(styled, 0, 'only the map’s own positioning is set through the CSSOM');
  const origins = new Set(requests.map((url) => new URL(url).origin));
  assert.deepEqual([...origins].sort(), [data.origin, site.origin].sort(), 'only the page, the data and tile server were asked');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a map file that cannot be loaded: a plain message where the map would be, one console error, and the list works on', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const tab = await context.newPage();
  const { problems } = watch(tab);
  await tab.goto(`${site.origin}/blocked/`);
  const locator = tab.locator('civic-service-locator');
  await locator.locator('.map-failed').waitFor();
  assert.equal((await locator.locator('.map-failed').textContent()).trim(), '地图无法显示。上方列表中有全部服务点。');
  assert.equal(await locator.locator('.points > li').count(), 7);
  await locator.getByLabel('按名称、地址或服务搜索').fill('xjh');
  assert.equal(await locator.locator('.points > li').count(), 2);
  // The browser's own line for the 404, and the widget's one error.
  const widgetErrors = problems.filter((text) => text.includes('[civic-widgets]'));
  assert.equal(widgetErrors.length, 1);
  assert.match(widgetErrors[0], /the map file could not be loaded/);
  await context.close();
});
