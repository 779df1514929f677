// The staff page (/staff.html) in Chromium against the real server: pages and
// totals over a backlog, the suspected spam view and restoring from it, what the
// public sees, call-backs, and a citizen-supplied media_url never loaded.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { staffToken, testApp } from './helpers/test-app.mjs';

const siteDir = fileURLToPath(new URL('../site/', import.meta.url));
let server;
let origin;
let browser;
let page;
let tracker;
const trackerHits = [];

async function postReport(fields, photo) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (photo) form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${origin}/open311/v2/requests.json`, { method: 'POST', body: form });
  assert.equal(response.status, 200);
  return (await response.json())[0].service_request_id;
}

before(async () => {
  tracker = createServer((request, response) => {
    trackerHits.push(request.url);
    response.end();
  });
  await new Promise((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  server = await testApp({ 'rate-limit': '1000', 'read-rate-limit': '1000', 'site-dir': siteDir });
  origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await server.close();
  tracker.close();
});

/** Opens the staff page, signing in unless this tab's session still holds the token. */
async function signIn() {
  await page.goto(`${origin}/staff.html`);
  await page.waitForSelector('#staff-reports:not([hidden]) table, #staff-sign-in-panel:not([hidden])');
  if (await page.isVisible('#staff-sign-in-panel')) {
    await page.fill('#staff-token', staffToken);
    await page.click('#staff-sign-in button[type="submit"]');
  }
  await page.waitForSelector('#staff-reports:not([hidden]) table');
}

test('a photo link the citizen’s client sent is shown as text, never loaded; stored photos are shown', async () => {
  const pixel = `http://127.0.0.1:${tracker.address().port}/pixel.gif?who=staff`;
  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#446688' } }).jpeg().toBuffer();
  const id = await postReport({ service_code: 'street-light', description: '路灯不亮', media_url: pixel }, photo);
  await signIn();
  const row = page.locator(`tr[data-request-id="${id}"]`);
  await row.locator('details.report-details > summary').click();
  const link = row.getByRole('link', { name: pixel });
  assert.equal(await link.getAttribute('href'), pixel);
  assert.equal(await row.locator(`img[src="${pixel}"]`).count(), 0);
  const stored = row.locator('img[src*="/media/"]');
  assert.equal(await stored.count(), 1);
  await stored.evaluate((image) => image.decode());
  assert.deepEqual(trackerHits, [], 'the tracker was never asked for anything');
});

test('a backlog over a page: totals, the oldest open first, and the next page', async () => {
  const ids = [];
  for (let index = 0; index < 55; index++) ids.push(await postReport({ service_code: 'street-light', description: `噪音 ${index}` }));
  await signIn();
  const totals = await page.textContent('#staff-totals');
  assert.match(totals, /待处理 56 条/);
  assert.match(await page.textContent('#staff-list caption'), /共 56 条，第 1–50 条，最早的在前/);
  await page.click('#staff-next');
  await page.waitForFunction(() => document.querySelector('#staff-list caption')?.textContent.includes('第 51–56 条'));
  const shown = await page.locator('#staff-list tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.requestId));
  assert.deepEqual(shown, ids.slice(-6));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'reports-heading');

  await page.selectOption('#staff-category', 'street-light');
  await page.fill('#staff-search', '噪音 54');
  await page.click('#staff-filters button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('#staff-list caption')?.textContent.includes('共 1 条'));
  assert.equal(await page.locator('#staff-list tbody tr').getAttribute('data-request-id'), ids.at(-1));
});

test('suspected spam waits in its own view; staff restore a report and publish a redacted text', async () => {
  const id = await postReport({ service_code: 'street-light', description: '王女士 13800000000 家门口路灯坏了', civic_review: 'suspected-spam' });
  await signIn();
  assert.equal(await page.locator(`tr[data-request-id="${id}"]`).count(), 0, 'not in the default queue');
  assert.match(await page.textContent('#staff-totals'), /疑似垃圾信息 1 条/);
  await page.selectOption('#staff-filter', 'suspected-spam');
  const row = page.locator(`tr[data-request-id="${id}"]`);
  await row.waitFor();
  await row.locator('details.staff-edit-details > summary').click();
  await row.getByLabel('疑似垃圾信息').uncheck();
  await row.getByLabel('公开的说明').fill('居民反映路灯损坏。');
  await row.getByRole('button', { name: /保存/ }).click();
  await page.waitForFunction((reportId) => !document.querySelector(`tr[data-request-id="${reportId}"]`), id);
  assert.match(await page.textContent('#staff-status'), /已更新/);

  const shown = await (await fetch(`${origin}/open311/v2/requests/${id}.json`)).json();
  assert.equal(shown[0].description, '居民反映路灯损坏。');
  const listed = await (await fetch(`${origin}/open311/v2/requests.json?service_request_id=${id}`)).json();
  assert.equal(listed.length, 1, 'restored: listed again');
});

test('call-backs are listed for staff, and handling one removes it', async () => {
  const rated = await fetch(`${origin}/surveys/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scale: 'five-level', rating: 1, serviceId: 'permit-office', reasons: ['attitude'], callback: { name: '赵先生', phone: '13700002222' } }),
  });
  assert.equal(rated.status, 201);
  await signIn();
  const row = page.locator('#staff-callback-list tr', { hasText: '赵先生' });
  await row.waitFor();
  assert.match(await row.textContent(), /服务态度/);
  await row.getByRole('button', { name: /已回访/ }).click();
  await page.waitForFunction(() => !document.querySelector('#staff-callback-list')?.textContent.includes('赵先生'));
  assert.match(await page.textContent('#staff-status'), /姓名和电话已删除/);
  assert.match(await page.textContent('#staff-callback-list'), /没有待回访的请求/);
});

test('after ten wrong tokens from one address, the sign-in form says to wait', async () => {
  for (let index = 0; index < 10; index++) {
    const answer = await fetch(`${origin}/staff/api/requests`, { headers: { authorization: `Bearer wrong-token-${index}-0123456789` } });
    assert.equal(answer.status, 401);
  }
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${origin}/staff.html`);
  await page.fill('#staff-token', staffToken);
  await page.click('#staff-sign-in button[type="submit"]');
  await page.locator('#staff-sign-in-error', { hasText: '令牌错误次数过多' }).waitFor();
  assert.equal(await page.isVisible('#staff-reports'), false);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'staff-token');
});
