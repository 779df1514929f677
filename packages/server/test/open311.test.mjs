// Open311 GeoReport v2 as a client sees it: the services, reporting (urlencoded
// and multipart with photos), idempotent retries, keys, rate limits, CORS, the
// staff's changes and the answers' security headers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto, { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { staffHeaders, testApp } from './helpers/test-app.mjs';
import { rawDatabase } from './helpers/test-database.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = promisify(execFile);

const base = '/open311/v2';
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const english = { 'accept-language': 'en' };
const hasHan = (text) => /\p{Script=Han}/u.test(text);

/** The fields of `GET requests.json` entries, per the spec. */
const publicRequestFields = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
].sort();

const isoWithZone = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** A valid lift report: both required questions answered. */
const liftReport = { service_code: 'lift-breakdown', 'attribute[fault_type]': 'trapped', 'attribute[building]': '12' };

// ---------------------------------------------------------------- helpers

/** A urlencoded body from an object or [name, value] pairs (names may repeat). */
function formBody(fields) {
  return new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields)).toString();
}

function postReport(app, fields, headers = {}) {
  return app.inject({ method: 'POST', url: `${base}/requests.json`, headers: { ...urlencoded, ...headers }, payload: formBody(fields) });
}

/** The tracking number of an accepted report. */
function idOf(response) {
  assert.equal(response.statusCode, 200, response.body);
  return response.json()[0].service_request_id;
}

async function publicRequest(app, id) {
  const response = await app.inject({ url: `${base}/requests/${id}.json` });
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json();
  assert.equal(body.length, 1);
  return body[0];
}

async function publicRequests(app, query = '') {
  const response = await app.inject({ url: `${base}/requests.json${query}` });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

async function staffRequest(app, id) {
  const response = await app.inject({ url: `/staff/api/requests?status=all&q=${encodeURIComponent(id)}`, headers: staffHeaders });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().requests.find((request) => request.service_request_id === id);
}

/** Staff make a report's photos public (PATCH), as the public views show none before. */
async function publishPhotos(app, id) {
  const response = await app.inject({ method: 'PATCH', url: `${base}/requests/${id}.json`, headers: staffHeaders, payload: { media_public: true } });
  assert.equal(response.statusCode, 200, response.body);
}

/** Asserts an Open311 error answer, `[{code, description}]`, and returns the description. */
function assertOpen311Error(status, body, pattern) {
  assert.ok(Array.isArray(body) && body.length === 1, `expected [{code, description}], got ${JSON.stringify(body)}`);
  assert.equal(body[0].code, status);
  assert.equal(typeof body[0].description, 'string');
  if (pattern) assert.match(body[0].description, pattern);
  return body[0].description;
}

function assertRefused(response, status, pattern) {
  assert.equal(response.statusCode, status, response.body);
  return assertOpen311Error(status, response.json(), pattern);
}

function mediaFiles(config) {
  return existsSync(config.mediaDir) ? readdirSync(config.mediaDir) : [];
}

/** A JPEG as a phone takes it: EXIF with the camera and the GPS position. */
async function phonePhoto({ width = 2800, height = 1400 } = {}) {
  return sharp({ create: { width, height, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Camera 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 11/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
    })
    .toBuffer();
}

/** True when TIFF-style EXIF holds a GPS IFD (tag 0x8825, either byte order). */
function hasGpsPosition(exif) {
  return exif.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])) || exif.includes(Buffer.from([0x88, 0x25, 0x00, 0x04]));
}

/** A photo that takes the server a good while to re-encode: random pixels. */
async function noisePhoto(side) {
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } }).jpeg({ quality: 75 }).toBuffer();
}

