import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { CivicElement, defineCivicElement, registerCatalog } from '@civic-widgets/core';

registerCatalog('zh-Hans', { 'test.hello': '您好', 'test.pressed': '已按下' });
registerCatalog('zh-Hant', { 'test.hello': '您好（繁）', 'test.pressed': '已按下（繁）' });

/** A widget that renders one string and composes another outside its render, as announcements are. */
class LocaleWidget extends CivicElement {
  static readonly version = '0.0.0-test';
  private note = '';

  override render() {
    return html`<div lang=${this.locale}>
      <p>${msg('Hello', { id: 'test.hello' })}</p>
      <button @click=${this.press}>${this.note || '…'}</button>
    </div>`;
  }

  private press(): void {
    this.note = msg('Pressed', { id: 'test.pressed' });
    this.requestUpdate();
  }
}

const tag = `test-locale-${crypto.randomUUID()}`;
defineCivicElement(tag, LocaleWidget);

const text = (element: Element) => element.shadowRoot!.querySelector('p')!.textContent;
const innerLang = (element: Element) => element.shadowRoot!.querySelector('div')!.getAttribute('lang');

async function page(markup: string): Promise<LocaleWidget[]> {
  const parent = await fixture<HTMLElement>(html`<div></div>`);
  parent.innerHTML = markup.replaceAll('w-', `${tag}`);
  const widgets = [...parent.querySelectorAll<LocaleWidget>(tag)];
  await Promise.all(widgets.map((widget) => widget.updateComplete));
  return widgets;
}

describe('a locale per widget', () => {
  it('two widgets with different lang on one page each speak their own', async () => {
    const [hans, hant, english] = await page('<w- lang="zh-CN"></w-><w- lang="zh-TW"></w-><w- lang="en"></w->');
    await waitUntil(() => text(hans) === '您好' && text(hant) === '您好（繁）' && text(english) === 'Hello', 'a widget took another one’s language');
    expect([innerLang(hans), innerLang(hant), innerLang(english)]).to.deep.equal(['zh-Hans', 'zh-Hant', 'en']);

    // Rendering one again does not change the other.
    hant.setAttribute('lang', 'zh-HK');
    hans.requestUpdate();
    await Promise.all([hans.updateComplete, hant.updateComplete]);
    expect(text(hans)).to.equal('您好');
    expect(text(hant)).to.equal('您好（繁）');
  });

  it('a string composed in an event handler speaks the language of the widget the citizen used', async () => {
    const [hans, hant] = await page('<w- lang="zh-CN"></w-><w- lang="zh-TW"></w->');
    for (const [widget, expected] of [[hant, '已按下（繁）'], [hans, '已按下']] as const) {
      const button = widget.shadowRoot!.querySelector('button')!;
      button.focus();
      button.click();
      await widget.updateComplete;
      expect(button.textContent).to.equal(expected);
    }
  });

  it('renders in English while a catalog is slow to arrive, then again in its language', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    registerCatalog('zh-Hans', () => arrived.then(() => ({ templates: { 'test.late': '迟到' } })));
    const [widget] = await page('<w- lang="zh-CN"></w->');
    await waitUntil(() => text(widget) === 'Hello', 'nothing was shown while the catalog was on its way', { timeout: 8000 });
    expect(innerLang(widget)).to.equal('en');
    arrive();
    await waitUntil(() => text(widget) === '您好', 'did not re-render when the catalog arrived');
    expect(innerLang(widget)).to.equal('zh-Hans');
  });

  it('a catalog that fails leaves the widget in English with one console error', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      registerCatalog('zh-Hant', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
      const [first, second] = await page('<w- lang="zh-TW"></w-><w- lang="zh-HK"></w->');
      await waitUntil(() => text(first) === 'Hello' && text(second) === 'Hello', 'the widgets did not fall back to English');
      expect(innerLang(first)).to.equal('en');
      first.requestUpdate();
      await first.updateComplete;
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(String(errors[0][0])).to.include('zh-Hant texts not loaded');
  });
});
