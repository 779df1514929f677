import { expect, fixture, html } from '@open-wc/testing';
import { resolveLocale, toSupportedLocale } from '../src/index.js';

describe('toSupportedLocale', () => {
  const cases: Array<[string | null | undefined, string | undefined]> = [
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ];
  for (const [tag, expected] of cases) {
    it(`maps ${JSON.stringify(tag)} to ${String(expected)}`, () => {
      expect(toSupportedLocale(tag)).to.equal(expected);
    });
  }
});

describe('resolveLocale', () => {
  const html_ = document.documentElement;
  let originalLang: string | null;
  beforeEach(() => {
    originalLang = html_.getAttribute('lang');
  });
  afterEach(() => {
    if (originalLang === null) html_.removeAttribute('lang');
    else html_.setAttribute('lang', originalLang);
  });

  it("uses the element's own lang first", async () => {
    html_.setAttribute('lang', 'en');
    const element = await fixture(html`<div lang="en"><span lang="zh-TW"></span></div>`);
    expect(resolveLocale(element.querySelector('span')!)).to.equal('zh-Hant');
  });

  it('uses the closest [lang] ancestor, crossing a shadow root', async () => {
    html_.setAttribute('lang', 'en');
    const outer = await fixture(html`<div lang="en"><section lang="zh-HK"><div class="host"></div></section></div>`);
    const host = outer.querySelector('.host')!;
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLocale(inner)).to.equal('zh-Hant');
  });

  it('falls back to <html lang> and follows changes to it', async () => {
    const element = await fixture(html`<div><span></span></div>`);
    const span = element.querySelector('span')!;
    html_.setAttribute('lang', 'zh-CN');
    expect(resolveLocale(span)).to.equal('zh-Hans');
    html_.setAttribute('lang', 'zh-Hant-TW');
    expect(resolveLocale(span)).to.equal('zh-Hant');
    html_.setAttribute('lang', 'fr');
    expect(resolveLocale(span)).to.equal('en');
  });

  it('without any lang, picks a supported locale from the browser', async () => {
    html_.removeAttribute('lang');
    const element = await fixture(html`<div></div>`);
    expect(['en', 'zh-Hans', 'zh-Hant']).to.include(resolveLocale(element));
  });
});
