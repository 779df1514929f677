import { expect, waitUntil } from '@open-wc/testing';
import { setMode } from './helpers/open311.js';
import { choose, fill, query, renderFeedback, submit, waitForShadow } from './helpers/widget.js';

/** Messages already on screen follow the page when its language changes (a district site's 中文 / English switch). */
describe('<civic-feedback> switching language with messages on screen', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('error messages and the error summary switch from English to Chinese', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const el = await renderFeedback({ 'min-fill-time': '0', location: 'required' });
    await submit(el);
    const summary = await waitForShadow(el, '.error-summary');
    expect(summary.textContent).to.contain('Describe the problem, question or suggestion');

    document.documentElement.setAttribute('lang', 'zh-CN');
    await waitUntil(() => query(el, '.error-summary').textContent!.includes('请描述问题、咨询或建议'), 'the summary follows the page');
    const text = query(el, 'form').textContent!;
    expect(text).to.contain('请填写地址，或使用您当前的位置');
    expect(text).not.to.contain('Enter an address or use your current location');
  });

  it('a refusal without the server’s own words switches language too', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const el = await renderFeedback({ 'min-fill-time': '0', 'api-key': 'wrong' });
    await choose(el, 'pothole');
    await fill(el, '#description', 'Cracked kerb');
    await setMode(el.endpoint, 'fail-400');
    await submit(el);
    const refusal = await waitForShadow(el, '.refusal');
    expect(refusal.textContent).to.contain('Everything you entered is still here');

    document.documentElement.setAttribute('lang', 'zh-TW');
    await waitUntil(() => query(el, '.refusal').textContent!.includes('您填寫的內容都已保留'), 'the refusal follows the page');
    // The server's own reason stays as the server wrote it.
    expect(query(el, '.refusal').textContent).to.contain('The address is outside the district.');
  });
});
