import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { newEndpoint } from './helpers/open311.js';
import {
  choose,
  chooseFiles,
  fill,
  query,
  renderFeedback,
  shadow,
  submit,
  waitForShadow,
} from './helpers/widget.js';
import type { CivicFeedback } from '../src/civic-feedback.js';

/** The seed's service_notice, the district's own words for every accepted report. */
const serviceNotice = 'We aim to respond within 3 working days.';

const heading = {
  en: 'Report a problem or give feedback',
  'zh-Hans': '反映问题或提出意见',
  'zh-Hant': '反映問題或提出意見',
} as const;

const title = (el: CivicFeedback) => query(el, 'form h2').textContent!.trim();

/** English UI strings of the widget that must never show on a Chinese page. */
const englishStrings = [
  'Report a problem or give feedback',
  'Already sent something? Check its progress',
  'What is your message about?',
  'Choose a category',
  'Describe the problem, question or suggestion',
  'Say what happened, where and since when',
  'characters remaining',
  'characters too many',
  'Where is it?',
  'Address or place',
  'For example: 88 Huaihai Road',
  'Use my current location',
  'Your browser will ask for permission',
  'Photos (optional)',
  'They are made smaller on your device',
  'Your contact details (optional)',
  'Give a phone number or email address',
  'Send without my name and contact details',
  'Name',
  'Phone number',
  'Email address',
  'I agree that the district uses',
  'Leave this field empty',
  'Send',
  '(optional)',
  'There is a problem',
  'Error:',
  'Choose what your message is about',
  'Enter a phone number',
  'Enter an email address',
  'Agree to the use of your details',
  'Answer "',
  'must be a number',
  'Thank you: your message has been received',
  'Your tracking number is',
  'Keep the tracking number',
  'Check progress',
  'Send another message',
  'Sending your message…',
];

/** What the server sends is the district's own text, in whatever language it wrote it (read in `before`). */
let serverText: string[] = [];

async function readServerText(): Promise<string[]> {
  const endpoint = newEndpoint();
  const get = async (path: string) => (await fetch(`${endpoint}/${path}`)).json() as Promise<unknown>;
  const services = (await get('services.json')) as Array<{ service_code: string; service_name: string; description: string; metadata: boolean }>;
  const texts = services.flatMap((service) => [service.service_name, service.description]);
  for (const service of services.filter((item) => item.metadata)) {
    const definition = (await get(`services/${service.service_code}.json`)) as {
      attributes: Array<{ description: string; values?: Array<{ name: string }> }>;
    };
    for (const attribute of definition.attributes) texts.push(attribute.description, ...(attribute.values ?? []).map((value) => value.name));
  }
  return [serviceNotice, ...texts].sort((a, b) => b.length - a.length);
}

/** Every text node, aria-label, title, placeholder and alt text in the shadow root. */
function uiTexts(el: CivicFeedback): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.parentElement?.closest('style')) continue;
      texts.push(node.textContent!);
    } else {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'label']) {
        const value = (node as Element).getAttribute(name);
        if (value) texts.push(value);
      }
    }
  }
  return texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function expectNoEnglish(el: CivicFeedback, where: string): void {
  const texts = uiTexts(el);
  expect(texts.length, `${where}: texts found`).to.be.above(5);
  for (const text of texts) {
    for (const english of englishStrings) {
      const found = english.length <= 5 ? text === english : text.includes(english);
      expect(found, `${where}: "${text}" is English UI text`).to.equal(false);
    }
    // Beyond the list: once the district's own data is taken out, no English words remain.
    let rest = text;
    for (const data of serverText) rest = rest.split(data).join(' ');
    rest = rest.replace(/\S+@\S+\.\w+/g, ' '); // an example address, like name@example.com
    expect(rest, `${where}: "${text}"`).not.to.match(/\b(?!SR\b)[A-Za-z]{3,}\b/);
  }
}

