// End-to-end: the built drop-in file dist/standalone/civic-feedback.js on a plain
// district page with a strict Content Security Policy (no inline script or
// style, Trusted Types enforced), driven in Debian's Chromium. Run `npm run
// build` first; `npm test` does.
//
//   node --test packages/*/e2e/*.e2e.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { startOpen311TestServer } from '../test/server/open311-test-server.mjs';

const standaloneDir = fileURLToPath(new URL('../../../dist/standalone/', import.meta.url));
const bundlePath = `${standaloneDir}civic-feedback.js`;
/** The single file and its sibling files (its Chinese catalogs), as a district copies the folder. */
const bundleFile = /^\/(civic-feedback(?:-[\w-]+)?\.js)$/;

let open311;
let site;
let browser;

/** The district's page: no inline script or style anywhere, the widget loaded twice (a second copy with ?v=2). */
function page(endpoint) {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>徐汇区 · 市民诉求</title></head>
<body>
<h1>市民诉求</h1>
<script type="module" src="/civic-feedback.js"></script>
<script type="module" src="/civic-feedback.js?v=2"></script>
<civic-feedback endpoint="${endpoint}" min-fill-time="0"></civic-feedback>
</body>
</html>`;
}

function contentSecurityPolicy() {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "require-trusted-types-for 'script'",
    `connect-src 'self' ${open311.origin}`,
  ].join('; ');
}

/** A tiny static server for the district site: `/?endpoint=…` is the page, `/civic-feedback.js` the bundle, with its siblings. */
async function startSite() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.test');
    const headers = { 'Content-Security-Policy': contentSecurityPolicy(), 'Cache-Control': 'no-store' };
    if (url.pathname === '/') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(page(url.searchParams.get('endpoint') ?? ''));
    }
    const file = bundleFile.exec(url.pathname)?.[1];
    if (file && existsSync(`${standaloneDir}${file}`)) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      return void res.end(readFileSync(`${standaloneDir}${file}`));
    }
    // Browsers ask for it on their own; without this the page logs a 404.
    if (url.pathname === '/favicon.ico') return void res.writeHead(204, headers).end();
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function control(endpoint, action) {
  const response = await fetch(`${endpoint.replace(/\/v2$/, '')}/__control/${action}`);
  assert.equal(response.status, 200);
  return response.json();
}

/** Opens the page and records everything that went wrong in it. */
async function openPage(endpoint, siteOrigin = site.origin) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const tab = await context.newPage();
  const problems = { console: [], pageErrors: [], requestsFailed: [] };
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.console.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  tab.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  tab.on('requestfailed', (request) => problems.requestsFailed.push(`${request.url()} ${request.failure()?.errorText}`));
  // Injected by the driver (CDP), not by the page, so the page's CSP does not apply to it.
  await tab.addInitScript(() => {
    window.__cspViolations = [];
    window.__recorderInstalled = true;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`),
      true,
    );
  });
  await tab.goto(`${siteOrigin}/?endpoint=${encodeURIComponent(endpoint)}`);
  return { context, tab, problems, violations: () => tab.evaluate(() => window.__cspViolations) };
}

before(async () => {
  assert.ok(existsSync(bundlePath), `${bundlePath} is missing: run npm run build first.`);
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  open311 = await startOpen311TestServer();
  site = await startSite();
  // www.district.test reaches the same site under a name that is not localhost,
  // so a page there is an ordinary plain-http page: not a secure context.
  browser = await chromium.launch({ executablePath, args: [...chromiumArgs, '--host-resolver-rules=MAP www.district.test 127.0.0.1'] });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await open311?.close();
});

