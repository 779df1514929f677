// End-to-end on the demo district site, served by the real reference server
// (`civic-server start`, SQLite on a temporary folder) with the built
// standalone bundles, in Debian's Chromium. Run `npm run build` first; `npm test` does.
//
//   node --test packages/*/e2e/*.e2e.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { cliServer } from '../test/helpers/cli-server.mjs';

const bundle = fileURLToPath(new URL('../../../dist/cdn/civic-widgets.js', import.meta.url));
/** The widget drops sends faster than this after the form opened (a bot defence); a person takes longer anyway. */
const minFillTimeMs = 3000;

let server;
let browser;

before(async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run npm run build first.`);
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium was not found: apt-get install -y chromium, or set CHROME_PATH.');
  server = await cliServer();
  await server.start();
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  server?.remove();
});

/** A phone photo with the place it was taken in its EXIF data, which must not reach the server's disk. */
function photoWithPosition() {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#c8553d' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'CivicPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 11/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 26/1 3/1' } })
    .toBuffer();
}

/** A tab on the demo site that records what went wrong in it. */
async function openTab(path) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const tab = await context.newPage();
  const problems = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`uncaught: ${error}`));
  await tab.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.effectiveDirective} ${event.blockedURI}`), true);
  });
  await tab.goto(`${server.origin}${path}`);
  return { context, tab, problems };
}

async function staffRequests() {
  const response = await fetch(`${server.origin}/staff/api/requests`, { headers: { authorization: `Bearer ${server.staffToken}` } });
  assert.equal(response.status, 200);
  return (await response.json()).requests;
}

async function fillReport(widget, description) {
  await widget.locator('#category').selectOption('street-light');
  await widget.locator('#description').fill(description);
  await widget.locator('#address').fill('示范区漕溪北路 1200 号门口');
  await widget.locator('#consent').check();
}

test('a citizen reports with a photo, staff close it on /staff, the citizen sees the new status', { timeout: 90_000 }, async () => {
  const citizen = await openTab('/contact.html');
  const staff = await openTab('/staff');
  try {
    const widget = citizen.tab.locator('civic-feedback');
    const opened = Date.now();
    await fillReport(widget, '路灯不亮已经一周，晚上很黑。');
    await widget.locator('#photos').setInputFiles({ name: 'light.jpg', mimeType: 'image/jpeg', buffer: await photoWithPosition() });
    await widget.locator('.thumbnails canvas').waitFor();
    await citizen.tab.waitForTimeout(Math.max(0, minFillTimeMs - (Date.now() - opened)));
    await widget.getByRole('button', { name: '提交', exact: true }).click();

    const tracking = widget.locator('.tracking-number');
    await tracking.waitFor({ timeout: 15_000 });
    const id = (await tracking.textContent()).trim();
    assert.match(id, /^\d{4}-\d{6}$/);

    // On the server: one report, its photo stored without the place it was taken.
    const [stored] = await staffRequests();
    assert.equal(stored.service_request_id, id);
    assert.equal(stored.description, '路灯不亮已经一周，晚上很黑。');
    assert.equal(stored.media_url.length, 1);
    const photo = Buffer.from(await (await fetch(stored.media_url[0])).arrayBuffer());
    const metadata = await sharp(photo).metadata();
    assert.equal(metadata.format, 'jpeg');
    assert.equal(metadata.exif, undefined, 'the stored photo still carries EXIF data');
    assert.ok(Math.max(metadata.width, metadata.height) <= 1600, 'the widget did not downscale the photo');

    // Staff sign in on /staff and close the report.
    await staff.tab.locator('#staff-token').fill(server.staffToken);
    await staff.tab.locator('#staff-sign-in [type="submit"]').click();
    const row = staff.tab.locator(`[data-request-id="${id}"]`);
    await row.waitFor();
    await row.locator('.staff-edit-details > summary').click();
    const edit = row.locator('.staff-edit');
    await edit.locator('[name="status"]').selectOption('closed');
    await edit.locator('[name="status_notes"]').fill('路灯已更换灯泡，恢复照明。');
    await edit.locator('[type="submit"]').click();
    await staff.tab.locator('#staff-status').filter({ hasText: id }).waitFor();

    // The citizen checks progress from the receipt.
    await widget.getByRole('button', { name: '查询进度', exact: true }).click();
    await widget.locator('#status-heading').filter({ hasText: '状态：已办结' }).waitFor({ timeout: 10_000 });
    assert.match(await widget.locator('.request-status').textContent(), /路灯已更换灯泡，恢复照明。/);

    assert.deepEqual(citizen.problems, [], 'errors on the citizen page');
    assert.deepEqual(staff.problems, [], 'errors on the staff page');
  } finally {
    await citizen.context.close();
    await staff.context.close();
  }
});

