// Keeping personal data no longer than promised: closed reports anonymized after
// the retention period (default three years), call-back details erased when
// handled or after 90 days, and idempotency answers kept 45 days (the widget
// retries for 30 by a clock that may drift). The job runs at start and daily;
// these tests age the data in the database and restart the server.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, mock, test } from 'node:test';
import { databaseArgs, rawDatabase } from './helpers/test-database.mjs';
import sharp from 'sharp';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { staffHeaders, staffToken } from './helpers/test-app.mjs';

const dayMs = 86_400_000;
const iso = (daysAgo) => new Date(Date.now() - daysAgo * dayMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('retention', () => {
  let dir;
  let config;
  let app;
  const restart = async () => {
    await app?.close();
    app = await buildApp(config);
  };
  const sql = async (text, ...params) => {
    const db = await rawDatabase(config);
    try {
      return await db.run(text, ...params);
    } finally {
      await db.close();
    }
  };
  const staffView = async (id) => (await app.inject({ url: `/staff/api/requests?status=all&q=${id}`, headers: staffHeaders })).json().requests[0];

  async function report() {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      service_code: 'street-light',
      description: '我家门口 3 号路灯不亮',
      address_string: '幸福路 88 弄 3 号',
      lat: '31.2304161',
      long: '121.4737012',
      first_name: '王',
      phone: '13900001111',
    })) {
      form.append(name, value);
    }
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#446688' } }).jpeg().toBuffer();
    form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const answer = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': encoded.headers.get('content-type') },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    assert.equal(answer.statusCode, 200, answer.body);
    const id = answer.json()[0].service_request_id;
    const closed = await app.inject({ method: 'PATCH', url: `/open311/v2/requests/${id}.json`, headers: staffHeaders, payload: { status: 'closed', status_notes: '已修复，联系王女士 13900001111' } });
    assert.equal(closed.statusCode, 200);
    return id;
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civic-retention-'));
    config = loadConfig([...(await databaseArgs(dir)), '--media-dir', join(dir, 'media'), '--staff-token', staffToken, '--rate-limit', '1000'], {});
    app = await buildApp(config);
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a report closed over three years ago is anonymized at start, its photo deleted; one closed less long is kept whole', async () => {
    const old = await report();
    const recent = await report();
    const oldPhoto = new URL((await staffView(old)).media_url[0]).pathname.slice('/media/'.length);
    await sql('UPDATE service_requests SET closed_datetime = ? WHERE service_request_id = ?', iso(3 * 365 + 1), old);
    await sql('UPDATE service_requests SET closed_datetime = ? WHERE service_request_id = ?', iso(3 * 365 - 1), recent);
    await restart();

    const anonymized = await staffView(old);
    assert.equal(anonymized.description, null);
    assert.equal(anonymized.address, null);
    assert.equal(anonymized.status_notes, null);
    assert.deepEqual(anonymized.contact, { first_name: null, last_name: null, phone: null, email: null });
    assert.deepEqual(anonymized.media_url, []);
    assert.deepEqual([anonymized.lat, anonymized.long], [31.23, 121.474], 'only the rounded position stays');
    assert.match(anonymized.anonymized_datetime, /^\d{4}-/);
    assert.equal(existsSync(join(config.mediaDir, oldPhoto)), false, 'the photo file is gone');
    const shown = (await app.inject({ url: `/open311/v2/requests/${old}.json` })).json()[0];
    assert.equal(shown.status, 'closed', 'the tracking number still answers');
    assert.equal(shown.service_code, 'street-light');

    const kept = await staffView(recent);
    assert.equal(kept.description, '我家门口 3 号路灯不亮');
    assert.equal(kept.contact.phone, '13900001111');
    assert.equal(kept.media_url.length, 1);
  });

  test('a report held as suspected spam and never reviewed is anonymized the same time after it arrived', async () => {
    const form = new URLSearchParams({ service_code: 'street-light', description: '王女士 13900001111', civic_review: 'suspected-spam' });
    const answer = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    const id = answer.json()[0].service_request_id;
    await sql('UPDATE service_requests SET requested_datetime = ? WHERE service_request_id = ?', iso(3 * 365 + 1), id);
    await restart();
    const [held] = (await app.inject({ url: `/staff/api/requests?status=all&review=suspected-spam&q=${id}`, headers: staffHeaders })).json().requests;
    assert.equal(held.description, null);
    assert.match(held.anonymized_datetime, /^\d{4}-/);
  });

  test('--retention-days sets the period', async () => {
    const id = await report();
    await sql('UPDATE service_requests SET closed_datetime = ? WHERE service_request_id = ?', iso(31), id);
    config = { ...config, retentionDays: 30 };
    await restart();
    assert.equal((await staffView(id)).description, null);
    assert.equal(loadConfig(['--retention-days', '30'], {}).retentionDays, 30);
    assert.equal(loadConfig([], {}).retentionDays, 1095, 'three years by default');
  });

  test('staff read call-back requests, and handling one erases the name and phone', async () => {
    const rate = (callback) =>
      app.inject({ method: 'POST', url: '/surveys/responses', payload: { scale: 'five-level', rating: 1, serviceId: 'permit-office', reasons: ['attitude'], callback } });
    assert.equal((await rate({ name: '赵先生', phone: '13700002222' })).statusCode, 201);
    assert.equal((await app.inject({ url: '/staff/api/callbacks' })).statusCode, 401);
    const { callbacks } = (await app.inject({ url: '/staff/api/callbacks', headers: staffHeaders })).json();
    const mine = callbacks.find((callback) => callback.phone === '13700002222');
    assert.deepEqual(
      { name: mine.name, rating: mine.rating, serviceId: mine.serviceId, reasons: mine.reasons },
      { name: '赵先生', rating: 1, serviceId: 'permit-office', reasons: ['attitude'] },
    );
    const handled = await app.inject({ method: 'POST', url: `/staff/api/callbacks/${mine.id}/handled`, headers: staffHeaders });
    assert.equal(handled.statusCode, 204);
    assert.ok(!(await app.inject({ url: '/staff/api/callbacks', headers: staffHeaders })).json().callbacks.some((callback) => callback.id === mine.id));
    const db = await rawDatabase(config);
    const row = await db.get('SELECT callback_name, callback_phone, callback_handled_at FROM survey_responses WHERE id = ?', mine.id);
    await db.close();
    assert.equal(row.callback_name, null);
    assert.equal(row.callback_phone, null);
    assert.ok(row.callback_handled_at);
    assert.equal((await app.inject({ method: 'POST', url: `/staff/api/callbacks/${mine.id}/handled`, headers: staffHeaders })).statusCode, 404);
  });

  test('a call-back nobody handled is erased after 90 days', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/surveys/responses',
      payload: { scale: 'five-level', rating: 2, serviceId: 'permit-office', callback: { name: '钱女士', phone: '13600003333' } },
    });
    const { id } = answer.json();
    await sql('UPDATE survey_responses SET received_at = ? WHERE id = ?', new Date(Date.now() - 91 * dayMs).toISOString(), id);
    await restart();
    const { callbacks } = (await app.inject({ url: '/staff/api/callbacks', headers: staffHeaders })).json();
    assert.ok(!callbacks.some((callback) => callback.id === id));
    const db = await rawDatabase(config);
    assert.deepEqual(await db.get('SELECT callback_name, callback_phone, rating FROM survey_responses WHERE id = ?', id), {
      callback_name: null,
      callback_phone: null,
      rating: 2,
    });
    await db.close();
  });

  test('an idempotency answer is replayed for 45 days, then forgotten', async () => {
    const send = (key) =>
      app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key },
        payload: 'service_code=street-light',
      });
    const first = (await send('drifting-clock')).json()[0].service_request_id;
    const age = (days) => sql('UPDATE idempotency_keys SET created_at = ? WHERE key = ?', Date.now() - days * dayMs, 'drifting-clock');
    await age(44);
    await restart();
    assert.equal((await send('drifting-clock')).json()[0].service_request_id, first, 'a retry on day 44 gets the first answer');
    await age(46);
    await restart();
    assert.notEqual((await send('drifting-clock')).json()[0].service_request_id, first, 'after 45 days the key is free');
  });
});

describe('the daily run', () => {
  test('an orphaned photo left while the server runs is removed on the next day’s run, not only at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-daily-'));
    // Only setInterval is faked: the day passes at once, everything else keeps real time.
    mock.timers.enable({ apis: ['setInterval'] });
    const config = loadConfig([...(await databaseArgs(dir)), '--media-dir', join(dir, 'media'), '--staff-token', staffToken], {});
    const app = await buildApp(config);
    try {
      mkdirSync(config.mediaDir, { recursive: true });
      const orphan = join(config.mediaDir, `${randomUUID()}.jpg`);
      writeFileSync(orphan, 'x');
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
      utimesSync(orphan, tenMinutesAgo, tenMinutesAgo);
      mock.timers.tick(dayMs);
      const deadline = Date.now() + 10_000;
      while (existsSync(orphan)) {
        assert.ok(Date.now() < deadline, 'the daily run never removed the orphan');
        await delay(20);
      }
    } finally {
      mock.timers.reset();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
