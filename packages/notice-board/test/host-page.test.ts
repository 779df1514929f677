import { expect, waitUntil } from '@open-wc/testing';
import { afterFirstRenderingTask } from '@civic-widgets/core';
import { italicElements, targetHeights, useDarkHostPage, captureWidgetErrors, headingOutline, hostWithHeadings, px, readerDefaultSize, setRootFontSize, setUpByScript, bindBooleanLikeFrameworks, followsBinding } from '../../core/test/helpers/host-page.js';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import { listSettled, query, renderBoard, toggleNotice, useCleanState, type Board } from './helpers/board.js';

// <civic-notice-board> on the host pages districts really have: old CMS themes,
// frameworks that bind attributes, dark schemes, headings of their own.

describe('<civic-notice-board> on a host page', () => {
  useCleanState();

  describe('a root font size of 62.5% (or Bootstrap 3 10px)', () => {
    let undo: () => void;
    beforeEach(() => (undo = setRootFontSize('10px')));
    afterEach(() => undo());

    it('keeps the reader’s default text size and a readable width', async () => {
      const el = await renderBoard({ src: feedFile('notices.json') });
      const medium = readerDefaultSize();
      expect(px(query(el, '.root'), 'fontSize')).to.equal(medium);
      expect(px(query(el, '.root'), 'maxWidth')).to.equal(40 * medium);
      expect(px(query(el, '.notice-heading'), 'fontSize')).to.be.closeTo(1.1 * medium, 0.01);
    });

    it('still follows --civic-font-size, and care mode enlarges from it', async () => {
      const el = await renderBoard({ src: feedFile('notices.json'), style: '--civic-font-size: 20px' });
      expect(px(query(el, '.root'), 'fontSize')).to.equal(20);
      el.careMode = true;
      await el.updateComplete;
      expect(px(query(el, '.root'), 'fontSize')).to.equal(25);
    });
  });

  it('reads care-mode as a framework binds it: "false" off, "true" on, removed off', async () => {
    const el = await renderBoard({ src: feedFile('notices.json') });
    const careOn = () => query(el, '.root').classList.contains('care');
    expect(await bindBooleanLikeFrameworks(el, 'care-mode', careOn)).to.deep.equal(followsBinding);
  });

  describe('set up by script just after it is defined', () => {
    let errors: ReturnType<typeof captureWidgetErrors>;
    beforeEach(() => (errors = captureWidgetErrors('civic-notice-board')));
    afterEach(() => errors.restore());

    it('an attribute set in a later task (jQuery ready, a framework mount) shows and logs no problem', async () => {
      const el = document.createElement('civic-notice-board') as Board;
      const problemsShown = await setUpByScript(el, () => el.setAttribute('src', feedFile('notices.json')));
      await afterFirstRenderingTask();
      await listSettled(el);
      expect(problemsShown(), 'problem messages shown').to.equal(0);
      expect(errors.messages()).to.deep.equal([]);
    });

    it('a problem that persists is shown, with exactly one console error', async () => {
      const el = document.createElement('civic-notice-board') as Board;
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
    const levels = (el: Board) => [...new Set(headingOutline(el.shadowRoot!).map((line) => line.split(' ')[0]))];

    it('under the page’s <h1>: warnings and notice titles are h2s, and axe finds no heading-order problem', async () => {
      const { page, slot } = await hostWithHeadings('<h1>District</h1>');
      const el = await renderBoard({ src: feedFile('notices.json'), 'alerts-src': feedFile('alerts-embedded.atom') });
      slot.append(el);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('.alert').length > 0, 'no warnings');
      expect(levels(el)).to.deep.equal(['2']);
      expect(headingOutline(el.shadowRoot!).length).to.be.greaterThan(3);
      await expect(page).to.be.accessible();
    });

    it('heading-level="3" under a section’s <h2>: h3s', async () => {
      const { page, slot } = await hostWithHeadings('<h1>District</h1><h2>Notices</h2>');
      const el = await renderBoard({ src: feedFile('notices.json'), 'heading-level': '3' });
      slot.append(el);
      await el.updateComplete;
      expect(levels(el)).to.deep.equal(['3']);
      await expect(page).to.be.accessible();
    });

    it('a notice’s own headings are placed under its title, keeping their order, with no heading-order problem', async () => {
      const server = new FeedServer();
      await server.setFeed({
        type: 'application/feed+json',
        body: JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'District notices',
          items: [{ id: '1', title: 'Vaccination day', content_html: '<p>Intro</p><h4>When</h4><p>Saturday</p><h5>Morning</h5><p>9:00</p><h4>Where</h4><p>Hall</p>' }],
        }),
      });
      for (const [level, expected] of [
        ['2', ['2 Vaccination day', '3 When', '4 Morning', '3 Where']],
        ['5', ['5 Vaccination day', '6 When', '6 Morning', '6 Where']],
      ] as const) {
        const { page, slot } = await hostWithHeadings('<h1>District</h1>');
        const el = await renderBoard({ src: server.feedUrl, 'heading-level': level });
        slot.append(el);
        await listSettled(el);
        await toggleNotice(el, 0);
        expect(headingOutline(el.shadowRoot!)).to.deep.equal([...expected]);
        if (level === '2') await expect(page).to.be.accessible();
      }
    });

    it('heading-level="h2" falls back to 2, with one console error', async () => {
      const errors = captureWidgetErrors('civic-notice-board');
      try {
        const el = await renderBoard({ src: feedFile('notices.json'), 'heading-level': 'h2' });
        expect(levels(el)).to.deep.equal(['2']);
        expect(errors.messages()).to.have.length(1);
      } finally {
        errors.restore();
      }
    });
  });

  it('on a dark host page draws its search field for its own light background', async () => {
    const undo = useDarkHostPage();
    try {
      const el = await renderBoard({ src: feedFile('notices.json') });
      expect(getComputedStyle(query(el, '#notice-search')).colorScheme).to.equal('light');
      await expect(el).to.be.accessible();
    } finally {
      undo();
    }
  });

  it('care mode: attachments, "read on its own page" and "more about this warning" are 48px tall targets', async () => {
    const el = await renderBoard({ src: feedFile('notices.json'), 'alerts-src': feedFile('alerts-embedded.atom'), 'care-mode': true });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.alert').length > 0, 'no warnings');
    await toggleNotice(el, 0);
    const heights = {
      attachments: targetHeights(el.shadowRoot!, '.attachments a'),
      ownPage: targetHeights(el.shadowRoot!, '.details > p > a'),
      moreAboutWarning: targetHeights(el.shadowRoot!, '.alert p > a'),
    };
    for (const [name, found] of Object.entries(heights)) {
      expect(found.length, name).to.be.greaterThan(0);
      expect(Math.min(...found), name).to.be.at.least(48);
    }
  });

  it('sets no Chinese text in italics, even under a host’s italic style', async () => {
    const el = await renderBoard({ src: feedFile('notices.json'), lang: 'zh-Hans', style: 'font-style: italic' });
    await toggleNotice(el, 0);
    expect(italicElements(el.shadowRoot!)).to.deep.equal([]);
  });
});
