import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { captureConsole, check, click, fixtureUrl, holidaysUrl, LocatorServer, renderLocator, settled, shadow, textOf, typeSearch, useClock, type Locator } from './helpers/locator.js';

// axe in every state a citizen can meet, reached as they would reach it, in
// English and Simplified Chinese; and the words in zh-Hans and zh-Hant.

type Reach = (lang: string) => Promise<Locator>;

let cleanups: Array<() => Promise<void>> = [];

const states: Array<[string, Reach]> = [
  [
    'loading',
    async (lang) => {
      const server = new LocatorServer();
      const el = document.createElement('civic-service-locator');
      el.setAttribute('lang', lang);
      el.setAttribute('src', server.slow('points.geojson'));
      document.body.append(el);
      await waitUntil(() => shadow(el).querySelector('.loading'), 'no loading message');
      cleanups.push(async () => {
        el.remove();
        await server.release();
      });
      return el;
    },
  ],
  ['list by subdistrict', (lang) => renderLocator({ lang, 'holidays-src': holidaysUrl })],
  [
    'list by distance, within a walk',
    async (lang) => {
      await executeServerCommand('set-geolocation', { latitude: 31.193, longitude: 121.437 });
      const el = await renderLocator({ lang });
      await click(el, '#locate');
      await waitUntil(() => shadow(el).querySelector('#within-walk'), 'no position');
      await check(el, '#within-walk');
      return el;
    },
  ],
  [
    'location denied',
    async (lang) => {
      await executeServerCommand('set-geolocation', { deny: true });
      const el = await renderLocator({ lang });
      await click(el, '#locate');
      await waitUntil(() => textOf(el, '.locate .error-message'), 'no refusal message');
      return el;
    },
  ],
  [
    'no results',
    async (lang) => {
      const el = await renderLocator({ lang });
      await typeSearch(el, 'nowhere at all');
      return el;
    },
  ],
  ['a holiday', (lang) => renderLocator({ lang, 'holidays-src': holidaysUrl }).then(async (el) => (await settled(el), el))],
  ['bad data', (lang) => renderLocator({ lang, src: fixtureUrl('bad-features.geojson') })],
  ['unusable data', (lang) => renderLocator({ lang, src: fixtureUrl('broken.json') })],
  ['not configured', (lang) => renderLocator({ lang, src: false })],
  ['care mode', (lang) => renderLocator({ lang, 'care-mode': true })],
];

describe('<civic-service-locator> accessibility (axe)', () => {
  captureConsole();
  const setClock = useClock();
  beforeEach(() => setClock('2026-10-01T10:00:00+08:00'));
  afterEach(async () => {
    for (const cleanup of cleanups) await cleanup();
    cleanups = [];
  });

  it('axe sees inside the widget (a planted image without alt fails)', async () => {
    const el = await renderLocator();
    shadow(el).querySelector('.points li')!.append(document.createElement('img'));
    await expect(el).not.to.be.accessible();
  });

  for (const lang of ['en', 'zh-Hans']) {
    for (const [name, reach] of states) {
      it(`${name} (${lang}) has no axe violations`, async () => {
        const el = await reach(lang);
        await expect(el).to.be.accessible();
      });
    }
  }
});

describe('<civic-service-locator> in Chinese', () => {
  const setClock = useClock();

  it('speaks zh-Hans: states, distances, holiday names and counts', async () => {
    setClock('2026-10-01T10:00:00+08:00');
    const el = await renderLocator({ lang: 'zh-Hans', 'holidays-src': holidaysUrl, 'page-size': 20 });
    await settled(el);
    const centre = [...shadow(el).querySelectorAll('.points > li')].find((item) => item.textContent?.includes('徐家汇街道社区事务受理服务中心'))!;
    expect(centre.querySelector('.state')?.textContent?.trim()).to.match(/^今天休息：国庆节。10月8日星期四 08:30 开门$/);
    expect(centre.querySelector('.kind')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('社区事务受理服务中心 · 徐家汇街道');
    expect(textOf(el, '.list-status')).to.equal('显示 7 个，共 7 个服务点');
    expect(textOf(el, 'label[for="search"]')).to.equal('按名称、地址或服务搜索');
  });

  it('speaks zh-Hant, with Traditional characters and the data’s zh-Hant names', async () => {
    setClock('2026-03-10T11:10:00+08:00');
    const el = await renderLocator({ lang: 'zh-Hant', 'page-size': 20 });
    const centre = [...shadow(el).querySelectorAll('.points > li')].find((item) => item.textContent?.includes('徐家匯街道社區事務受理服務中心'))!;
    expect(centre.querySelector('.state')?.textContent?.trim()).to.equal('20分鐘後關門');
    expect(textOf(el, '#locate')).to.equal('使用我的位置');
  });
});
