import { expect } from '@open-wc/testing';
import { px, readerDefaultSize, setRootFontSize } from '../../core/test/helpers/host-page.js';
import { query, renderFeedback } from './helpers/widget.js';

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
});