test('the server is down while a citizen sends: the report waits on the device and arrives exactly once', { timeout: 90_000 }, async () => {
  const description = `服务器停机时提交的诉求 ${crypto.randomUUID().slice(0, 8)}`;
  const citizen = await openTab('/contact.html');
  try {
    const widget = citizen.tab.locator('civic-feedback');
    const opened = Date.now();
    await fillReport(widget, description);
    await citizen.tab.waitForTimeout(Math.max(0, minFillTimeMs - (Date.now() - opened)));

    assert.deepEqual(await server.stop('SIGTERM'), { code: 0, signal: null }, 'the server did not shut down cleanly');
    await widget.getByRole('button', { name: '提交', exact: true }).click();
    await widget.locator('#outcome-heading').filter({ hasText: '已暂存在本设备上' }).waitFor({ timeout: 30_000 });

    await server.start();
    // Any page with a civic widget sends what waits on the device.
    await citizen.tab.reload();
    const delivered = widget.locator('.delivered-later');
    await delivered.filter({ hasText: '暂存在本设备上的诉求现已提交' }).waitFor({ timeout: 30_000 });
    const id = (await delivered.locator('.tracking-number').textContent()).trim();

    await citizen.tab.reload();
    await widget.locator('#category').waitFor();
    const matching = (await staffRequests()).filter((request) => request.description === description);
    assert.deepEqual(
      matching.map((request) => request.service_request_id),
      [id],
    );
    // The console shows the failed POST while the server was down; nothing else may go wrong.
    assert.deepEqual(
      citizen.problems.filter((problem) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(problem)),
      [],
      'errors on the citizen page',
    );
  } finally {
    await citizen.context.close();
  }
});

test('a citizen rates the lift service 非常不满意 and asks for a call-back; the public results count it', { timeout: 60_000 }, async () => {
  const citizen = await openTab('/service.html');
  try {
    const survey = citizen.tab.locator('civic-satisfaction-survey.rating-survey');
    await survey.locator('label.option', { hasText: '非常不满意' }).click();
    await survey.locator('label.choice', { hasText: '办事效率' }).click();
    await survey.locator('#callback-wanted').check();
    await survey.locator('#callback-name').fill('王女士');
    await survey.locator('#callback-phone').fill('138 0000 0000');
    await survey.locator('#callback-consent').check();
    await survey.getByRole('button', { name: '提交评价', exact: true }).click();
    await survey.locator('#outcome-heading').filter({ hasText: '感谢您的评价' }).waitFor({ timeout: 10_000 });
    assert.match(await survey.locator('.outcome').textContent(), /区政府将就您的评价给您回电/);

    const summary = await (await fetch(`${server.origin}/surveys/summary?service=lift-breakdown`)).json();
    assert.equal(summary.total, 1);
    assert.equal(summary.counts['1'], 1);

    // Answered: on the next visit the survey stays away, and the page is still whole.
    await citizen.tab.reload();
    await citizen.tab.locator('civic-satisfaction-survey[mode="results"]').locator('.results').waitFor();
    assert.equal(await survey.locator('form').count(), 0);
    assert.deepEqual(citizen.problems, [], 'errors on the citizen page');
  } finally {
    await citizen.context.close();
  }
});

test('the home page shows the district notices and the cold-wave warning; a notice opens in place', { timeout: 60_000 }, async () => {
  const citizen = await openTab('/');
  try {
    const board = citizen.tab.locator('civic-notice-board');
    await board.locator('.alert').filter({ hasText: '寒潮蓝色预警' }).waitFor({ timeout: 10_000 });
    const first = board.locator('.notices > li').first();
    await first.waitFor();
    // Pinned notices come first, in Chinese on this Chinese page.
    assert.match(await first.textContent(), /置顶/);
    await first.locator('button.title').click();
    await first.locator('.content').waitFor();
    assert.equal(await first.locator('button.title').getAttribute('aria-expanded'), 'true');
    assert.equal(await first.locator('.content script, .content [onerror], .content [style]').count(), 0);
    assert.deepEqual(citizen.problems, [], 'errors on the home page');
  } finally {
    await citizen.context.close();
  }
});
