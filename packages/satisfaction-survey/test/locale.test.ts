import { expect, waitUntil } from '@open-wc/testing';
import { refusalTitle } from './helpers/survey-server.js';
import {
  chooseRating,
  click,
  keepPageLanguage,
  optionLabels,
  query,
  rateAndSend,
  renderSurvey,
  shadow,
  submit,
  textOf,
  useCleanState,
  waitForShadow,
  type Survey,
} from './helpers/survey.js';

// The survey speaks the page's language (its own lang, else the closest
// [lang], else the browser), and follows a district site's 中文 / English switch.

const fiveLevel = {
  en: ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied'],
  'zh-Hans': ['非常满意', '满意', '基本满意', '不满意', '非常不满意'],
  'zh-Hant': ['非常滿意', '滿意', '基本滿意', '不滿意', '非常不滿意'],
};

/** English words of the widget's own UI that must not show on a Chinese page. */
const english = /\b(?:rating|satisf|Send|thanks|Thank|optional|Choose|wrong|phone|name|agree|call|There is a problem|service)\w*/i;

function uiText(el: Survey): string {
  return (shadow(el).querySelector('.root')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<civic-satisfaction-survey> language', () => {
  useCleanState();
  keepPageLanguage();

  for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
    it(`lang="${lang}": the question, grades, follow-up and call-back are all in ${lang}, and so is the sent locale`, async () => {
      const { el, server } = await renderSurvey({ lang, callback: true, 'service-id': `svc-${lang}` });
      expect(optionLabels(el)).to.deep.equal(fiveLevel[lang]);
      expect(query(el, '.root').getAttribute('lang')).to.equal(lang);
      await chooseRating(el, 1);
      await click(el, '#callback-wanted');
      await submit(el);
      await waitForShadow(el, '.error-summary');
      const text = uiText(el);
      expect(text).to.match(/[\u4e00-\u9fff]/);
      expect(text.match(english)?.[0] ?? 'no English', text).to.equal('no English');

      await click(el, '#callback-wanted');
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      expect(uiText(el).match(english)?.[0] ?? 'no English').to.equal('no English');
      const [body] = await server.bodies();
      expect(body!['locale']).to.equal(lang);
    });
  }

  it('speaks Simplified Chinese to zh-CN and Traditional to zh-TW pages', async () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    const { el } = await renderSurvey({ 'service-id': 'svc' });
    expect(textOf(el, 'legend')).to.equal('您对本次服务满意吗？');
    expect(optionLabels(el)).to.deep.equal(fiveLevel['zh-Hans']);

    document.documentElement.setAttribute('lang', 'zh-TW');
    await waitUntil(() => optionLabels(el)[0] === fiveLevel['zh-Hant'][0], 'the survey followed the page to zh-Hant');
    expect(optionLabels(el)).to.deep.equal(fiveLevel['zh-Hant']);
    expect(query(el, '.root').getAttribute('lang')).to.equal('zh-Hant');

    document.documentElement.setAttribute('lang', 'en');
    await waitUntil(() => optionLabels(el)[0] === 'Very satisfied', 'the survey followed the page back to English');
  });

  it('re-renders on a change of its own lang attribute, with what is on screen kept', async () => {
    const { el } = await renderSurvey({ lang: 'en' });
    await chooseRating(el, 2);
    await submit(el); // nothing is wrong: it is sent
    await waitForShadow(el, '.outcome');
    el.setAttribute('lang', 'zh-Hans');
    await waitUntil(() => textOf(el, '#outcome-heading') === '感谢您的评价', 'the thanks followed the language');
    el.setAttribute('lang', 'zh-Hant');
    await waitUntil(() => /感謝/.test(textOf(el, '#outcome-heading')), 'the thanks followed the language to zh-Hant');
  });

  it('error messages switch language; the server’s own words stay as it wrote them', async () => {
    const { el, server } = await renderSurvey({ lang: 'en', callback: true });
    await chooseRating(el, 1);
    await click(el, '#callback-wanted');
    await submit(el);
    await waitForShadow(el, '.error-summary');
    expect(textOf(el, '.error-summary h2')).to.equal('There is a problem');
    el.setAttribute('lang', 'zh-Hans');
    await waitUntil(() => textOf(el, '.error-summary h2') === '填写有误', 'the summary followed the language');
    expect(textOf(el, '#callback-name-error')).to.equal('错误： 请填写您的姓名，以便回访时称呼');

    await click(el, '#callback-wanted');
    await server.setMode('fail-400');
    await submit(el);
    await waitForShadow(el, '.refusal');
    expect(textOf(el, '.refusal')).to.equal(`您的评价未被接受 ${refusalTitle} 您填写的内容都还在，可以再次提交。`);
    el.setAttribute('lang', 'en');
    await waitUntil(() => textOf(el, '.refusal h2') === 'Your rating was not accepted', 'the refusal followed the language');
    expect(textOf(el, '.refusal')).to.include(refusalTitle);
  });

  it('numeric scales explain their ends in the page language', async () => {
    const { el } = await renderSurvey({ scale: 'nps', lang: 'zh-Hans' });
    expect(textOf(el, '#rating-hint')).to.equal('0 表示完全不可能，10 表示非常可能。');
    expect(textOf(el, 'legend')).to.equal('您有多大可能向亲友或邻居推荐这项服务？');
    el.setAttribute('lang', 'en');
    await waitUntil(() => textOf(el, '#rating-hint') === '0 means not at all likely, 10 extremely likely.', 'the hint followed the language');
  });

  it('the display="button" trigger and panel speak Chinese', async () => {
    const { el } = await renderSurvey({ display: 'button', lang: 'zh-Hans', 'service-id': 'svc' });
    expect(textOf(el, '.trigger')).to.equal('评价本服务');
    await click(el, '.trigger');
    expect(textOf(el, '#panel-heading')).to.equal('您的评价');
    expect(textOf(el, '.panel-header button')).to.equal('关闭');
    const { el: page } = await renderSurvey({ display: 'button', lang: 'zh-Hans' });
    expect(textOf(page, '.trigger')).to.equal('评价本页');
  });

  it('the saved-on-device thanks is in Chinese too', async () => {
    const { el, server } = await renderSurvey({ lang: 'zh-Hans' });
    await server.setMode('down');
    await rateAndSend(el, 4);
    expect(textOf(el, '.outcome')).to.equal('感谢您的评价：评价已暂存在本设备上 暂时无法提交，网络恢复后将自动提交。');
    await server.setMode('ok');
  });
});
