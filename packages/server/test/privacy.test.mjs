// What the public views of reports contain (PIPL: publish the minimum): service,
// status, notes, agency, dates and a rounded position; what the citizen wrote,
// the address and photos only once staff publish them. And reports the widget
// sent as suspected spam: kept, never listed, restored by staff.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { staffHeaders, testApp } from './helpers/test-app.mjs';

const base = '/open311/v2';
const report = {
  service_code: 'lift-breakdown',
  'attribute[fault_type]': 'trapped',
  'attribute[building]': '6',
  description: '我母亲独居，电话 13812345678，门牌 6 号 302 室，电梯停了三天',
  address_string: '幸福路 88 弄 6 号 302 室',
  address_id: 'bldg-6-302',
  lat: '31.2304161',
  long: '121.4737012',
  first_name: '李',
  phone: '13812345678',
};
const secrets = ['13812345678', '302', '幸福路', 'bldg-6', '母亲', '31.2304161'];

async function post(app, fields, photo) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (photo) form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  const answer = await app.inject({
    method: 'POST',
    url: `${base}/requests.json`,
    headers: { 'content-type': encoded.headers.get('content-type') },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  assert.equal(answer.statusCode, 200, answer.body);
  return answer.json()[0].service_request_id;
}

const patch = (app, id, payload) => app.inject({ method: 'PATCH', url: `${base}/requests/${id}.json`, headers: staffHeaders, payload });
const publicOne = async (app, id) => (await app.inject({ url: `${base}/requests/${id}.json` })).json()[0];
const publicList = async (app, query = '') => (await app.inject({ url: `${base}/requests.json${query}` })).json();
const queue = async (app, query = '') => {
  const answer = await app.inject({ url: `/staff/api/requests${query}`, headers: staffHeaders });
  assert.equal(answer.statusCode, 200, answer.body);
  return answer.json();
};

describe('public views of a report', () => {
  let server;
  let photo;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000' });
    photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#446688' } }).jpeg().toBuffer();
  });
  after(() => server.close());

  test('show no description, address or photo of the citizen’s, by number or in lists; staff see all', async () => {
    const id = await post(server.app, report, photo);
    const texts = [
      (await server.app.inject({ url: `${base}/requests/${id}.json` })).body,
      (await server.app.inject({ url: `${base}/requests.json?service_request_id=${id}` })).body,
      (await server.app.inject({ url: `${base}/requests.json` })).body,
    ];
    for (const text of texts) for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} is public`);
    const shown = await publicOne(server.app, id);
    assert.deepEqual(
      { description: shown.description, address: shown.address, address_id: shown.address_id, media_url: shown.media_url },
      { description: null, address: null, address_id: null, media_url: null },
    );
    assert.deepEqual([shown.lat, shown.long], [31.23, 121.474], 'a rounded position, about 100 m');
    assert.equal(shown.service_name, '电梯故障');
    assert.equal(shown.status, 'open');

    const [staff] = (await queue(server.app, `?q=${id}`)).requests;
    assert.equal(staff.description, report.description);
    assert.equal(staff.address, report.address_string);
    assert.equal(staff.lat, 31.2304161);
    assert.equal(staff.media_url.length, 1);
    assert.deepEqual(staff.published, { description: null, media: false });
  });

  test('counting through tracking numbers reveals only categories, statuses and coarse areas', async () => {
    for (let index = 0; index < 3; index++) await post(server.app, report);
    const [{ service_request_id: newest }] = await publicList(server.app);
    const last = Number(newest.split('-')[1]);
    for (let number = 1; number <= last; number++) {
      const id = `${newest.split('-')[0]}-${String(number).padStart(6, '0')}`;
      const text = (await server.app.inject({ url: `${base}/requests/${id}.json` })).body;
      for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} in ${id}`);
    }
  });

  test('staff publish a redacted text and the photos; the citizen’s own words stay with staff', async () => {
    const id = await post(server.app, report, photo);
    const redacted = '居民反映 6 号楼电梯停运三天。';
    const answer = await patch(server.app, id, { public_description: redacted, media_public: true });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.deepEqual(answer.json()[0].published, { description: redacted, media: true });
    const shown = await publicOne(server.app, id);
    assert.equal(shown.description, redacted);
    assert.match(new URL(shown.media_url).pathname, /^\/media\/.+\.jpg$/);
    assert.equal(shown.address, null);
    const [listed] = await publicList(server.app, `?service_request_id=${id}`);
    assert.equal(listed.description, redacted);

    // And withdrawn again.
    assert.equal((await patch(server.app, id, { public_description: null, media_public: false })).statusCode, 200);
    const withdrawn = await publicOne(server.app, id);
    assert.deepEqual([withdrawn.description, withdrawn.media_url], [null, null]);
  });

  test('only staff can publish', async () => {
    const id = await post(server.app, report);
    const answer = await server.app.inject({ method: 'PATCH', url: `${base}/requests/${id}.json`, payload: { public_description: 'x' } });
    assert.equal(answer.statusCode, 401);
    assert.equal((await publicOne(server.app, id)).description, null);
  });
});

describe('reports sent as suspected spam (civic_review)', () => {
  let server;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000' });
  });
  after(() => server.close());

  test('are stored and followed by their own number, but never listed nor in the default staff queue', async () => {
    const id = await post(server.app, { ...report, civic_review: 'suspected-spam' });
    const ordinary = await post(server.app, report);
    const shown = await publicOne(server.app, id);
    assert.equal(shown.service_request_id, id, 'the citizen can still check its progress');
    assert.equal(shown.status, 'open');
    assert.ok(!(await publicList(server.app)).some((item) => item.service_request_id === id));
    assert.deepEqual(await publicList(server.app, `?service_request_id=${id}`), [], 'not even when asked for by number in a list');
    assert.ok((await publicList(server.app)).some((item) => item.service_request_id === ordinary));

    const open = await queue(server.app);
    assert.ok(!open.requests.some((item) => item.service_request_id === id));
    assert.equal(open.totals.suspected_spam, 1);
    const held = await queue(server.app, '?review=suspected-spam&status=all');
    assert.deepEqual(held.requests.map((item) => item.service_request_id), [id]);
    assert.equal(held.requests[0].review, 'suspected-spam');
    assert.equal(held.requests[0].description, report.description, 'kept whole for staff to judge');
  });

  test('staff restore one, and it joins the queue and the public list', async () => {
    const id = await post(server.app, { ...report, civic_review: 'suspected-spam' });
    const restored = await patch(server.app, id, { review: null });
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal(restored.json()[0].review, null);
    assert.ok((await queue(server.app)).requests.some((item) => item.service_request_id === id));
    assert.ok((await publicList(server.app)).some((item) => item.service_request_id === id));
    assert.ok(!(await queue(server.app, '?review=suspected-spam&status=all')).requests.some((item) => item.service_request_id === id));
  });
});
