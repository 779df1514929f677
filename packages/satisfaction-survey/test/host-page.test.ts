import { expect, waitUntil } from '@open-wc/testing';
import { afterFirstRenderingTask } from '@civic-widgets/core';
import { clickWithMouse, italicElements, targetHeights, useDarkHostPage, captureWidgetErrors, headingOutline, hostWithHeadings, px, readerDefaultSize, setRootFontSize, setUpByScript, bindBooleanLikeFrameworks, followsBinding } from '../../core/test/helpers/host-page.js';
import { SurveyServer } from './helpers/survey-server.js';
import { chooseRating, click, has, query, rateAndSend, renderSurvey, submit, useCleanState, waitForShadow, type Survey } from './helpers/survey.js';

// <civic-satisfaction-survey> on the host pages districts really have: old CMS
// themes, frameworks that bind attributes, dark schemes, headings of their own.

describe('<civic-satisfaction-survey> on a host page', () => {
  useCleanState();

  describe('a root font size of 62.5% (or Bootstrap 3 10px)', () => {
    let undo: () => void;
    beforeEach(() => (undo = setRootFontSize('62.5%')));
    afterEach(() => undo());

    it('keeps the reader’s default text size and a readable width', async () => {
      const { el } = await renderSurvey();
      const medium = readerDefaultSize();
      expect(px(query(el, '.root'), 'fontSize')).to.equal(medium);
      expect(px(query(el, '.root'), 'maxWidth')).to.equal(40 * medium);
      expect(px(query(el, 'button.primary'), 'fontSize')).to.equal(medium);
    });

    it('opens the corner panel at its full width', async () => {
      const { el } = await renderSurvey({ display: 'button' });
      await click(el, '.trigger');
      expect(query(el, '.panel').getBoundingClientRect().width).to.equal(26 * readerDefaultSize());
    });

    it('still follows --civic-font-size, and care mode enlarges from it', async () => {
      const { el } = await renderSurvey({ style: '--civic-font-size: 20px' });
      expect(px(query(el, '.root'), 'fontSize')).to.equal(20);
      el.careMode = true;
      await el.updateComplete;
      expect(px(query(el, '.root'), 'fontSize')).to.equal(25);
    });
  });

  it('reads care-mode as a framework binds it: "false" off, "true" on, removed off', async () => {
    const { el } = await renderSurvey();
    const careOn = () => query(el, '.root').classList.contains('care');
    expect(await bindBooleanLikeFrameworks(el, 'care-mode', careOn)).to.deep.equal(followsBinding);
  });

  it('offers no call-back with callback="false", as Vue writes it, and does with "true"', async () => {
    const { el } = await renderSurvey({ callback: 'false' });
    await chooseRating(el, 1);
    expect(has(el, '#callback-wanted'), 'callback="false"').to.equal(false);
    el.setAttribute('callback', 'true');
    await el.updateComplete;
    expect(has(el, '#callback-wanted'), 'callback="true"').to.equal(true);
    el.removeAttribute('callback');
    await el.updateComplete;
    expect(has(el, '#callback-wanted'), 'no callback').to.equal(false);
  });

  describe('set up by script just after it is defined', () => {
    let errors: ReturnType<typeof captureWidgetErrors>;
    beforeEach(() => (errors = captureWidgetErrors('civic-satisfaction-survey')));
    afterEach(() => errors.restore());

    it('an attribute set in a later task (jQuery ready, a framework mount) shows and logs no problem', async () => {
      const el = document.createElement('civic-satisfaction-survey') as Survey;
      const problemsShown = await setUpByScript(el, () => el.setAttribute('endpoint', new SurveyServer().endpoint));
      await afterFirstRenderingTask();
      await waitForShadow(el, 'form');
      expect(problemsShown(), 'problem messages shown').to.equal(0);
      expect(errors.messages()).to.deep.equal([]);
    });

    it('a problem that persists is shown, with exactly one console error', async () => {
      const el = document.createElement('civic-satisfaction-survey') as Survey;
      const problemsShown = await setUpByScript(el, () => el.setAttribute('lang', 'en'));
      await afterFirstRenderingTask();
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.problem')?.getAttribute('role')).to.equal('alert');
      expect(problemsShown()).to.equal(1);
      expect(errors.messages()).to.have.length(1);
    });
  });

  describe('heading-level', () => {
    it('inline under the page’s <h1>: its error summary is an h2, and axe finds no heading-order problem', async () => {
      const { page, slot } = await hostWithHeadings('<h1>District</h1>');
      const { el } = await renderSurvey();
      slot.append(el);
      await submit(el);
      expect(headingOutline(el.shadowRoot!)).to.deep.equal(['2 There is a problem']);
      await expect(page).to.be.accessible();
    });

    it('in the corner panel: "Your rating" at heading-level, what is inside one below', async () => {
      const { el } = await renderSurvey({ display: 'button', 'heading-level': '3' });
      await click(el, '.trigger');
      await submit(el);
      expect(headingOutline(el.shadowRoot!)).to.deep.equal(['3 Your rating', '4 There is a problem']);
    });

    it('results and thanks at heading-level', async () => {
      const { el } = await renderSurvey({ 'heading-level': '4' });
      await rateAndSend(el, 5);
      expect(headingOutline(el.shadowRoot!)).to.deep.equal(['4 Thank you for your rating']);
      const results = await renderSurvey({ endpoint: null, mode: 'results', 'summary-src': new SurveyServer().summaryUrl('svc'), 'heading-level': '3' });
      expect(headingOutline(results.el.shadowRoot!)).to.deep.equal(['3 What people think of this service']);
    });

    it('heading-level="9" falls back to 2, with one console error', async () => {
      const errors = captureWidgetErrors('civic-satisfaction-survey');
      try {
        const { el } = await renderSurvey({ 'heading-level': '9' });
        await submit(el);
        expect(headingOutline(el.shadowRoot!)).to.deep.equal(['2 There is a problem']);
        expect(errors.messages()).to.have.length(1);
      } finally {
        errors.restore();
      }
    });
  });

  it('on a dark host page draws its radios for its own light background', async () => {
    const undo = useDarkHostPage();
    try {
      const { el } = await renderSurvey();
      expect(getComputedStyle(query(el, 'input[type="radio"]')).colorScheme).to.equal('light');
      await expect(el).to.be.accessible();
    } finally {
      undo();
    }
  });

  it('care mode: error-summary links are 48px tall targets', async () => {
    const { el } = await renderSurvey({ 'care-mode': true });
    await submit(el);
    const links = targetHeights(el.shadowRoot!, '.error-summary a');
    expect(links).to.have.length(1);
    expect(links[0]).to.be.at.least(48);
  });

  it('the focus outline of the error summary does not come back when the citizen later clicks on its text', async () => {
    const { el } = await renderSurvey();
    await submit(el);
    const summary = query(el, '.error-summary');
    await waitUntil(() => el.shadowRoot!.activeElement === summary, 'the summary takes the focus');
    await clickWithMouse(query(el, 'legend'));
    await clickWithMouse(query(el, '.error-summary h2'));
    expect(el.shadowRoot!.activeElement === summary, 'the summary has the focus again').to.equal(false);
    expect(getComputedStyle(summary).outlineStyle).to.equal('none');
  });

  it('sets no Chinese text in italics, even under a host’s italic style', async () => {
    const { el } = await renderSurvey({ lang: 'zh-Hans', style: 'font-style: italic' });
    expect(italicElements(el.shadowRoot!)).to.deep.equal([]);
  });
});