/** Multipart POST through a listening server: entries are [name, value] or [name, Buffer, filename, type]. */
async function postMultipart(origin, entries, headers = {}) {
  const form = new FormData();
  for (const [name, value, filename = 'photo.jpg', type = 'image/jpeg'] of entries) {
    if (Buffer.isBuffer(value)) form.append(name, new Blob([value], { type }), filename);
    else form.append(name, value);
  }
  const response = await fetch(`${origin}${base}/requests.json`, { method: 'POST', body: form, headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** GET with the path sent byte for byte, as fetch() and inject() would normalize `..` away. */
function rawGet(origin, path) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, method: 'GET' }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

// ---------------------------------------------------------------- services

describe('GET services.json', () => {
  let server;
  before(async () => {
    server = await testApp();
  });
  after(() => server.close());

  test('lists every category with the fields of the spec', async () => {
    const response = await server.app.inject({ url: `${base}/services.json` });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'], /^application\/json; charset=utf-8/);
    const services = response.json();
    assert.ok(services.length >= 10);
    for (const service of services) {
      assert.deepEqual(Object.keys(service).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort());
      assert.match(service.service_code, /^[a-z0-9-]+$/);
      assert.ok(service.service_name.length > 0);
      assert.equal(typeof service.metadata, 'boolean');
      assert.ok(['realtime', 'batch', 'blackbox'].includes(service.type));
      assert.equal(typeof service.keywords, 'string');
    }
    assert.equal(new Set(services.map((service) => service.service_code)).size, services.length, 'service codes are unique');
  });

  test('groups are 咨询, 求助, 投诉, 建议 and 表扬, names in Chinese, by default', async () => {
    const response = await server.app.inject({ url: `${base}/services.json` });
    assert.equal(response.headers['content-language'], 'zh-Hans');
    const services = response.json();
    assert.deepEqual([...new Set(services.map((service) => service.group))], ['咨询', '求助', '投诉', '建议', '表扬']);
    const lift = services.find((service) => service.service_code === 'lift-breakdown');
    assert.equal(lift.group, '求助');
    assert.ok(hasHan(lift.service_name));
  });

  test('answers in English for Accept-Language: en', async () => {
    const response = await server.app.inject({ url: `${base}/services.json`, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    assert.equal(response.headers['content-language'], 'en');
    const services = response.json();
    assert.deepEqual([...new Set(services.map((service) => service.group))], ['Question', 'Help', 'Complaint', 'Suggestion', 'Praise']);
    for (const service of services) assert.ok(!hasHan(service.service_name), service.service_name);
  });

  test('answers in English for ?lang=en, even when the browser prefers Chinese', async () => {
    const response = await server.app.inject({ url: `${base}/services.json?lang=en`, headers: { 'accept-language': 'zh-CN' } });
    assert.equal(response.statusCode, 200);
    const services = response.json();
    assert.equal(services.find((service) => service.service_code === 'lift-breakdown').group, 'Help');
    for (const service of services) assert.ok(!hasHan(service.service_name), service.service_name);
  });

  test('metadata is true exactly for the categories that have questions', async () => {
    const services = (await server.app.inject({ url: `${base}/services.json` })).json();
    assert.ok(services.some((service) => service.metadata));
    assert.ok(services.some((service) => !service.metadata), 'the seed has categories without questions');
    for (const service of services) {
      const definition = await server.app.inject({ url: `${base}/services/${service.service_code}.json` });
      assert.equal(definition.statusCode, 200);
      assert.equal(service.metadata, definition.json().attributes.length > 0, service.service_code);
    }
  });

  test('says it varies by Accept-Language so caches keep the languages apart', async () => {
    for (const url of [`${base}/services.json`, `${base}/services/lift-breakdown.json`, `${base}/requests.json`]) {
      const response = await server.app.inject({ url });
      assert.match(String(response.headers.vary), /accept-language/i, url);
    }
  });
});

describe('GET services/{code}.json', () => {
  let server;
  before(async () => {
    server = await testApp();
  });
  after(() => server.close());

  test('lift-breakdown lists its questions in order, with datatype, required and choices', async () => {
    const response = await server.app.inject({ url: `${base}/services/lift-breakdown.json` });
    assert.equal(response.statusCode, 200);
    const definition = response.json();
    assert.equal(definition.service_code, 'lift-breakdown');
    const { attributes } = definition;
    assert.deepEqual(
      attributes.map(({ code, datatype, required }) => ({ code, datatype, required })),
      [
        { code: 'fault_type', datatype: 'singlevaluelist', required: true },
        { code: 'building', datatype: 'number', required: true },
        { code: 'lift_number', datatype: 'string', required: false },
        { code: 'noticed_at', datatype: 'datetime', required: false },
      ],
    );
    assert.deepEqual(
      attributes.map((attribute) => attribute.order),
      [...attributes.map((attribute) => attribute.order)].sort((a, b) => a - b),
    );
    for (const attribute of attributes) {
      assert.equal(attribute.variable, true);
      assert.ok(attribute.description.length > 0);
      assert.ok(Array.isArray(attribute.values));
      assert.ok('datatype_description' in attribute);
    }
    const [faultType] = attributes;
    assert.deepEqual(
      faultType.values.map((value) => value.key),
      ['trapped', 'stopped', 'doors', 'noise', 'other'],
    );
    assert.ok(faultType.values.every((value) => hasHan(value.name)));
    assert.deepEqual(attributes[1].values, []);
  });

  test('speaks English when asked', async () => {
    const definition = (await server.app.inject({ url: `${base}/services/lift-breakdown.json`, headers: english })).json();
    for (const attribute of definition.attributes) assert.ok(!hasHan(attribute.description), attribute.description);
    assert.ok(definition.attributes[0].values.every((value) => !hasHan(value.name)));
  });

  test('a code with a percent sign is looked up as it is, not decoded twice', async () => {
    // Fastify has decoded %25 to %; decoding again would throw.
    assertRefused(await server.app.inject({ url: `${base}/services/%25.json` }), 404, /“%”/);
    assertRefused(await server.app.inject({ url: `${base}/services/%25E0%25A4%25A.json`, headers: english }), 404, /"%E0%A4%A"/);
  });

  test('an unknown code is a 404 in the spec error format, in the client’s language', async () => {
    const chinese = await server.app.inject({ url: `${base}/services/no-such-thing.json` });
    assert.ok(hasHan(assertRefused(chinese, 404, /no-such-thing/)));
    const inEnglish = await server.app.inject({ url: `${base}/services/no-such-thing.json`, headers: english });
    assert.ok(!hasHan(assertRefused(inEnglish, 404, /no-such-thing/)));
  });
});

// ---------------------------------------------------------------- reporting

describe('POST requests.json, urlencoded', () => {
  let server;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000' });
  });
  after(() => server.close());

  const fullReport = {
    ...liftReport,
    'attribute[lift_number]': '31104401232019000123',
    description: '3 号楼 2 单元电梯困人，门打不开 & 灯灭了 <急>',
    address_string: '幸福路 88 弄 3 号楼',
    lat: '31.230416',
    long: '121.473701',
    first_name: '张',
    last_name: '三',
    phone: '+86 138-0013-8000',
    email: 'zhangsan@example.cn',
  };

  test('answers with the tracking number, a notice and account_id null', async () => {
    const response = await postReport(server.app, liftReport);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.headers['content-type'], /^application\/json/);
    const body = response.json();
    assert.equal(body.length, 1);
    assert.deepEqual(Object.keys(body[0]).sort(), ['account_id', 'service_notice', 'service_request_id']);
    assert.equal(typeof body[0].service_request_id, 'string');
    assert.ok(body[0].service_request_id.length > 0);
    assert.ok(hasHan(body[0].service_notice));
    assert.equal(body[0].account_id, null);
  });

  test('requests/{id}.json and requests.json?service_request_id= give back the report exactly', async () => {
    const before = Date.now();
    const answer = await postReport(server.app, fullReport);
    const id = idOf(answer);
    const one = await publicRequest(server.app, id);
    const listed = await publicRequests(server.app, `?service_request_id=${encodeURIComponent(id)}`);
    assert.deepEqual(listed, [one]);

    assert.deepEqual(Object.keys(one).sort(), publicRequestFields);
    assert.equal(one.service_request_id, id);
    assert.equal(one.service_code, 'lift-breakdown');
    assert.equal(one.service_name, '电梯故障');
    // What the citizen wrote, and where, are for staff until staff publish a text (privacy.test.mjs).
    assert.equal(one.description, null);
    assert.equal(one.address, null);
    // Rounded to three decimals (about 100 m) for the public; staff see the exact position.
    assert.equal(one.lat, 31.23);
    assert.equal(one.long, 121.474);
    assert.equal(one.status, 'open');
    assert.equal(one.status_notes, null);
    assert.equal(one.expected_datetime, null);
    assert.equal(one.media_url, null);
    assert.equal(one.agency_responsible, '区市场监督管理局');
    assert.equal(one.service_notice, answer.json()[0].service_notice);
    assert.match(one.requested_datetime, isoWithZone);
    assert.match(one.updated_datetime, isoWithZone);
    const requested = Date.parse(one.requested_datetime);
    assert.ok(requested >= before - 1000 && requested <= Date.now() + 1000, `requested_datetime ${one.requested_datetime} is now`);
  });

  test('the public views never show the citizen’s contact details', async () => {
    const id = idOf(await postReport(server.app, fullReport));
    const texts = [
      (await server.app.inject({ url: `${base}/requests/${id}.json` })).body,
      (await server.app.inject({ url: `${base}/requests.json?service_request_id=${id}` })).body,
      (await server.app.inject({ url: `${base}/requests.json` })).body,
    ];
    for (const text of texts) {
      for (const secret of [fullReport.phone, fullReport.email, '"张"', '"三"']) assert.ok(!text.includes(secret), `${secret} leaked`);
      for (const field of ['first_name', 'last_name', 'phone', 'email', 'contact', 'device_id', 'attributes']) {
        assert.ok(!text.includes(`"${field}"`), `${field} is in public output`);
      }
    }
  });

  test('attributes and contact details are stored for staff', async () => {
    const id = idOf(await postReport(server.app, fullReport));
    const stored = await staffRequest(server.app, id);
    assert.deepEqual(stored.attributes, { fault_type: 'trapped', building: '12', lift_number: '31104401232019000123' });
    assert.deepEqual(stored.contact, { first_name: '张', last_name: '三', phone: fullReport.phone, email: fullReport.email });
  });

  test('a multivaluelist is answered with attribute[code][] repeated', async () => {
    const id = idOf(
      await postReport(server.app, [
        ['service_code', 'water-supply'],
        ['attribute[problems][]', 'no_water'],
        ['attribute[problems][]', 'leak'],
      ]),
    );
    assert.deepEqual((await staffRequest(server.app, id)).attributes, { problems: ['no_water', 'leak'] });
  });

  const refusals = [
    {
      name: 'a required question left out',
      fields: { service_code: 'lift-breakdown', 'attribute[building]': '12' },
      zh: /请回答.*故障情况/,
      en: /Please answer "What is wrong\?"/,
    },
    {
      name: 'a value that is not one of the choices',
      fields: { ...liftReport, 'attribute[fault_type]': 'flooded' },
      zh: /故障情况.*选项无效/,
      en: /not one of the choices for "What is wrong\?"/,
    },
    {
      name: 'a choice of a multivaluelist that is not in the list',
      fields: [['service_code', 'water-supply'], ['attribute[problems][]', 'leak'], ['attribute[problems][]', 'flood']],
      zh: /选项无效/,
      en: /not one of the choices/,
    },
    {
      name: 'words where a number is asked for',
      fields: { ...liftReport, 'attribute[building]': 'twelve' },
      zh: /楼号.*需要填写数字/,
      en: /"Building number" needs a number/,
    },
    {
      name: 'an answer to a question the category does not have',
      fields: { ...liftReport, 'attribute[colour]': 'red' },
      zh: /没有“colour”这个问题/,
      en: /no question "colour"/,
    },
    { name: 'a lat without a long', fields: { ...liftReport, lat: '31.23' }, zh: /纬度和经度/, en: /both lat and long/ },
    { name: 'a lat out of range', fields: { ...liftReport, lat: '91', long: '121.47' }, zh: /纬度和经度/, en: /within range/ },
    { name: 'an unknown service_code', fields: { service_code: 'no-such-category' }, zh: /no-such-category/, en: /no category with the code "no-such-category"/ },
    { name: 'no service_code at all', fields: { description: '路灯坏了' }, zh: /service_code/, en: /"service_code" is missing/ },
    {
      name: 'a description of 4,001 characters',
      fields: { ...liftReport, description: '电'.repeat(4001) },
      zh: /description.*4000/,
      en: /"description" can be at most 4000 characters/,
    },
    { name: 'a malformed email address', fields: { ...liftReport, email: 'zhangsan-at-example' }, zh: /电子邮箱/, en: /email address is not valid/ },
    { name: 'a phone number with letters', fields: { ...liftReport, phone: 'call me' }, zh: /电话号码/, en: /phone number/ },
  ];

  for (const { name, fields, zh, en } of refusals) {
    test(`refuses ${name} with 400, saying why in Chinese or English`, async () => {
      const countBefore = (await publicRequests(server.app)).length;
      const chinese = assertRefused(await postReport(server.app, fields), 400, zh);
      assert.ok(hasHan(chinese), chinese);
      const inEnglish = assertRefused(await postReport(server.app, fields, english), 400, en);
      assert.ok(!hasHan(inEnglish), inEnglish);
      assert.equal((await publicRequests(server.app)).length, countBefore, 'nothing stored');
    });
  }

  test('a description of exactly 4,000 characters is accepted', async () => {
    const description = '电'.repeat(4000);
    const id = idOf(await postReport(server.app, { ...liftReport, description }));
    assert.equal((await staffRequest(server.app, id)).description, description);
  });

  test('an unknown tracking number is a 404 in the spec error format', async () => {
    const response = await server.app.inject({ url: `${base}/requests/1999-999999.json` });
    assertRefused(response, 404, /1999-999999/);
    assertRefused(await server.app.inject({ url: `${base}/requests/%25.json` }), 404, /“%”/);
  });

  test('the public sees the position to three decimals (about 100 m), staff see it exactly', async () => {
    const id = idOf(await postReport(server.app, { ...liftReport, lat: '-33.8688197', long: '151.2092955' }));
    const one = await publicRequest(server.app, id);
    assert.deepEqual([one.lat, one.long], [-33.869, 151.209]);
    const [listed] = await publicRequests(server.app, `?service_request_id=${id}`);
    assert.deepEqual([listed.lat, listed.long], [-33.869, 151.209]);
    const stored = await staffRequest(server.app, id);
    assert.deepEqual([stored.lat, stored.long], [-33.8688197, 151.2092955]);
    // No position stays no position.
    const without = await publicRequest(server.app, idOf(await postReport(server.app, liftReport)));
    assert.deepEqual([without.lat, without.long], [null, null]);
  });

  test('a media_url the citizen sent is shown to staff only', async () => {
    const link = 'https://tracker.example/pixel.jpg?who=13800138000';
    const id = idOf(await postReport(server.app, { ...liftReport, media_url: link }));
    assert.equal((await publicRequest(server.app, id)).media_url, null);
    assert.ok(!(await server.app.inject({ url: `${base}/requests.json` })).body.includes('tracker.example'));
    assert.deepEqual((await staffRequest(server.app, id)).media_url, [link]);
  });
});

// ---------------------------------------------------------------- photos

describe('POST requests.json, multipart with photos', () => {
  let server;
  let origin;
  let photo;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000' });
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    photo = await phonePhoto();
  });
  after(() => server.close());

  test('the test photo really carries EXIF with a GPS position', async () => {
    const metadata = await sharp(photo).metadata();
    assert.ok(metadata.exif, 'input has EXIF');
    assert.ok(metadata.exif.includes('TestPhone'));
    assert.ok(hasGpsPosition(metadata.exif), 'input EXIF has a GPS position');
    assert.equal(metadata.width, 2800);
  });

  test('a report sent with a forged Host header does not put that host in the photo links others see', async () => {
    const form = new FormData();
    form.append('service_code', 'street-light');
    form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const answer = await server.app.inject({
      method: 'POST',
      url: `${base}/requests.json`,
      headers: { host: 'evil.example', 'content-type': encoded.headers.get('content-type') },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    assert.equal(answer.statusCode, 200, answer.body);
    await publishPhotos(server.app, answer.json()[0].service_request_id);
    const shown = await publicRequest(server.app, answer.json()[0].service_request_id);
    assert.equal(new URL(shown.media_url).origin, 'http://localhost');
  });

  test('a photo is served at an absolute media_url, as a JPEG without EXIF and at most 2048 px', async () => {
    const answer = await postMultipart(origin, [
      ['service_code', 'street-light'],
      ['description', '路灯不亮'],
      ['media', photo],
    ]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const id = answer.body[0].service_request_id;
    await publishPhotos(server.app, id);
    const shown = await publicRequest(server.app, id);
    assert.equal((await staffRequest(server.app, id)).description, '路灯不亮');
    // Absolute, on the host the client asked (inject() asks for localhost).
    const mediaUrl = new URL(shown.media_url);
    assert.equal(mediaUrl.origin, 'http://localhost');
    assert.match(mediaUrl.pathname, /^\/media\/[\w-]+\.jpg$/);

    const response = await fetch(`${origin}${mediaUrl.pathname}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const served = Buffer.from(await response.arrayBuffer());
    const metadata = await sharp(served).metadata();
    assert.equal(metadata.format, 'jpeg');
    assert.equal(metadata.exif, undefined, 'EXIF (GPS position, camera) removed');
    assert.ok(!served.includes('TestPhone'));
    assert.ok(Math.max(metadata.width, metadata.height) <= 2048, `${metadata.width}×${metadata.height}`);
    assert.equal(metadata.width / metadata.height, 2, 'aspect ratio kept');
  });

  test('fields and attributes in a multipart body are read like urlencoded ones', async () => {
    const answer = await postMultipart(origin, [
      ['service_code', 'water-supply'],
      ['attribute[problems][]', 'no_water'],
      ['attribute[problems][]', 'low_pressure'],
      ['lat', '31.2'],
      ['long', '121.5'],
      ['phone', '13800138000'],
    ]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const stored = await staffRequest(server.app, answer.body[0].service_request_id);
    assert.deepEqual(stored.attributes, { problems: ['no_water', 'low_pressure'] });
    assert.equal(stored.lat, 31.2);
    assert.equal(stored.long, 121.5);
    assert.equal(stored.contact.phone, '13800138000');
  });

  test('five photos are accepted: staff see all five, the public view the first once staff publish it', async () => {
    const small = await phonePhoto({ width: 400, height: 300 });
    const answer = await postMultipart(origin, [['service_code', 'street-light'], ...Array.from({ length: 5 }, (_, index) => ['media', small, `p${index}.jpg`])]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const id = answer.body[0].service_request_id;
    const stored = await staffRequest(server.app, id);
    assert.equal(stored.media_url.length, 5);
    assert.equal((await publicRequest(server.app, id)).media_url, null, 'not public by default');
    await publishPhotos(server.app, id);
    assert.equal((await publicRequest(server.app, id)).media_url, stored.media_url[0]);
  });

  test('a stored photo can be made public, a media_url sent beside it is for staff only', async () => {
    const link = 'https://elsewhere.example/photo.jpg';
    const answer = await postMultipart(origin, [
      ['service_code', 'street-light'],
      ['media_url', link],
      ['media', await phonePhoto({ width: 400, height: 300 })],
    ]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const id = answer.body[0].service_request_id;
    const stored = await staffRequest(server.app, id);
    assert.equal(stored.media_url.length, 2);
    assert.match(new URL(stored.media_url[0]).pathname, /^\/media\//);
    assert.equal(stored.media_url[1], link);
    await publishPhotos(server.app, id);
    assert.equal((await publicRequest(server.app, id)).media_url, stored.media_url[0]);
  });

  test('a photo over 2048 × 2048 pixels, or over 16 MB once decoded, is refused before it is decoded; 2048 × 2048 is taken', async () => {
    const filesBefore = mediaFiles(server.config);
    const countBefore = (await publicRequests(server.app)).length;
    // 49 megapixels of one colour: a few kilobytes of PNG, 200 MB once decoded.
    const huge = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#808080' } }).png().toBuffer();
    const refused = await postMultipart(origin, [['service_code', 'street-light'], ['media', huge, 'huge.png', 'image/png']], english);
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assertOpen311Error(400, refused.body, /too many pixels \(at most 4 megapixels\)/);
    const chinese = await postMultipart(origin, [['service_code', 'street-light'], ['media', huge, 'huge.png', 'image/png']]);
    assertOpen311Error(400, chinese.body, /最多 400 万像素/);
    // Within the pixel limit, but 16 bits a sample: 19 MB decoded, from 85 KB on the wire.
    const deep = await sharp({ create: { width: 2048, height: 1536, channels: 3, background: '#808080' } }).toColourspace('rgb16').png().toBuffer();
    const deepRefused = await postMultipart(origin, [['service_code', 'street-light'], ['media', deep, 'deep.png', 'image/png']], english);
    assertOpen311Error(400, deepRefused.body, /too many pixels/);
    assert.deepEqual(mediaFiles(server.config), filesBefore);
    assert.equal((await publicRequests(server.app)).length, countBefore);

    const largest = await sharp({ create: { width: 2048, height: 2048, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    const accepted = await postMultipart(origin, [['service_code', 'street-light'], ['media', largest]]);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  });

  test('a text file sent as photo.jpg with type image/jpeg is refused and nothing is stored', async () => {
    const filesBefore = mediaFiles(server.config);
    const countBefore = (await publicRequests(server.app)).length;
    const answer = await postMultipart(origin, [
      ['service_code', 'street-light'],
      ['media', Buffer.from('<script>alert(1)</script> not a picture'), 'photo.jpg', 'image/jpeg'],
    ]);
    assert.equal(answer.status, 400);
    assert.ok(hasHan(assertOpen311Error(400, answer.body, /JPEG/)));
    assert.deepEqual(mediaFiles(server.config), filesBefore);
    assert.equal((await publicRequests(server.app)).length, countBefore);
  });

  test('a good photo beside a bad one is not kept either', async () => {
    const filesBefore = mediaFiles(server.config);
    const answer = await postMultipart(
      origin,
      [
        ['service_code', 'street-light'],
        ['media', photo, 'good.jpg'],
        ['media', Buffer.from('GIF89a nonsense'), 'bad.jpg'],
      ],
      english,
    );
    assert.equal(answer.status, 400);
    assertOpen311Error(400, answer.body, /JPEG, PNG or WebP/);
    assert.deepEqual(mediaFiles(server.config), filesBefore);
  });

  test('more than five photos are refused with 400 and nothing is stored', async () => {
    const small = await phonePhoto({ width: 200, height: 200 });
    const filesBefore = mediaFiles(server.config);
    const countBefore = (await publicRequests(server.app)).length;
    const answer = await postMultipart(
      origin,
      [['service_code', 'street-light'], ...Array.from({ length: 6 }, (_, index) => ['media', small, `p${index}.jpg`])],
      english,
    );
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assertOpen311Error(400, answer.body, /At most 5 photos/);
    assert.deepEqual(mediaFiles(server.config), filesBefore);
    assert.equal((await publicRequests(server.app)).length, countBefore);
  });

  test('paths with .. under /media do not reach files outside the media folder', async () => {
    // The database sits next to the media folder: a way out would serve it.
    const paths = [
      '/media/../civic.db',
      '/media/..%2fcivic.db',
      '/media/%2e%2e/civic.db',
      '/media/%2e%2e%2fcivic.db',
      '/media/..%5ccivic.db',
      '/media/....//civic.db',
      '/media/../../../../../../etc/passwd',
      '/media/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/media/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/media//etc/passwd',
    ];
    for (const path of paths) {
      const response = await rawGet(origin, path);
      assert.ok(response.status >= 400 && response.status < 500, `${path} answered ${response.status}`);
      assert.ok(!response.body.includes('SQLite format 3'), `${path} served the database`);
      assert.ok(!response.body.includes('root:'), `${path} served /etc/passwd`);
    }
  });
});

// ---------------------------------------------------------------- idempotency

describe('Idempotency-Key', () => {
  let server;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000' });
  });
  after(() => server.close());

  test('the same POST twice with one key gives the same answer and stores one report', async () => {
    const countBefore = (await publicRequests(server.app)).length;
    const headers = { 'idempotency-key': 'same-key-1' };
    const first = await postReport(server.app, liftReport, headers);
    const second = await postReport(server.app, liftReport, headers);
    assert.equal(first.statusCode, 200);
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), first.json());
    assert.equal((await publicRequests(server.app)).length, countBefore + 1);
  });

  test('a different key stores a new report', async () => {
    const first = idOf(await postReport(server.app, liftReport, { 'idempotency-key': 'key-a' }));
    const second = idOf(await postReport(server.app, liftReport, { 'idempotency-key': 'key-b' }));
    assert.notEqual(second, first);
    assert.equal((await publicRequests(server.app, `?service_request_id=${first},${second}`)).length, 2);
  });

  test('a refused POST does not use up its key: the corrected retry is stored', async () => {
    const headers = { 'idempotency-key': 'corrected-later' };
    assertRefused(await postReport(server.app, { service_code: 'lift-breakdown' }, headers), 400);
    const id = idOf(await postReport(server.app, liftReport, headers));
    assert.equal((await publicRequest(server.app, id)).service_code, 'lift-breakdown');
    // And the key now belongs to that report.
    assert.equal(idOf(await postReport(server.app, liftReport, headers)), id);
  });

  test('the same key with a different report is refused with 422, and the first answer is still replayed', async () => {
    const headers = { 'idempotency-key': 'reused-for-another-report' };
    const first = await postReport(server.app, liftReport, headers);
    const countBefore = (await publicRequests(server.app)).length;
    const other = await postReport(server.app, { ...liftReport, 'attribute[building]': '13' }, { ...headers, ...english });
    assertRefused(other, 422, /already used for a different submission/);
    assert.ok(hasHan(assertRefused(await postReport(server.app, { ...liftReport, description: '另一件事' }, headers), 422)));
    assert.equal((await publicRequests(server.app)).length, countBefore);
    const again = await postReport(server.app, liftReport, headers);
    assert.deepEqual(again.json(), first.json());
  });

  test('a malformed key is refused', async () => {
    assertRefused(await postReport(server.app, liftReport, { 'idempotency-key': 'x'.repeat(300) }), 400, /Idempotency-Key/);
  });
});

describe('Idempotency-Key with photos, on a listening server', () => {
  let server;
  let origin;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000' });
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());

  test('a photo refused after the key was taken frees the key again', async () => {
    const headers = { 'idempotency-key': 'bad-photo-then-good' };
    const refused = await postMultipart(origin, [['service_code', 'street-light'], ['media', Buffer.from('not a jpeg')]], headers);
    assert.equal(refused.status, 400);
    const good = await postMultipart(origin, [['service_code', 'street-light'], ['media', await phonePhoto({ width: 300, height: 200 })]], headers);
    assert.equal(good.status, 200, JSON.stringify(good.body));
    assert.equal(mediaFiles(server.config).length, 1);
  });

  test('the same key with another photo is refused with 422', async () => {
    const headers = { 'idempotency-key': 'same-key-other-photo', ...english };
    const first = await postMultipart(origin, [['service_code', 'street-light'], ['media', await phonePhoto({ width: 300, height: 200 })]], headers);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const other = await postMultipart(origin, [['service_code', 'street-light'], ['media', await phonePhoto({ width: 200, height: 300 })]], headers);
    assert.equal(other.status, 422, JSON.stringify(other.body));
    assertOpen311Error(422, other.body, /different submission/);
  });

  test('a first try whose key was taken over as abandoned rolls back: 409, nothing stored, its photos removed', async () => {
    const key = 'taken-over';
    const headers = { 'idempotency-key': key, ...english };
    const countBefore = (await publicRequests(server.app)).length;
    const filesBefore = mediaFiles(server.config);
    const bigPhoto = await noisePhoto(2048);
    const first = postMultipart(origin, [['service_code', 'street-light'], ['media', bigPhoto, 'a.jpg'], ['media', bigPhoto, 'b.jpg']], headers);

    const db = await rawDatabase(server.config);
    try {
      const pending = () => db.get("SELECT 1 FROM idempotency_keys WHERE key = ? AND state = 'pending'", key);
      const deadline = Date.now() + 20_000;
      while (!(await pending())) {
        assert.ok(Date.now() < deadline, 'the first try never took its key');
        await delay(5);
      }
      // What a retry does once the first try has run for over a minute: take the key with an attempt of its own.
      const takeover = await db.run("UPDATE idempotency_keys SET attempt = 'the-retry', created_at = ? WHERE key = ? AND state = 'pending'", Date.now(), key);
      assert.equal(takeover.changes, 1, 'the first try was still running');

      const answer = await first;
      assert.equal(answer.status, 409, JSON.stringify(answer.body));
      assertOpen311Error(409, answer.body, /still being processed/);
      // Its clean-up did not free the key the retry holds.
      assert.deepEqual(await db.all('SELECT state, attempt FROM idempotency_keys WHERE key = ?', key), [
        { state: 'pending', attempt: 'the-retry' },
      ]);
    } finally {
      await db.close();
    }
    assert.equal((await publicRequests(server.app)).length, countBefore);
    assert.deepEqual(mediaFiles(server.config), filesBefore);
  });

  test('a retry while the first try is still processing gets 409, and one report is stored', async () => {
    const key = 'slow-first-try';
    const headers = { 'idempotency-key': key };
    const countBefore = (await publicRequests(server.app)).length;
    const bigPhoto = await noisePhoto(2048);
    const first = postMultipart(origin, [['service_code', 'street-light'], ['media', bigPhoto]], headers);

    // Wait until the server has taken the key for the first try (it re-encodes the photo next).
    const db = await rawDatabase(server.config);
    try {
      const pending = () => db.get("SELECT 1 FROM idempotency_keys WHERE key = ? AND state = 'pending'", key);
      const deadline = Date.now() + 20_000;
      while (!(await pending())) {
        assert.ok(Date.now() < deadline, 'the first try never took its key');
        await delay(5);
      }
    } finally {
      await db.close();
    }
    const retry = await postMultipart(origin, [['service_code', 'street-light'], ['media', bigPhoto]], { ...headers, ...english });
    const firstAnswer = await first;

    assert.equal(retry.status, 409, JSON.stringify(retry.body));
    assertOpen311Error(409, retry.body, /still being processed/);
    assert.equal(firstAnswer.status, 200, JSON.stringify(firstAnswer.body));
    assert.equal((await publicRequests(server.app)).length, countBefore + 1);
    // Once the first has finished, the retry gets its answer.
    const later = await postMultipart(origin, [['service_code', 'street-light'], ['media', bigPhoto]], headers);
    assert.equal(later.status, 200);
    assert.deepEqual(later.body, firstAnswer.body);
    assert.equal((await publicRequests(server.app)).length, countBefore + 1);
  });
});

// ---------------------------------------------------------------- api keys, rate limits, CORS

describe('api_key', () => {
  let server;
  before(async () => {
    server = await testApp({ 'api-keys': 'k1,k2' });
  });
  after(() => server.close());

  test('a POST without api_key is refused with 403', async () => {
    assert.ok(hasHan(assertRefused(await postReport(server.app, liftReport), 403, /api_key/)));
  });

  test('a POST with a wrong api_key is refused with 403', async () => {
    assertRefused(await postReport(server.app, { ...liftReport, api_key: 'k3' }, english), 403, /api_key is missing or not valid/);
  });

  test('a POST with one of the keys is accepted', async () => {
    idOf(await postReport(server.app, { ...liftReport, api_key: 'k2' }));
  });

  test('keys are compared in constant time: equal-length digests, through timingSafeEqual, against every key', async () => {
    const original = crypto.timingSafeEqual;
    const compared = [];
    crypto.timingSafeEqual = (a, b) => {
      compared.push([a.length, b.length]);
      return original(a, b);
    };
    // The server imported timingSafeEqual by name: make its binding see the spy.
    syncBuiltinESMExports();
    try {
      idOf(await postReport(server.app, { ...liftReport, api_key: 'k1' }));
      assert.deepEqual(compared, [[32, 32], [32, 32]], 'k1 matched, and k2 was compared all the same');
      compared.length = 0;
      assertRefused(await postReport(server.app, { ...liftReport, api_key: 'k' }), 403);
      assert.deepEqual(compared, [[32, 32], [32, 32]]);
    } finally {
      crypto.timingSafeEqual = original;
      syncBuiltinESMExports();
    }
  });

  test('reading needs no key', async () => {
    assert.equal((await server.app.inject({ url: `${base}/services.json` })).statusCode, 200);
    assert.equal((await server.app.inject({ url: `${base}/requests.json` })).statusCode, 200);
  });
});

describe('rate limit', () => {
  let server;
  before(async () => {
    server = await testApp({ 'rate-limit': '2' });
  });
  after(() => server.close());

  test('the third POST from one client is refused with 429, Retry-After and an Open311 error', async () => {
    idOf(await postReport(server.app, liftReport));
    idOf(await postReport(server.app, liftReport));
    const third = await postReport(server.app, liftReport);
    assert.equal(third.statusCode, 429);
    const retryAfter = third.headers['retry-after'];
    assert.match(String(retryAfter), /^\d+$/, 'Retry-After in seconds');
    assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60, retryAfter);
    const description = assertOpen311Error(429, third.json());
    assert.ok(hasHan(description));
    assert.ok(description.includes(String(retryAfter)), 'the description says how long to wait');
    assert.equal((await publicRequests(server.app)).length, 2);
  });

  test('another client is not held back by the first one’s limit', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: `${base}/requests.json`,
      headers: urlencoded,
      payload: formBody(liftReport),
      remoteAddress: '10.1.2.3',
    });
    idOf(response);
  });

  test('reading is not held back by the spent POST bucket (it has one of its own)', async () => {
    for (let index = 0; index < 10; index++) {
      assert.equal((await server.app.inject({ url: `${base}/services.json` })).statusCode, 200);
      assert.equal((await server.app.inject({ url: `${base}/requests.json` })).statusCode, 200);
    }
  });
});

describe('CORS', () => {
  const allowed = 'https://district.example';
  let server;
  before(async () => {
    server = await testApp({ 'cors-origins': allowed });
  });
  after(() => server.close());

  const preflight = (origin) =>
    server.app.inject({
      method: 'OPTIONS',
      url: `${base}/requests.json`,
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
    });

  test('a preflight from the configured origin may POST with Content-Type and Idempotency-Key', async () => {
    const response = await preflight(allowed);
    assert.ok(response.statusCode === 204 || response.statusCode === 200, String(response.statusCode));
    assert.equal(response.headers['access-control-allow-origin'], allowed);
    assert.match(response.headers['access-control-allow-methods'], /\bPOST\b/);
    const allowedHeaders = response.headers['access-control-allow-headers'].toLowerCase().split(/\s*,\s*/);
    assert.ok(allowedHeaders.includes('content-type'));
    assert.ok(allowedHeaders.includes('idempotency-key'));
  });

  test('the POST answer lets the page read Retry-After', async () => {
    const response = await postReport(server.app, liftReport, { origin: allowed });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['access-control-allow-origin'], allowed);
    assert.match(response.headers['access-control-expose-headers'], /retry-after/i);
  });

  test('another origin gets no Access-Control-Allow-Origin', async () => {
    const other = 'https://elsewhere.example';
    assert.equal((await preflight(other)).headers['access-control-allow-origin'], undefined);
    const response = await server.app.inject({ url: `${base}/services.json`, headers: { origin: other } });
    assert.equal(response.headers['access-control-allow-origin'], undefined);
  });
});

// ---------------------------------------------------------------- staff

describe('staff changes: PATCH requests/{id}.json', () => {
  let server;
  before(async () => {
    server = await testApp();
  });
  after(() => server.close());

  const patch = (id, body, headers = staffHeaders) =>
    server.app.inject({ method: 'PATCH', url: `${base}/requests/${id}.json`, headers, payload: body });

  test('closing with notes, agency and expected date shows in the public view', async () => {
    const id = idOf(await postReport(server.app, liftReport));
    const before = await publicRequest(server.app, id);
    await delay(1100); // updated_datetime is to the second
    const response = await patch(id, {
      status: 'closed',
      status_notes: '已修复',
      agency_responsible: '幸福路街道电梯维保组',
      expected_datetime: '2026-12-01T17:00:00+08:00',
    });
    assert.equal(response.statusCode, 200, response.body);
    const after = await publicRequest(server.app, id);
    assert.equal(after.status, 'closed');
    assert.equal(after.status_notes, '已修复');
    assert.equal(after.agency_responsible, '幸福路街道电梯维保组');
    assert.equal(Date.parse(after.expected_datetime), Date.parse('2026-12-01T09:00:00Z'));
    assert.match(after.expected_datetime, /Z$|\+00:00$/, 'in UTC');
    assert.match(after.updated_datetime, isoWithZone);
    assert.ok(Date.parse(after.updated_datetime) > Date.parse(before.updated_datetime), 'updated_datetime moved on');
    assert.equal(after.requested_datetime, before.requested_datetime);
  });

  test('without a token or with a wrong one the answer is 401 and nothing changes', async () => {
    const id = idOf(await postReport(server.app, liftReport));
    assertRefused(await patch(id, { status: 'closed' }, {}), 401);
    assertRefused(await patch(id, { status: 'closed' }, { authorization: 'Bearer not-the-staff-token-at-all' }), 401);
    assertRefused(await patch(id, { status: 'closed' }, { authorization: `Basic ${Buffer.from('staff:x').toString('base64')}` }), 401);
    assert.equal((await publicRequest(server.app, id)).status, 'open');
  });

  test('without a token the answer is 401 before the body is looked at, so it tells nothing about valid changes', async () => {
    const id = idOf(await postReport(server.app, liftReport));
    for (const body of [{ status: 'done' }, { owner: 'me' }, {}]) {
      const response = await patch(id, body, {});
      assertRefused(response, 401);
      assert.equal(response.headers['www-authenticate'], 'Bearer realm="civic-staff"');
    }
  });

  test('an unknown id is a 404', async () => {
    assertRefused(await patch('1999-999999', { status: 'closed' }), 404, /1999-999999/);
    assertRefused(await patch('%25', { status: 'closed' }), 404, /“%”/);
  });

  test('staff answers, and refusals to staff routes, are never cached', async () => {
    const id = idOf(await postReport(server.app, liftReport));
    const patched = await patch(id, { status_notes: '处理中' });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.headers['cache-control'], 'no-store');
    const list = await server.app.inject({ url: '/staff/api/requests', headers: staffHeaders });
    assert.equal(list.statusCode, 200);
    assert.equal(list.headers['cache-control'], 'no-store');
    assert.equal((await server.app.inject({ url: '/staff/api/requests' })).headers['cache-control'], 'no-store');
    assert.equal((await patch(id, { status: 'closed' }, {})).headers['cache-control'], 'no-store');
  });

  test('a status other than open or closed is a 400', async () => {
    const id = idOf(await postReport(server.app, liftReport));
    assertRefused(await patch(id, { status: 'done' }), 400, /status/);
    assert.equal((await publicRequest(server.app, id)).status, 'open');
  });

  test('the staff list needs the token too', async () => {
    assert.equal((await server.app.inject({ url: '/staff/api/requests' })).statusCode, 401);
  });

  test('GET requests.json?status= shows only requests with that status', async () => {
    const open = idOf(await postReport(server.app, liftReport));
    const closed = idOf(await postReport(server.app, liftReport));
    assert.equal((await patch(closed, { status: 'closed' })).statusCode, 200);
    const closedList = await publicRequests(server.app, '?status=closed');
    assert.ok(closedList.length >= 1);
    assert.ok(closedList.every((request) => request.status === 'closed'));
    assert.ok(closedList.some((request) => request.service_request_id === closed));
    const openList = await publicRequests(server.app, '?status=open');
    assert.ok(openList.every((request) => request.status === 'open'));
    assert.ok(openList.some((request) => request.service_request_id === open));
    assert.ok(!openList.some((request) => request.service_request_id === closed));
  });
});

// ---------------------------------------------------------------- malformed bodies

describe('malformed and aborted request bodies', () => {
  let server;
  let origin;
  const logs = [];
  before(async () => {
    const stream = { write: (line) => logs.push(JSON.parse(line)) };
    server = await testApp({ 'rate-limit': '1000' }, { logger: { level: 'info', stream } });
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());

  const postRaw = (url, contentType, payload, headers = {}) =>
    server.app.inject({ method: 'POST', url, headers: { 'content-type': contentType, ...headers }, payload });
  const faults = () => logs.filter((entry) => entry.level >= 50);
  const warnings = () => logs.filter((entry) => entry.level === 40 && /malformed or incomplete/.test(entry.msg));

  test('garbage, a missing boundary or a cut-off multipart body is a 400, not a server fault', async () => {
    const part = '--XYZ\r\nContent-Disposition: form-data; name="service_code"\r\n\r\nstreet-light\r\n';
    const cases = [
      ['garbage', 'multipart/form-data; boundary=XYZ', 'this is not multipart at all'],
      ['no boundary', 'multipart/form-data', `${part}--XYZ--\r\n`],
      ['cut off', 'multipart/form-data; boundary=XYZ', `${part}--XYZ\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\n\r\n\xff\xd8`],
    ];
    for (const [name, contentType, body] of cases) {
      const warned = warnings().length;
      const chinese = await postRaw(`${base}/requests.json`, contentType, body);
      assert.ok(hasHan(assertRefused(chinese, 400)), name);
      assertRefused(await postRaw(`${base}/requests.json`, contentType, body, english), 400, /incomplete or malformed/);
      const survey = await postRaw('/surveys/responses', contentType, body, english);
      assert.equal(survey.statusCode, 400, `${name}: ${survey.body}`);
      assert.equal(survey.json().title, 'The submission was incomplete or malformed; please send it again.');
      assert.equal(warnings().length, warned + 3, `${name} is logged as a warning`);
    }
    assert.deepEqual(faults(), [], 'nothing was logged as a server fault');
  });

  test('a client that aborts its upload is logged as a warning, not a server fault', async () => {
    const warned = warnings().length;
    const { port } = new URL(origin);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST ${base}/requests.json HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 1000000\r\n\r\n` +
        '--XYZ\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\n\r\nabc',
    );
    await delay(200);
    socket.destroy();
    const deadline = Date.now() + 5000;
    while (warnings().length === warned) {
      assert.ok(Date.now() < deadline, 'the abort was not logged');
      await delay(20);
    }
    assert.deepEqual(faults(), []);
  });
});

// ---------------------------------------------------------------- security headers

describe('security', () => {
  let server;
  before(async () => {
    server = await testApp();
  });
  after(() => server.close());

  test('answers carry X-Content-Type-Options: nosniff, errors included', async () => {
    const answers = [
      await server.app.inject({ url: `${base}/services.json` }),
      await server.app.inject({ url: `${base}/services/no-such-thing.json` }),
      await server.app.inject({ url: `${base}/requests/1999-000001.json` }),
      await postReport(server.app, { service_code: 'lift-breakdown' }),
      await server.app.inject({ url: `${base}/nothing-here` }),
    ];
    for (const answer of answers) assert.equal(answer.headers['x-content-type-options'], 'nosniff', answer.body);
  });

  test('unknown Open311 paths answer in the spec error format', async () => {
    assertRefused(await server.app.inject({ url: `${base}/nothing-here` }), 404);
  });
});

// ---------------------------------------------------------------- validation before coercion

describe('numbers and dates are checked as text before they are converted', () => {
  let server;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000' });
  });
  after(() => server.close());

  for (const [lat, long] of [
    ['Infinity', '121.4'],
    ['1e400', '121.4'],
    ['0x1F', '121.4'],
    ['31.2', '-Infinity'],
    ['31.2', '1e2'],
    [' 31.2', '121.4'],
    ['91', '121.4'],
  ]) {
    test(`lat=${lat} long=${long} is refused`, async () => {
      assertRefused(await postReport(server.app, { ...liftReport, lat, long }, english), 400, /lat and long/);
    });
  }

  test('plain decimals are taken', async () => {
    const id = idOf(await postReport(server.app, { ...liftReport, lat: '-31.25', long: '+121.5' }));
    const stored = await staffRequest(server.app, id);
    assert.deepEqual([stored.lat, stored.long], [-31.25, 121.5]);
  });

  for (const value of ['1', '2026', 'May 1', '2026-05-01 14:30', 'Infinity']) {
    test(`a date-time answer "${value}" is refused`, async () => {
      assertRefused(await postReport(server.app, { ...liftReport, 'attribute[noticed_at]': value }, english), 400, /valid date and time/);
    });
  }

  test('date-time answers in ISO 8601, with or without an offset, are taken', async () => {
    for (const value of ['2026-05-01T14:30', '2026-05-01T14:30:00+08:00', '2026-05-01T06:30:00Z', '2026-05-01']) {
      idOf(await postReport(server.app, { ...liftReport, 'attribute[noticed_at]': value }));
    }
  });

  for (const value of ['0x1F', '1e400', 'Infinity', '12abc']) {
    test(`a number answer "${value}" is refused`, async () => {
      assertRefused(await postReport(server.app, { ...liftReport, 'attribute[building]': value }, english), 400, /needs a number/);
    });
  }
});

