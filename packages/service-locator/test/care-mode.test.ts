import { expect, waitUntil } from '@open-wc/testing';
import { careModeAttribute } from '@civic-widgets/core';
import { executeServerCommand } from '@web/test-runner-commands';
import { bindBooleanLikeFrameworks, followsBinding } from '../../core/test/helpers/host-page.js';
import { click, renderLocator, shadow, useClock, type Locator } from './helpers/locator.js';

// Targets big enough to hit (44 px; in care mode, 适老化, 48 px) and, in care
// mode, text of at least 18 px with a line height of at least 1.5, in every part.

const targets: Array<[string, string]> = [
  ['"Use my location" / "Stop using"', '.locate button'],
  ['search', '#search'],
  ['subdistrict', '#subdistrict'],
  ['kind checkboxes', '.kinds label'],
  ['open now and walking distance', 'label.choice'],
  ['links', '.actions a'],
  ['show more', 'button.more'],
];

function smallestHeight(el: Locator, selector: string): number {
  const boxes = [...shadow(el).querySelectorAll(selector)].map((node) => node.getBoundingClientRect().height);
  if (boxes.length === 0) throw new Error(`nothing matches ${selector}`);
  return Math.min(...boxes);
}

function smallestText(el: Locator): { size: number; lineHeight: number; where: string } {
  let result = { size: Infinity, lineHeight: Infinity, where: '' };
  for (const node of shadow(el).querySelectorAll('.root *')) {
    const ownText = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== '');
    if (!ownText || node.closest('.visually-hidden')) continue;
    const style = getComputedStyle(node);
    const size = parseFloat(style.fontSize);
    const lineHeight = parseFloat(style.lineHeight) / size;
    if (size < result.size || lineHeight < result.lineHeight) result = { size: Math.min(size, result.size), lineHeight: Math.min(lineHeight, result.lineHeight), where: `${node.localName}.${[...node.classList].join('.')}` };
  }
  return result;
}

async function located(attrs: Record<string, string | boolean>): Promise<Locator> {
  await executeServerCommand('set-geolocation', { latitude: 31.193, longitude: 121.437 });
  const el = await renderLocator({ 'page-size': 3, ...attrs });
  await click(el, '#locate');
  await waitUntil(() => shadow(el).querySelector('#within-walk'), 'no position');
  return el;
}

describe('<civic-service-locator> target sizes and care mode', () => {
  const setClock = useClock();
  beforeEach(() => setClock('2026-03-10T10:00:00+08:00'));
  afterEach(() => document.documentElement.removeAttribute(careModeAttribute));

  it('every target is at least 44 px high', async () => {
    const el = await located({});
    for (const [name, selector] of targets) expect(smallestHeight(el, selector), name).to.be.at.least(44);
  });

  for (const [how, attrs] of [
    ['care-mode', { 'care-mode': true }],
    ['<html data-civic-care-mode>', {}],
  ] as const) {
    it(`in care mode (${how}) targets are at least 48 px and text at least 18 px with a line height of at least 1.5`, async () => {
      if (how.startsWith('<html')) document.documentElement.setAttribute(careModeAttribute, '');
      const el = await located(attrs);
      expect(shadow(el).querySelector('.root.care')).not.to.equal(null);
      for (const [name, selector] of targets) expect(smallestHeight(el, selector), name).to.be.at.least(48);
      const text = smallestText(el);
      expect(text.size, text.where).to.be.at.least(18);
      expect(text.lineHeight, text.where).to.be.at.least(1.5);
    });
  }

  it('reads care-mode as a framework binds it: "false" off, "true" on, removed off', async () => {
    const el = await renderLocator();
    const careOn = () => Boolean(shadow(el).querySelector('.root.care'));
    expect(await bindBooleanLikeFrameworks(el, 'care-mode', careOn)).to.deep.equal(followsBinding);
  });
});
