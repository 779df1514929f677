// The survey summary as a browser caches it: after a rating, the widget's
// refetch with `cache: 'no-cache'` revalidates and gets the new count, while
// an ordinary fetch within the minute may use its cached copy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { testApp } from './helpers/test-app.mjs';

let server;
let origin;
let browser;
let page;
before(async () => {
  server = await testApp({ 'rate-limit': '1000' });
  origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
  page = await browser.newPage();
  await page.goto(`${origin}/health`);
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('a refetch with cache: no-cache after a rating shows the new count', async () => {
  const url = '/surveys/summary?service=browser-cache-check';
  const total = (cache) => page.evaluate(async ([address, mode]) => (await (await fetch(address, { cache: mode })).json()).total, [url, cache]);
  assert.equal(await total('default'), 0);
  const rated = await page.evaluate(async () => {
    const response = await fetch('/surveys/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scale: 'five-level', rating: 5, serviceId: 'browser-cache-check' }),
    });
    return response.status;
  });
  assert.equal(rated, 201);
  assert.equal(await total('default'), 0, 'an ordinary fetch within the minute may use the browser’s copy');
  assert.equal(await total('no-cache'), 1, 'revalidated: the new count');
});
