import { expect } from '@open-wc/testing';
import { px, readerDefaultSize, setRootFontSize } from '../../core/test/helpers/host-page.js';
import { feedFile } from './helpers/feed-server.js';
import { query, renderBoard, useCleanState } from './helpers/board.js';

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
      expect(px(query(el, '.notice h3'), 'fontSize')).to.be.closeTo(1.1 * medium, 0.01);
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
    el.setAttribute('care-mode', 'false');
    await el.updateComplete;
    expect(careOn(), 'care-mode="false"').to.equal(false);
    el.setAttribute('care-mode', 'true');
    await el.updateComplete;
    expect(careOn(), 'care-mode="true"').to.equal(true);
    el.setAttribute('care-mode', 'FALSE');
    await el.updateComplete;
    expect(careOn(), 'care-mode="FALSE"').to.equal(false);
    el.setAttribute('care-mode', '');
    await el.updateComplete;
    expect(careOn(), 'care-mode=""').to.equal(true);
    el.removeAttribute('care-mode');
    await el.updateComplete;
    expect(careOn(), 'no care-mode').to.equal(false);
  });
});
