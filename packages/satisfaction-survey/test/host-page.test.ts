import { expect } from '@open-wc/testing';
import { px, readerDefaultSize, setRootFontSize } from '../../core/test/helpers/host-page.js';
import { click, query, renderSurvey, useCleanState } from './helpers/survey.js';

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
});
