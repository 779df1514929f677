import { expect, waitUntil } from '@open-wc/testing';
import { careModeAttribute } from '@civic-widgets/core';
import { chooseRating, click, query, renderSurvey, shadow, useCleanState, type Attrs, type Survey } from './helpers/survey.js';

// Targets big enough to hit (WCAG 2.5.5: 44 px) and, in care mode (适老化),
// at least 48 px with text of at least 18 px.

/** The smallest width and height among the elements matching `selector`, in CSS pixels. */
function smallest(el: Survey, selector: string): { width: number; height: number; count: number } {
  const boxes = [...shadow(el).querySelectorAll(selector)].map((node) => node.getBoundingClientRect());
  return {
    width: Math.min(...boxes.map((box) => box.width)),
    height: Math.min(...boxes.map((box) => box.height)),
    count: boxes.length,
  };
}

/** Renders a low rating with the call-back open, so every kind of target is on screen. */
async function everyTarget(attrs: Attrs): Promise<Survey> {
  const { el } = await renderSurvey({ callback: true, ...attrs });
  await chooseRating(el, attrs['scale'] === 'nps' ? 0 : 1);
  await click(el, '#callback-wanted');
  return el;
}

describe('<civic-satisfaction-survey> target sizes and care mode', () => {
  useCleanState();
  afterEach(() => document.documentElement.removeAttribute(careModeAttribute));

  for (const scale of ['five-level', 'nps'] as const) {
    it(`${scale}: each rating choice is at least 44 px high (and wide on a numeric scale)`, async () => {
      const el = await everyTarget({ scale });
      const options = smallest(el, '.option');
      expect(options.count).to.equal(scale === 'nps' ? 11 : 5);
      expect(options.height, 'option height').to.be.at.least(44);
      if (scale === 'nps') expect(options.width, 'option width').to.be.at.least(44);
      expect(smallest(el, '.choice').height, 'reasons and call-back checkboxes').to.be.at.least(44);
      expect(smallest(el, 'button').height, 'buttons').to.be.at.least(44);
      expect(smallest(el, 'input[type="text"], input[type="tel"]').height, 'text fields').to.be.at.least(44);
    });

    it(`${scale}: care-mode targets are at least 48 px and text at least 18 px`, async () => {
      const el = await everyTarget({ scale, 'care-mode': true });
      const options = smallest(el, '.option');
      expect(options.height, 'option height').to.be.at.least(48);
      if (scale === 'nps') expect(options.width, 'option width').to.be.at.least(48);
      expect(smallest(el, '.choice').height, 'checkboxes').to.be.at.least(48);
      expect(smallest(el, 'button').height, 'buttons').to.be.at.least(48);
      expect(parseFloat(getComputedStyle(query(el, '.option span')).fontSize), 'option text').to.be.at.least(18);
      expect(parseFloat(getComputedStyle(query(el, '.hint')).fontSize), 'hint text').to.be.at.least(18);
    });
  }

  it('a district can ask for larger targets than 44 px, and care mode never goes below 48 px', async () => {
    const { el } = await renderSurvey({});
    el.style.setProperty('--civic-target-size', '56px');
    await el.updateComplete;
    expect(smallest(el, '.option').height).to.be.at.least(56);
    el.style.setProperty('--civic-target-size', '40px');
    el.careMode = true;
    await el.updateComplete;
    expect(smallest(el, '.option').height).to.be.at.least(48);
  });

  it('care mode set page-wide on <html> enlarges a survey already on screen', async () => {
    const { el } = await renderSurvey({});
    expect(query(el, '.root').classList.contains('care')).to.equal(false);
    const before = smallest(el, '.option').height;
    document.documentElement.setAttribute(careModeAttribute, '');
    await waitUntil(() => query(el, '.root').classList.contains('care'), 'care mode did not reach the survey');
    expect(smallest(el, '.option').height).to.be.at.least(48);
    expect(smallest(el, '.option').height).to.be.above(before);
  });

  for (const lang of ['en', 'zh-Hans']) {
    it(`the panel’s Close button is a full-size target, also in care mode (${lang})`, async () => {
      const { el } = await renderSurvey({ display: 'button', lang });
      await click(el, '.trigger');
      const close = smallest(el, '.panel-header button');
      expect(close.count).to.equal(1);
      expect(`${close.width >= 44} × ${close.height >= 44}`, `${close.width} × ${close.height}`).to.equal('true × true');
      el.careMode = true;
      await el.updateComplete;
      const care = smallest(el, '.panel-header button');
      expect(`${care.width >= 48} × ${care.height >= 48}`, `${care.width} × ${care.height} in care mode`).to.equal('true × true');
      expect(smallest(el, '.actions button.link').width, '“No thanks” in care mode').to.be.at.least(48);
    });
  }

  it('the display="button" trigger is a full-size target, also in care mode', async () => {
    const { el } = await renderSurvey({ display: 'button' });
    expect(smallest(el, '.trigger').height).to.be.at.least(44);
    el.careMode = true;
    await el.updateComplete;
    expect(smallest(el, '.trigger').height).to.be.at.least(48);
  });
});
