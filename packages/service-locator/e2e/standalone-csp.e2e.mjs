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
/** The single file and its sibling files (its Chinese catalogs), as a district copies the folder. */
const bundleFile = /^\/(civic-service-locator(?:-[\w-]+)?\.js)$/;

let data;
let site;
let browser;

function page() {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>徐汇区 · 办事服务</title></head>
<body>
<h1>办事服务</h1>
<script type="module" src="/civic-service-locator.js"></script>
<civic-service-locator src="${data.origin}/fixtures/points.geojson" holidays-src="${data.origin}/fixtures/holidays-2026.json"></civic-service-locator>
</body>
</html>`;
}

const policy = () =>
  ["default-src 'self'", "script-src 'self'", "style-src 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html civic-widgets', `connect-src 'self' ${data.origin}`].join('; ');

before(async () => {
  data = await startLocatorTestServer();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.test');
    const headers = { 'Content-Security-Policy': policy(), 'Cache-Control': 'no-store' };
    if (url.pathname === '/') return void res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(page());
    const file = bundleFile.exec(url.pathname)?.[1];
    if (file && existsSync(`${standaloneDir}${file}`)) {
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