// ---------------------------------------------------------------- the public list: pages and cache

describe('GET requests.json pages and cached answers', () => {
  let server;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000', 'read-rate-limit': '1000' });
    for (let index = 0; index < 205; index++) idOf(await postReport(server.app, liftReport));
  });
  after(() => server.close());

  test('a page holds 100 reports unless asked otherwise, at most 200, newest first', async () => {
    const first = await publicRequests(server.app);
    assert.equal(first.length, 100);
    const second = await publicRequests(server.app, '?page=2');
    assert.equal(second.length, 100);
    assert.ok(first.at(-1).service_request_id > second[0].service_request_id, 'no overlap, newest first');
    assert.equal((await publicRequests(server.app, '?page=3')).length, 5);
    assert.equal((await publicRequests(server.app, '?page_size=500')).length, 200, 'the documented maximum');
    assert.equal((await publicRequests(server.app, '?page_size=7&page=2')).length, 7);
    for (const query of ['?page=0', '?page_size=0', '?page=1e3', '?page_size=-5']) {
      assertRefused(await server.app.inject({ url: `${base}/requests.json${query}` }), 400);
    }
  });

  test('a cached list follows every write: a new report, a staff change, and the CLI writing from another process', async () => {
    const before = await publicRequests(server.app, '?page_size=1');
    const id = idOf(await postReport(server.app, liftReport));
    const [newest] = await publicRequests(server.app, '?page_size=1');
    assert.notEqual(newest.service_request_id, before[0].service_request_id);
    assert.equal(newest.service_request_id, id);

    await server.app.inject({ method: 'PATCH', url: `${base}/requests/${id}.json`, headers: staffHeaders, payload: { status_notes: '已派人' } });
    assert.equal((await publicRequests(server.app, '?page_size=1'))[0].status_notes, '已派人');

    // `civic-server set-status` (or another instance): another process on the same database.
    const database = server.config.databaseUrl ? ['--database-url', server.config.databaseUrl] : ['--db', server.config.databasePath];
    await run(process.execPath, [cli, 'set-status', id, '--status', 'closed', ...database], { env: { ...process.env, LOG_LEVEL: 'warn' } });
    // SQLite tells at once; PostgreSQL's notification arrives a moment after the commit.
    const deadline = Date.now() + 10_000;
    while ((await publicRequests(server.app, '?page_size=1'))[0].status !== 'closed') {
      assert.ok(Date.now() < deadline, 'the change made by another connection never showed');
      await delay(20);
    }
  });
});