describe('<civic-feedback> language', () => {
  const root = document.documentElement;
  let originalLang: string | null;
  before(async () => {
    serverText = await readServerText();
  });
  beforeEach(() => {
    originalLang = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
  });
  afterEach(() => {
    if (originalLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', originalLang);
  });

  it('speaks English on an English page', async () => {
    const el = await renderFeedback();
    expect(title(el)).to.equal(heading.en);
    expect(query(el, '.root').getAttribute('lang')).to.equal('en');
  });

  it('lang="zh-Hans" on the widget gives Simplified Chinese, and marks its content as such', async () => {
    const el = await renderFeedback({ lang: 'zh-Hans' });
    expect(title(el)).to.equal(heading['zh-Hans']);
    expect(query(el, 'form button.primary').textContent!.trim()).to.equal('提交');
    expect(query(el, '.root').getAttribute('lang')).to.equal('zh-Hans');
  });

  it('follows lang on an ancestor', async () => {
    const parent = await fixture<HTMLDivElement>(html`<section lang="zh-CN"><div></div></section>`);
    const el = await renderFeedback({}, { parent: parent.querySelector('div')! });
    expect(title(el)).to.equal(heading['zh-Hans']);
  });

  it('follows lang on an ancestor across a shadow root (zh-TW → Traditional)', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="zh-TW"><div class="host"></div></div>`);
    const inner = document.createElement('div');
    outer.querySelector('.host')!.attachShadow({ mode: 'open' }).append(inner);
    const el = await renderFeedback({}, { parent: inner });
    expect(title(el)).to.equal(heading['zh-Hant']);
    expect(query(el, '.root').getAttribute('lang')).to.equal('zh-Hant');
  });

  it('follows <html lang="zh-CN">', async () => {
    root.setAttribute('lang', 'zh-CN');
    const el = await renderFeedback();
    expect(title(el)).to.equal(heading['zh-Hans']);
  });

  it('zh-HK gives Traditional Chinese', async () => {
    const el = await renderFeedback({ lang: 'zh-HK' });
    expect(title(el)).to.equal(heading['zh-Hant']);
  });

  it('a language it does not have (fr) falls back to English', async () => {
    root.setAttribute('lang', 'zh-CN');
    const el = await renderFeedback({ lang: 'fr' });
    expect(title(el)).to.equal(heading.en);
  });

  it('re-renders when lang changes at run time, keeping what was typed', async () => {
    const el = await renderFeedback({ lang: 'en' });
    await fill(el, '#description', 'Street light out');
    el.setAttribute('lang', 'zh-Hans');
    await waitUntil(() => title(el) === heading['zh-Hans'], 'did not switch to zh-Hans');
    el.lang = 'zh-Hant';
    await waitUntil(() => title(el) === heading['zh-Hant'], 'did not switch to zh-Hant');
    el.setAttribute('lang', 'en');
    await waitUntil(() => title(el) === heading.en, 'did not switch back to English');
    expect(query<HTMLTextAreaElement>(el, '#description').value).to.equal('Street light out');
  });

  it('follows a run-time change of <html lang>', async () => {
    const el = await renderFeedback();
    expect(title(el)).to.equal(heading.en);
    root.setAttribute('lang', 'zh-HK');
    await waitUntil(() => title(el) === heading['zh-Hant'], 'did not follow <html lang>');
  });

  for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
    it(`shows no English UI text on a ${lang} page: empty form, errors and success`, async () => {
      const el = await renderFeedback({ lang, 'min-fill-time': '0' });
      expect(title(el)).to.equal(heading[lang]);
      expectNoEnglish(el, 'empty form');

      await choose(el, 'noise');
      await fill(el, '#attribute-4-number', 'abc');
      await fill(el, '#phone', 'abc');
      await fill(el, '#email', 'x@');
      await submit(el);
      await waitForShadow(el, '.error-summary');
      expectNoEnglish(el, 'error summary');

      await choose(el, 'pothole');
      await fill(el, '#description', '路面有个大坑');
      await fill(el, '#phone', '138 0000 0000');
      await fill(el, '#email', 'li@example.com');
      query(el, '#consent').click();
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      expectNoEnglish(el, 'success view');
    });
  }
});

describe('<civic-feedback> language fixes', () => {
  const root = document.documentElement;
  let originalLang: string | null;
  beforeEach(() => {
    originalLang = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
  });
  afterEach(() => {
    if (originalLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', originalLang);
  });

  function addNotice(el: CivicFeedback, text: string): HTMLElement {
    const notice = document.createElement('p');
    notice.slot = 'notice';
    notice.textContent = text;
    el.append(notice);
    return notice;
  }

  it('the widget gets no lang attribute of its own, so a slotted notice keeps the page’s language', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="zh-Hans"></div>`);
    const el = await renderFeedback({}, { parent: page });
    const notice = addNotice(el, '紧急情况请拨打 110。');
    await el.updateComplete;
    expect(el.hasAttribute('lang'), 'lang attribute on <civic-feedback>').to.equal(false);
    expect(notice.assignedSlot?.name).to.equal('notice');
    expect(notice.matches(':lang(zh-Hans)'), 'the notice is in zh-Hans').to.equal(true);
    expect(query(el, '.root').getAttribute('lang')).to.equal('zh-Hans');
    expect(title(el)).to.equal(heading['zh-Hans']);

    // Re-rendering (a language change of the page) adds none either.
    page.setAttribute('lang', 'zh-TW');
    el.requestUpdate();
    await waitUntil(() => title(el) === heading['zh-Hant'], 'did not follow the page to zh-Hant');
    expect(el.hasAttribute('lang'), 'lang attribute on <civic-feedback>').to.equal(false);
    expect(notice.matches(':lang(zh-TW)'), 'the notice is in the page’s zh-TW').to.equal(true);
  });

  it('a lang the author sets stays as the author wrote it', async () => {
    const el = await renderFeedback({ lang: 'zh-HK' });
    const notice = addNotice(el, '緊急情況請致電 999。');
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('zh-HK');
    expect(notice.matches(':lang(zh-HK)'), 'the notice is in zh-HK').to.equal(true);
  });

  it('marks an optional question "（选填）" in Simplified Chinese, with no space before the full-width bracket', async () => {
    const el = await renderFeedback({ lang: 'zh-Hans' });
    await choose(el, 'noise');
    const label = (selector: string) => query(el, selector).textContent!.replace(/\s+/g, ' ').trim();
    expect(label('label[for="attribute-3-string"]')).to.equal('Name of the site or shop, if known（选填）');
    expect(label('fieldset:has(#attribute-6-multivaluelist) > legend')).to.equal('When does it happen?（选填）');
    // A required question has no mark.
    expect(label('label[for="attribute-4-number"]')).to.equal('Which floor do you live on?');
  });

  for (const [lang, message] of [
    ['en', (names: string) => `${names} could not be read as a photo. Choose a JPEG, PNG or WebP image.`],
    ['zh-Hans', (names: string) => `无法读取照片 ${names}。请选择 JPEG、PNG 或 WebP 格式的图片。`],
  ] as const) {
    it(`joins the names of files that are not photos with the list format of ${lang}`, async () => {
      const el = await renderFeedback({ lang });
      chooseFiles(el, [new File(['minutes'], 'a.txt', { type: 'text/plain' }), new File(['budget'], 'b.txt', { type: 'text/plain' })]);
      const problem = () => (shadow(el).querySelector('#photos-error')?.textContent ?? '').replace(/\s+/g, ' ').trim();
      await waitUntil(() => problem() !== '', 'no message about the files', { timeout: 5000 });
      const names = new Intl.ListFormat(lang, { type: 'conjunction' }).format(['a.txt', 'b.txt']);
      expect(problem()).to.include(message(names));
      expect(problem()).not.to.include('a.txt, b.txt');
    });
  }

  it('counts characters with the number format of the language (en: 4,000)', async () => {
    const el = await renderFeedback({ lang: 'en' });
    const count = () => query(el, '#description-count').textContent!.trim();
    expect(count()).to.equal(`You have ${new Intl.NumberFormat('en').format(4000)} characters remaining`);
    expect(count()).to.equal('You have 4,000 characters remaining');
    await fill(el, '#description', 'Bins not emptied');
    expect(count()).to.equal('You have 3,984 characters remaining');
    await fill(el, '#description', 'x'.repeat(5002));
    expect(count()).to.equal('You have 1,002 characters too many');
  });
});

