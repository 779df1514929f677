import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { msg } from '@lit/localize';
// Imported by package name on purpose: proves the 'source' export condition
// resolves workspace packages to their TypeScript sources, as widget tests need.
import { CivicElement, careModeAttribute, defineCivicElement, registerCatalog } from '@civic-widgets/core';

registerCatalog('zh-Hans', { 'test.greeting': '您好' });
registerCatalog('zh-Hant', { 'test.greeting': '您好（繁）' });

class TestWidget extends CivicElement {
  static readonly version = '0.0.0-test';

  // Public windows onto the protected API that real widgets use.
  get shownLocale() {
    return this.locale;
  }
  get careOn() {
    return this.careModeActive;
  }

  override render() {
    return html`<p>${msg('Hello', { id: 'test.greeting' })}</p>`;
  }
}

const tag = `test-civic-${crypto.randomUUID()}`;
defineCivicElement(tag, TestWidget);

async function widget(): Promise<TestWidget> {
  const element = document.createElement(tag) as TestWidget;
  const parent = await fixture(html`<div></div>`);
  parent.append(element);
  await element.updateComplete;
  return element;
}

const text = (element: TestWidget) => element.shadowRoot!.querySelector('p')!.textContent;

describe('CivicElement', () => {
  const root = document.documentElement;
  let originalLang: string | null;
  beforeEach(() => {
    originalLang = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
  });
  afterEach(() => {
    root.removeAttribute(careModeAttribute);
    if (originalLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', originalLang);
  });

  it('turns care mode on by its own attribute', async () => {
    const element = await widget();
    expect(element.careOn).to.equal(false);
    element.setAttribute('care-mode', '');
    expect(element.careMode).to.equal(true);
    expect(element.careOn).to.equal(true);
    element.careMode = false;
    await element.updateComplete;
    expect(element.hasAttribute('care-mode')).to.equal(false);
    expect(element.careOn).to.equal(false);
  });

  it('follows data-civic-care-mode on <html>', async () => {
    const element = await widget();
    root.setAttribute(careModeAttribute, '');
    await waitUntil(() => element.careOn, 'care mode did not follow <html>');
    root.setAttribute(careModeAttribute, 'false');
    await waitUntil(() => !element.careOn, 'care mode stayed on for "false"');
  });

  it('speaks the language of <html lang="zh-CN"> from its first render', async () => {
    root.setAttribute('lang', 'zh-CN');
    const element = await widget();
    expect(element.shownLocale).to.equal('zh-Hans');
    expect(text(element)).to.equal('您好');
  });

  it('switches language when <html lang> changes', async () => {
    const element = await widget();
    expect(element.shownLocale).to.equal('en');
    expect(text(element)).to.equal('Hello');
    root.setAttribute('lang', 'zh-TW');
    await waitUntil(() => text(element) === '您好（繁）', 'did not switch to zh-Hant');
    expect(element.shownLocale).to.equal('zh-Hant');
  });

  it('its own lang attribute overrides the page', async () => {
    root.setAttribute('lang', 'zh-CN');
    const element = await widget();
    expect(text(element)).to.equal('您好');
    element.setAttribute('lang', 'en');
    await waitUntil(() => text(element) === 'Hello', 'own lang was ignored');
    expect(element.shownLocale).to.equal('en');
  });
  it('gets no lang attribute unless the author sets one (an empty lang would mark slotted content as of unknown language)', async () => {
    const element = await widget();
    expect(element.hasAttribute('lang')).to.equal(false);
    root.setAttribute('lang', 'zh-CN');
    await waitUntil(() => text(element) === '您好', 'did not follow <html lang>');
    expect(element.hasAttribute('lang')).to.equal(false);

    element.setAttribute('lang', 'zh-TW');
    await waitUntil(() => text(element) === '您好（繁）', 'own lang was ignored');
    expect(element.getAttribute('lang')).to.equal('zh-TW');
  });
});

describe('booleanAttribute', () => {
  it('reads a present attribute as on, except "false" in any case', async () => {
    const { booleanAttribute } = await import('@civic-widgets/core');
    const read = (value: string | null) => booleanAttribute.fromAttribute!(value, Boolean);
    expect([read(''), read('true'), read('care-mode'), read('0')]).to.deep.equal([true, true, true, true]);
    expect([read(null), read('false'), read('False'), read(' false ')]).to.deep.equal([false, false, false, false]);
    expect([booleanAttribute.toAttribute!(true, Boolean), booleanAttribute.toAttribute!(false, Boolean)]).to.deep.equal(['', null]);
  });
});

describe('topHeading and innerHeading', () => {
  it('render real h1–h6 elements, inner ones one below the top and never past h6', async () => {
    const { headingLevels, innerHeading, topHeading } = await import('@civic-widgets/core');
    const { render } = await import('lit');
    const container = document.createElement('div');
    const levels = [1, 2, 5, 6, 7, 0, 2.5].map((level) => {
      render(html`${topHeading(headingLevels(level), 'Top', { id: 'top' })}${innerHeading(headingLevels(level), 'Inner')}`, container);
      return [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => heading.localName).join(' ');
    });
    expect(levels).to.deep.equal(['h1 h2', 'h2 h3', 'h5 h6', 'h6 h6', 'h2 h3', 'h2 h3', 'h2 h3']);
    expect(container.querySelector('#top')?.className.trim()).to.equal('top-heading');
  });
});

describe('a widget rendered by a framework before its tag is defined', () => {
  /** A widget whose tag gets these attributes and its place in the page first, and its definition after. */
  async function definedAfterRendering(attributes: Record<string, string>, properties: Record<string, unknown> = {}): Promise<TestWidget> {
    const lateTag = `test-civic-late-${crypto.randomUUID()}`;
    const element = document.createElement(lateTag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    Object.assign(element, properties);
    (await fixture(html`<div></div>`)).append(element);
    defineCivicElement(lateTag, class extends TestWidget {});
    const widget = element as TestWidget;
    await widget.updateComplete;
    return widget;
  }

  // React 19 sets properties only on an element that has them; before the tag is
  // defined it writes each prop as an attribute of the prop's name, lower-cased.
  it('takes attributes named as its properties (headinglevel, caremode) once defined, converted as their own attributes', async () => {
    const widget = await definedAfterRendering({ headingLevel: '3', careMode: '' });
    expect(widget.headingLevel).to.equal(3);
    expect(widget.careMode).to.equal(true);
  });

  // Angular, Solid and scripts set properties whether or not the tag is defined: Lit takes them over at the upgrade.
  it('takes properties set on its element before it was defined, typed as they were set', async () => {
    const widget = await definedAfterRendering({}, { headingLevel: 4, careMode: true, lang: 'zh-Hant' });
    expect(widget.headingLevel).to.equal(4);
    expect(widget.careMode).to.equal(true);
    expect(widget.shownLocale).to.equal('zh-Hant');
  });

  it('lets the widget’s own attribute win, and changes nothing once it has rendered', async () => {
    const widget = await definedAfterRendering({ headinglevel: '3', 'heading-level': '4' });
    expect(widget.headingLevel).to.equal(4);
    widget.headingLevel = 5;
    widget.remove();
    document.body.append(widget);
    await widget.updateComplete;
    expect(widget.headingLevel).to.equal(5);
    widget.remove();
  });
});