test('the standalone bundle sends a report under a strict CSP, in Chinese, loaded twice without errors', { timeout: 60_000 }, async () => {
  const endpoint = `${open311.origin}/ns/e2e-${crypto.randomUUID()}/v2`;
  const { context, tab, problems, violations } = await openPage(endpoint);
  try {
    assert.equal(await tab.evaluate(() => window.__recorderInstalled), true, 'the CSP violation recorder did not run');
    const widget = tab.locator('civic-feedback');

    // The page is zh-CN: the form speaks Simplified Chinese.
    await widget.getByRole('heading', { name: '反映问题或提出意见' }).waitFor();
    const category = widget.locator('#category');
    await category.waitFor();
    await category.selectOption('pothole');
    await widget.locator('#description').fill('漕溪北路公交站旁的路面塌陷，很危险。');
    await widget.locator('#address').fill('徐汇区漕溪北路 1200 号');
    await widget.locator('#consent').check();
    const send = widget.getByRole('button', { name: '提交', exact: true });
    await send.click();

    const tracking = widget.locator('.tracking-number');
    await tracking.waitFor({ timeout: 10_000 });
    assert.equal((await tracking.textContent()).trim(), 'SR-1');
    assert.match(await widget.locator('#outcome-heading').textContent(), /[\u4e00-\u9fff]/, 'the receipt is not in Chinese');

    const server = await control(endpoint, 'received');
    assert.equal(server.created, 1);
    assert.equal(server.received.length, 1);
    const [post] = server.received;
    assert.match(post.headers['idempotency-key'], /^[0-9a-f-]{36}$/);
    assert.match(post.headers['content-type'], /^application\/x-www-form-urlencoded/);
    assert.deepEqual(post.fields, {
      service_code: ['pothole'],
      description: ['漕溪北路公交站旁的路面塌陷，很危险。'],
      address_string: ['徐汇区漕溪北路 1200 号'],
    });
    assert.deepEqual(post.media, []);

    // Two copies were loaded, one element is registered, and the page still works.
    assert.equal(await tab.evaluate(() => typeof customElements.get('civic-feedback')), 'function');
    assert.equal(
      await tab.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/civic-feedback.js')).length),
      2,
      'the page did not load the bundle twice',
    );

    assert.deepEqual(await violations(), [], 'CSP violations');
    assert.deepEqual(problems.pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(problems.console, [], 'console errors or warnings');
    assert.deepEqual(problems.requestsFailed, [], 'failed requests');

    // The recorder itself works: something the policy forbids is reported.
    await tab.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'h1 { color: red }';
      document.head.append(style);
    });
    await tab.waitForFunction(() => window.__cspViolations.length > 0);
    assert.match((await violations())[0], /^style-src-elem blocked inline/);
  } finally {
    await context.close();
  }
});

test('the standalone bundle also sends from a plain-http page (not a secure context)', { timeout: 60_000 }, async () => {
  // Many district sites are still served over http. There, crypto.randomUUID and
  // navigator.locks do not exist; the citizen's report must still go out.
  const endpoint = `${open311.origin}/ns/e2e-${crypto.randomUUID()}/v2`;
  const port = new URL(site.origin).port;
  const { context, tab, problems, violations } = await openPage(endpoint, `http://www.district.test:${port}`);
  try {
    assert.equal(await tab.evaluate(() => isSecureContext), false);
    const widget = tab.locator('civic-feedback');
    await widget.locator('#category').selectOption('pothole');
    await widget.locator('#description').fill('路灯不亮了。');
    await widget.getByRole('button', { name: '提交', exact: true }).click();
    await widget.locator('.outcome').waitFor({ timeout: 5000 }).catch(() => {});

    assert.deepEqual(problems.pageErrors, [], 'uncaught errors in the page');
    assert.equal((await widget.locator('.tracking-number').textContent({ timeout: 1000 })).trim(), 'SR-1');
    const server = await control(endpoint, 'received');
    assert.equal(server.created, 1);
    assert.match(server.received[0].headers['idempotency-key'], /^[0-9a-f-]{36}$/);
    assert.deepEqual(await violations(), [], 'CSP violations');
    assert.deepEqual(problems.console, [], 'console errors or warnings');
  } finally {
    await context.close();
  }
});