describe('<civic-feedback> care mode', () => {
  const root = document.documentElement;
  afterEach(() => root.removeAttribute('data-civic-care-mode'));

  const px = (value: string) => Number.parseFloat(value);

  /** Every button and text control a person can reach (the bot trap is not one), and the photo picker's face. */
  function targets(el: CivicFeedback): HTMLElement[] {
    return [
      ...shadow(el).querySelectorAll<HTMLElement>(
        'button, input[type="text"], input[type="tel"], input[type="email"], input[type="datetime-local"], select, textarea',
      ),
    ].filter((element) => element.id !== 'website');
  }

  async function expectCare(el: CivicFeedback): Promise<void> {
    await choose(el, 'noise');
    for (const selector of ['form', 'label[for="description"]', '#description-hint', '#description', 'form button.primary']) {
      expect(px(getComputedStyle(query(el, selector)).fontSize), `font-size of ${selector}`).to.be.at.least(18);
    }
    const all = targets(el);
    expect(all.length).to.be.at.least(12);
    for (const target of all) {
      expect(target.getBoundingClientRect().height, `height of ${target.localName}#${target.id || target.textContent!.trim()}`).to.be.at.least(48);
    }
  }

  it('the care-mode attribute gives text of at least 18px and targets of at least 48px', async () => {
    const el = await renderFeedback({ 'care-mode': true });
    await expectCare(el);
  });

  it('data-civic-care-mode on <html> does the same', async () => {
    root.setAttribute('data-civic-care-mode', '');
    const el = await renderFeedback();
    await expectCare(el);
  });

  it('turns on when <html> gets data-civic-care-mode after the widget is shown', async () => {
    const el = await renderFeedback();
    expect(px(getComputedStyle(query(el, 'form')).fontSize)).to.be.below(18);
    root.setAttribute('data-civic-care-mode', '');
    await waitUntil(() => px(getComputedStyle(query(el, 'form')).fontSize) >= 18, 'care mode did not follow <html>');
  });

  it('without care mode every button and text control is still at least 44px high', async () => {
    const el = await renderFeedback();
    await choose(el, 'noise');
    expect(px(getComputedStyle(query(el, 'form')).fontSize)).to.be.below(18);
    for (const target of targets(el)) {
      expect(target.getBoundingClientRect().height, `height of ${target.localName}#${target.id || target.textContent!.trim()}`).to.be.at.least(44);
    }
  });
});
