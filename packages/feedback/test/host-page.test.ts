import { expect, waitUntil } from '@open-wc/testing';
import { afterFirstRenderingTask } from '@civic-widgets/core';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { clickWithMouse, italicElements, targetHeights, backgroundBehind, contrastRatio, useDarkHostPage, captureWidgetErrors, headingOutline, hostWithHeadings, px, readerDefaultSize, setRootFontSize, setUpByScript, bindBooleanLikeFrameworks, followsBinding } from '../../core/test/helpers/host-page.js';
import { newEndpoint } from './helpers/open311.js';
import { choose, fill, loaded, query, renderFeedback, submit, waitForShadow } from './helpers/widget.js';

// <civic-feedback> on the host pages districts really have: old CMS themes,
// frameworks that bind attributes, dark schemes, headings of their own.

describe('<civic-feedback> on a host page', () => {
  describe('a root font size of 62.5% (or Bootstrap 3 10px)', () => {
    let undo: () => void;
    beforeEach(() => (undo = setRootFontSize('62.5%')));
    afterEach(() => undo());

    it('keeps the reader’s default text size and a readable width', async () => {
      const el = await renderFeedback();
      const medium = readerDefaultSize();
      expect(px(query(el, '.root'), 'fontSize')).to.equal(medium);
      expect(px(query(el, '.root'), 'maxWidth')).to.equal(40 * medium);
      expect(px(query(el, '#form-heading'), 'fontSize')).to.equal(1.5 * medium);
      expect(px(query(el, 'textarea'), 'fontSize')).to.equal(medium);
    });

    it('still follows --civic-font-size, and care mode enlarges from it', async () => {
      const el = await renderFeedback({ style: '--civic-font-size: 20px' });
      expect(px(query(el, '.root'), 'fontSize')).to.equal(20);
      el.careMode = true;
      await el.updateComplete;
      expect(px(query(el, '.root'), 'fontSize')).to.equal(25);
    });

    it('in care mode sets text at 1.25 times the reader’s size', async () => {
      const el = await renderFeedback({ 'care-mode': true });
      expect(px(query(el, '.root'), 'fontSize')).to.equal(Math.max(18, 1.25 * readerDefaultSize()));
    });
  });

  it('reads care-mode as a framework binds it: "false" off, "true" on, removed off', async () => {
    const el = await renderFeedback();
    const careOn = () => query(el, '.root').classList.contains('care');
    expect(await bindBooleanLikeFrameworks(el, 'care-mode', careOn)).to.deep.equal(followsBinding);
  });

  describe('set up by script just after it is defined', () => {
    let errors: ReturnType<typeof captureWidgetErrors>;
    beforeEach(() => (errors = captureWidgetErrors('civic-feedback')));
    afterEach(() => errors.restore());

    it('an attribute set in a later task (jQuery ready, a framework mount) shows and logs no problem', async () => {
      const el = document.createElement('civic-feedback') as CivicFeedback;
      const problemsShown = await setUpByScript(el, () => el.setAttribute('endpoint', newEndpoint()));
      await afterFirstRenderingTask();
      await loaded(el);
      expect(problemsShown(), 'problem messages shown').to.equal(0);
      expect(errors.messages()).to.deep.equal([]);
    });

    it('a problem that persists is shown, with exactly one console error', async () => {
      const el = document.createElement('civic-feedback') as CivicFeedback;
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
    it('under the page’s <h1>: the form’s heading is an h2, its error summary an h3, and axe finds no heading-order problem', async () => {
      const { page, slot } = await hostWithHeadings('<h1>District</h1>');
      const el = await renderFeedback({ 'min-fill-time': '0' }, { parent: slot });
      await submit(el);
      expect(headingOutline(el.shadowRoot!)).to.deep.equal(['2 Report a problem or give feedback', '3 There is a problem']);
      await expect(page).to.be.accessible();
    });

    it('heading-level="3" inside a section with its own <h2>: the form’s heading is an h3, the inner ones h4', async () => {
      const { page, slot } = await hostWithHeadings('<h1>District</h1><h2>Send us a message</h2>');
      const el = await renderFeedback({ 'min-fill-time': '0', 'heading-level': '3' }, { parent: slot });
      await submit(el);
      expect(headingOutline(el.shadowRoot!)).to.deep.equal(['3 Report a problem or give feedback', '4 There is a problem']);
      await expect(page).to.be.accessible();
    });

    it('heading-level="6" keeps inner headings at h6', async () => {
      const el = await renderFeedback({ 'min-fill-time': '0', 'heading-level': '6' });
      await submit(el);
      expect(headingOutline(el.shadowRoot!)).to.deep.equal(['6 Report a problem or give feedback', '6 There is a problem']);
    });

    for (const value of ['7', '0', 'two', '2.5']) {
      it(`heading-level="${value}" falls back to 2, with one console error`, async () => {
        const errors = captureWidgetErrors('civic-feedback');
        try {
          const el = await renderFeedback({ 'heading-level': value });
          el.requestUpdate();
          await el.updateComplete;
          expect(headingOutline(el.shadowRoot!)).to.deep.equal(['2 Report a problem or give feedback']);
          expect(errors.messages()).to.have.length(1);
          expect(errors.messages()[0]).to.contain('heading-level must be a whole number from 1 to 6');
        } finally {
          errors.restore();
        }
      });
    }
  });

  describe('a dark host page', () => {
    let undo: () => void;
    beforeEach(() => (undo = useDarkHostPage()));
    afterEach(() => undo());

    it('draws its checkboxes and fields for its own light background', async () => {
      const el = await renderFeedback();
      expect(getComputedStyle(el).colorScheme).to.equal('light');
      expect(getComputedStyle(query(el, 'input[type="checkbox"]')).colorScheme).to.equal('light');
      expect(getComputedStyle(query(el, 'textarea')).colorScheme).to.equal('light');
    });

    it('keeps the district’s slotted notice readable (AA) on its background, whatever the page’s text colour', async () => {
      const el = await renderFeedback();
      const notice = document.createElement('p');
      notice.slot = 'notice';
      notice.textContent = '紧急情况请拨打 110。';
      el.append(notice);
      await el.updateComplete;
      expect(contrastRatio(getComputedStyle(notice).color, backgroundBehind(notice))).to.be.at.least(4.5);
      await expect(el).to.be.accessible();
    });
  });

  it('care mode: error-summary links and the privacy link are 48px tall targets', async () => {
    const el = await renderFeedback({ 'care-mode': true, 'min-fill-time': '0', 'privacy-url': '/privacy' });
    await fill(el, '#phone', '138 0000 0000');
    await submit(el);
    const summaryLinks = targetHeights(el.shadowRoot!, '.error-summary a');
    expect(summaryLinks.length).to.be.greaterThan(1);
    expect(Math.min(...summaryLinks)).to.be.at.least(48);
    expect(targetHeights(el.shadowRoot!, 'a[target="_blank"]')).to.have.length(1);
    expect(targetHeights(el.shadowRoot!, 'a[target="_blank"]')[0]).to.be.at.least(48);
  });

  it('the focus outline of the error summary does not come back when the citizen later clicks on its text', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await submit(el);
    const summary = query(el, '.error-summary');
    await waitUntil(() => el.shadowRoot!.activeElement === summary, 'the summary takes the focus');
    expect(getComputedStyle(summary).outlineStyle, 'outline while focused').to.equal('solid');
    await clickWithMouse(query(el, 'label[for="description"]'));
    await clickWithMouse(query(el, '.error-summary h3'));
    expect(el.shadowRoot!.activeElement === summary, 'the summary has the focus again').to.equal(false);
    expect(getComputedStyle(summary).outlineStyle).to.equal('none');
    // Sent again with the same mistakes: the summary takes the focus again.
    await submit(el);
    await waitUntil(() => el.shadowRoot!.activeElement === query(el, '.error-summary'), 'the summary takes the focus again on the next try');
  });

  it('sets no Chinese text in italics: not the server’s notice, not under a host’s italic style', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0', lang: 'zh-Hans', style: 'font-style: italic' });
    expect(italicElements(el.shadowRoot!)).to.deep.equal([]);
    await choose(el, 'pothole');
    await fill(el, '#description', '公交站旁有一个很深的坑。');
    await submit(el);
    await waitForShadow(el, '.outcome.sent .service-notice');
    expect(italicElements(el.shadowRoot!)).to.deep.equal([]);
  });
});
