import { expect } from '@open-wc/testing';
import { pointNamed, renderLocator, shadow, useClock, usePageLanguage } from './helpers/locator.js';
import { wgs84ToGcj02 } from '../src/geo/gcj02.js';

// Each result's links: phone as tel: (digits, +, - and spaces only), the
// website, and directions in the chosen map service with the WGS-84 position
// and the parameter that tells the service so.

const centre = 'Xujiahui Community Affairs Service Centre';
/** The centre's position in the data: [longitude, latitude], WGS-84. */
const [longitude, latitude] = [121.43721, 31.19288];

function directions(el: Parameters<typeof pointNamed>[0]): URL {
  const link = pointNamed(el, centre).links.find((item) => item.text.startsWith('Directions'));
  if (!link) throw new Error('no directions link');
  expect(link.target).to.equal('_blank');
  expect(link.rel).to.equal('noopener noreferrer');
  return new URL(link.href);
}

describe('<civic-service-locator> links', () => {
  const setLanguage = usePageLanguage();
  const setClock = useClock();
  beforeEach(() => {
    setLanguage('en');
    setClock('2026-03-10T10:00:00+08:00');
  });

  it('calls by tel: and opens the website in a new tab', async () => {
    const el = await renderLocator({ 'page-size': 20 });
    const links = pointNamed(el, "Xujiahui Seniors' Canteen").links;
    expect(links.slice(0, 2).map((link) => [link.text, link.href])).to.deep.equal([
      ['Call 021-6438-0001', 'tel:021-6438-0001'],
      ['Call 021 6438 0002', 'tel:02164380002'],
    ]);
    const website = pointNamed(el, centre).links.find((link) => link.text.startsWith('Website'));
    expect(website).to.deep.equal({ text: 'Website (opens in a new tab)', href: 'https://www.xh.example.gov.cn/affairs', target: '_blank', rel: 'noopener noreferrer' });
  });

  it('Amap (the default): position=LNG,LAT with coordinate=wgs84', async () => {
    const url = directions(await renderLocator({ 'page-size': 20 }));
    expect(url.origin + url.pathname).to.equal('https://uri.amap.com/marker');
    expect(url.searchParams.get('position')).to.equal(`${longitude},${latitude}`);
    expect(url.searchParams.get('coordinate')).to.equal('wgs84');
    expect(url.searchParams.get('name')).to.equal(centre);
  });

  it('Baidu: location=LAT,LNG with coord_type=wgs84', async () => {
    const url = directions(await renderLocator({ 'page-size': 20, directions: 'baidu' }));
    expect(url.origin + url.pathname).to.equal('https://api.map.baidu.com/marker');
    expect(url.searchParams.get('location')).to.equal(`${latitude},${longitude}`);
    expect(url.searchParams.get('coord_type')).to.equal('wgs84');
  });

  it('Tencent: marker=coord:LAT,LNG with coord_type=1 (GPS)', async () => {
    const url = directions(await renderLocator({ 'page-size': 20, directions: 'tencent' }));
    expect(url.origin + url.pathname).to.equal('https://apis.map.qq.com/uri/v1/marker');
    expect(url.searchParams.get('marker')).to.equal(`coord:${latitude},${longitude};title:${centre}`);
    expect(url.searchParams.get('coord_type')).to.equal('1');
  });

  it('Apple Maps, which has no coordinate parameter and draws China in GCJ-02: converted to GCJ-02', async () => {
    const url = directions(await renderLocator({ 'page-size': 20, directions: 'apple' }));
    const [gcjLongitude, gcjLatitude] = url.searchParams.get('ll')!.split(',').map(Number).reverse() as [number, number];
    const [expectedLongitude, expectedLatitude] = wgs84ToGcj02(longitude, latitude);
    expect(gcjLatitude).to.be.closeTo(expectedLatitude, 1e-6);
    expect(gcjLongitude).to.be.closeTo(expectedLongitude, 1e-6);
    // In Shanghai the shift is a few hundred metres, south-east to north-west: about +0.0045° E, -0.002° N.
    expect(gcjLongitude - longitude).to.be.within(0.004, 0.005);
    expect(gcjLatitude - latitude).to.be.within(-0.0025, -0.0015);
  });

  it('OpenStreetMap and geo: (RFC 5870) carry WGS-84 as it is', async () => {
    const osm = directions(await renderLocator({ 'page-size': 20, directions: 'osm' }));
    expect([osm.searchParams.get('mlat'), osm.searchParams.get('mlon')]).to.deep.equal([String(latitude), String(longitude)]);
    const geo = pointNamed(await renderLocator({ 'page-size': 20, directions: 'geo' }), centre).links.find((link) => link.text.startsWith('Directions'))!;
    expect(geo.href.startsWith(`geo:${latitude},${longitude}?q=`)).to.equal(true);
  });

  it('has no directions link with directions="none"', async () => {
    const el = await renderLocator({ 'page-size': 20, directions: 'none' });
    expect(pointNamed(el, centre).links.map((link) => link.text)).to.deep.equal(['Call 021-6400-4488', 'Website (opens in a new tab)']);
  });

  it('fires civic-locator-select with the feature when a link is followed', async () => {
    const el = await renderLocator({ 'page-size': 20 });
    const chosen: unknown[] = [];
    el.addEventListener('civic-locator-select', (event) => {
      chosen.push(event.detail.feature);
    });
    const link = [...shadow(el).querySelectorAll<HTMLAnchorElement>('.points a')].find((item) => item.href.startsWith('tel:021-6400'))!;
    // Keep the test page where it is: the click is what counts.
    link.addEventListener('click', (event) => event.preventDefault(), { once: true });
    link.click();
    expect((chosen[0] as { id: string }).id).to.equal('xjh-affairs');
  });

  it('puts each name in a heading at `heading-level`', async () => {
    expect(pointNamed(await renderLocator({ 'page-size': 20 }), centre).level).to.equal('2');
    expect(pointNamed(await renderLocator({ 'page-size': 20, 'heading-level': 4 }), centre).level).to.equal('4');
  });
});

describe('WGS-84 to GCJ-02', () => {
  it('matches the published reference pair of the widely used transform (wandergis/coordtransform)', () => {
    const [gcjLongitude, gcjLatitude] = wgs84ToGcj02(116.404, 39.915);
    expect(gcjLongitude).to.be.closeTo(116.41024449916938, 1e-9);
    expect(gcjLatitude).to.be.closeTo(39.91640428150164, 1e-9);
  });

  it('matches the reference pairs of googollee/eviltransform (Shanghai, Shenzhen, Beijing)', () => {
    // [WGS-84 latitude, longitude, GCJ-02 latitude, longitude], from that library's tests.
    const pairs = [
      [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
      [22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
      [39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
    ] as const;
    for (const [latitude, longitude, gcjLatitude, gcjLongitude] of pairs) {
      const [shiftedLongitude, shiftedLatitude] = wgs84ToGcj02(longitude, latitude);
      expect(shiftedLongitude).to.be.closeTo(gcjLongitude, 1e-9);
      expect(shiftedLatitude).to.be.closeTo(gcjLatitude, 1e-9);
    }
  });

  it('leaves positions outside China as they are', () => {
    expect(wgs84ToGcj02(-0.1276, 51.5072)).to.deep.equal([-0.1276, 51.5072]);
  });
});
