// GET /service-points.geojson: the service locator's points as RFC 7946 GeoJSON.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { testApp } from './helpers/test-app.mjs';

const seed = JSON.parse(readFileSync(new URL('../seed/service-points.json', import.meta.url), 'utf8'));
const kinds = [...new Set(seed.map((point) => point.kind))];

let server;
let app;
before(async () => {
  server = await testApp();
  app = server.app;
});
after(() => server.close());

const get = (url, headers = {}) => app.inject({ method: 'GET', url, headers });

describe('GET /service-points.geojson', () => {
  test('is a GeoJSON FeatureCollection with every point, cacheable for five minutes', async () => {
    const response = await get('/service-points.geojson');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/geo+json; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'public, max-age=300');
    assert.match(response.headers.vary, /Accept-Language/);
    const collection = response.json();
    assert.deepEqual(Object.keys(collection), ['type', 'features']);
    assert.equal(collection.type, 'FeatureCollection');
    assert.deepEqual(
      collection.features.map((feature) => feature.id),
      seed.map((point) => point.id).sort(),
    );
    for (const feature of collection.features) {
      assert.deepEqual(Object.keys(feature), ['type', 'id', 'geometry', 'properties']);
      assert.equal(feature.type, 'Feature');
      assert.deepEqual(Object.keys(feature.properties), ['kind', 'name', 'address', 'phone', 'opening_hours', 'services', 'wheelchair', 'url', 'subdistrict', 'updated', 'search']);
    }
  });

  test('gives positions as [longitude, latitude], as RFC 7946 says', async () => {
    const { features } = (await get('/service-points.geojson')).json();
    const centre = features.find((feature) => feature.id === 'sp-001');
    assert.deepEqual(centre.geometry, { type: 'Point', coordinates: [121.43721, 31.19288] });
    for (const feature of features) {
      const point = seed.find((entry) => entry.id === feature.id);
      assert.deepEqual(feature.geometry.coordinates, [point.long, point.lat]);
      // Shanghai: longitude about 121, latitude about 31; swapped they would be nowhere near.
      const [long, lat] = feature.geometry.coordinates;
      assert.ok(long > 120 && long < 123 && lat > 30 && lat < 33, feature.id);
    }
  });

  test('has texts in Chinese by default and in English with ?lang=en or Accept-Language: en', async () => {
    const chinese = (await get('/service-points.geojson')).json().features.find((feature) => feature.id === 'sp-001');
    assert.deepEqual(chinese.properties, {
      kind: 'community-affairs-centre',
      name: '徐家汇街道社区事务受理服务中心',
      address: '示范区漕溪北路331号',
      phone: '021-6400-4488',
      opening_hours: 'Mo-Fr 08:30-17:00; Sa 09:00-12:00; PH off',
      services: ['社保医保', '居住证办理', '就业登记', '社会救助', '敬老卡办理'],
      wheelchair: 'yes',
      url: 'https://www.xuhui.example.gov.cn/xujiahui/sp-001.html',
      subdistrict: '徐家汇街道',
      updated: '2026-11-20',
      search: [
        'xujiahuijiedaoshequshiwushoulifuwuzhongxin',
        'xjhjdsqswslfwzx',
        'shifanqucaoxibeilu331hao',
        'sfqcxbl331h',
        'xujiahuijiedao',
        'xjhjd',
      ],
    });
    for (const [url, headers] of [
      ['/service-points.geojson?lang=en', {}],
      ['/service-points.geojson', { 'accept-language': 'en-US,en;q=0.8' }],
    ]) {
      const response = await get(url, headers);
      assert.equal(response.headers['content-language'], 'en');
      const english = response.json().features.find((feature) => feature.id === 'sp-001');
      assert.equal(english.properties.name, 'Xujiahui Subdistrict Community Affairs Service Centre');
      assert.equal(english.properties.address, '331 North Caoxi Road, Demo District');
      assert.deepEqual(english.properties.services.slice(0, 2), ['social and medical insurance', 'residence permits']);
      assert.equal(english.properties.subdistrict, 'Xujiahui');
      // Pinyin keys come from the Chinese texts whatever the language: "xjh" finds 徐家汇 on the English page.
      assert.ok(english.properties.search.includes('xjhjdsqswslfwzx'));
    }
  });

  test('keeps only the kinds asked for with ?kind=a,b', async () => {
    const one = (await get('/service-points.geojson?kind=health-centre')).json().features;
    assert.ok(one.length > 0);
    assert.deepEqual(
      one.map((feature) => feature.id),
      seed.filter((point) => point.kind === 'health-centre').map((point) => point.id).sort(),
    );
    const two = (await get('/service-points.geojson?kind=community-canteen,elderly-care-station')).json().features;
    assert.deepEqual(new Set(two.map((feature) => feature.properties.kind)), new Set(['community-canteen', 'elderly-care-station']));
    assert.equal(two.length, seed.filter((point) => ['community-canteen', 'elderly-care-station'].includes(point.kind)).length);
    assert.equal((await get('/service-points.geojson?kind=')).json().features.length, seed.length, 'empty: no filter');
  });

  test('refuses a kind it does not know, listing the ones it does', async () => {
    const response = await get('/service-points.geojson?kind=health-centre,casino&lang=en');
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(response.json(), {
      type: 'about:blank',
      title: `There is no kind of service point called "casino". Known kinds: ${kinds.join(', ')}.`,
      status: 400,
    });
    const chinese = await get('/service-points.geojson?kind=casino');
    assert.equal(chinese.json().title, `没有“casino”这类服务点。可选类型：${kinds.join(', ')}。`);
  });
});
