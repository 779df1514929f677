import { expect } from '@open-wc/testing';
import { SurveyServer } from './helpers/survey-server.js';
import { captureConsoleErrors, has, renderSurvey, textOf, useCleanState, type Attrs } from './helpers/survey.js';

// A district web team that gets the set-up wrong sees why (exactly one console
// error, in English), and a citizen sees a plain message in their language
// instead of a broken survey.

const summarySrc = () => new SurveyServer().summaryUrl('svc');

// Plain words and another way to be heard; the attribute and its value go to the console only.
const surveyMessage = {
  en: 'Rating is not available here at the moment. To tell us what you think of this service, please call the 12345 hotline.',
  zh: '暂时无法在此评价。如需对此项服务提出意见，请拨打 12345 市民服务热线。',
};
const resultsMessage = {
  en: 'The results cannot be shown here at the moment. To ask about this service, please call the 12345 hotline.',
  zh: '评价结果暂时无法在此显示。如需了解此项服务，请拨打 12345 市民服务热线。',
};

const problems: Array<{ name: string; attrs: Attrs; en: string; zh: string; console: string }> = [
  {
    name: 'no endpoint',
    attrs: { endpoint: null },
    ...surveyMessage,
    console: 'The endpoint attribute is missing.',
  },
  {
    name: 'an unknown scale',
    attrs: { scale: 'stars' },
    ...surveyMessage,
    console: 'scale must be five-level, helpful, csat, ces or nps, not "stars".',
  },
  {
    name: 'an unknown display',
    attrs: { display: 'popup' },
    ...surveyMessage,
    console: 'display must be inline or button, not "popup".',
  },
  {
    name: 'results without summary-src',
    attrs: { endpoint: null, mode: 'results' },
    ...resultsMessage,
    console: 'The summary-src attribute is missing.',
  },
  {
    name: 'a malformed endpoint',
    attrs: { endpoint: 'http://[bad' },
    ...surveyMessage,
    console: 'endpoint must be an http or https URL, not "http://[bad".',
  },
  {
    name: 'an endpoint that is not http or https',
    attrs: { endpoint: 'javascript:void(0)' },
    ...surveyMessage,
    console: 'endpoint must be an http or https URL, not "javascript:void(0)".',
  },
  {
    name: 'a malformed summary-src',
    attrs: { endpoint: null, mode: 'results', 'summary-src': 'http://[bad' },
    ...resultsMessage,
    console: 'summary-src must be an http or https URL, not "http://[bad".',
  },
  {
    name: 'an unknown mode',
    attrs: { mode: 'chart' },
    ...surveyMessage,
    console: 'mode must be survey or results, not "chart".',
  },
];


describe('<civic-satisfaction-survey> configuration problems', () => {
  useCleanState();
  const widgetErrors = captureConsoleErrors();

  for (const { name, attrs, en, zh, console: logged } of problems) {
    it(`${name}: a message instead of the survey, and exactly one console error however often it renders`, async () => {
      const { el, server } = await renderSurvey(attrs);
      expect(textOf(el, '[role="alert"]')).to.equal(en);
      expect(has(el, 'form'), 'form').to.equal(false);
      expect(has(el, 'button'), 'button').to.equal(false);

      el.requestUpdate();
      await el.updateComplete;
      el.careMode = true;
      await el.updateComplete;
      el.setAttribute('sample-rate', '0.5');
      await el.updateComplete;
      expect(textOf(el, '[role="alert"]')).to.equal(en);
      expect(widgetErrors()).to.deep.equal([`[civic-widgets] <civic-satisfaction-survey>: ${logged}`]);
      expect((await server.received()).received).to.have.length(0);
    });

    it(`${name}: says so in Chinese on a Chinese page, and still logs once in English`, async () => {
      const { el } = await renderSurvey({ ...attrs, lang: 'zh-Hans' });
      expect(textOf(el, '[role="alert"]')).to.equal(zh);
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      expect(textOf(el, '[role="alert"]'), 'follows a language switch').to.equal(en);
      expect(widgetErrors()).to.deep.equal([`[civic-widgets] <civic-satisfaction-survey>: ${logged}`]);
    });
  }

  for (const attrs of [
    { 'sample-rate': '1.5' },
    { 'sample-rate': '-0.1' },
    { 'sample-rate': 'half' },
    { 'sample-rate': '' },
    { 'sample-rate': '  ' },
    { 'cooldown-days': '' },
    { timeout: '' },
    { 'cooldown-days': '-1' },
    { 'cooldown-days': 'never' },
    { timeout: '0' },
    { timeout: 'abc' },
    { timeout: '3000000000' },
  ]) {
    const [[name, value]] = Object.entries(attrs) as [[string, string]];
    it(`${name}="${value}": a message instead of the survey, one console error`, async () => {
      const { el } = await renderSurvey(attrs);
      expect(textOf(el, '[role="alert"]')).to.equal(surveyMessage.en);
      expect(has(el, 'form')).to.equal(false);
      el.requestUpdate();
      await el.updateComplete;
      expect(widgetErrors()).to.have.length(1);
      expect(widgetErrors()[0]).to.include('sample-rate must be between 0 and 1');
    });
  }

  it('sample-rate="" is a set-up problem, not a rate of 0 that hides the survey for good; removing it goes back to asking everyone', async () => {
    const { el } = await renderSurvey({ 'sample-rate': '', 'cooldown-days': '' });
    expect(textOf(el, '[role="alert"]')).to.equal(surveyMessage.en);
    el.removeAttribute('sample-rate');
    el.removeAttribute('cooldown-days');
    await el.updateComplete;
    expect(has(el, 'form')).to.equal(true);
    expect([el.sampleRate, el.cooldownDays]).to.deep.equal([1, 90]);
  });

  it('a malformed endpoint never reaches Send, so nothing throws', async () => {
    const thrown: string[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => void thrown.push(String('reason' in event ? event.reason : event.message));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const { el } = await renderSurvey({ endpoint: 'http://[bad' });
      expect(has(el, 'button[part="submit"]')).to.equal(false);
      el.setAttribute('endpoint', new SurveyServer().endpoint);
      await el.updateComplete;
      expect(has(el, 'button[part="submit"]'), 'a good endpoint shows the survey').to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(thrown).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });

  it('a bad number says so in Chinese on a Chinese page', async () => {
    const { el } = await renderSurvey({ 'sample-rate': '2', lang: 'zh-Hans' });
    expect(textOf(el, '[role="alert"]')).to.equal(surveyMessage.zh);
  });

  for (const timeout of ['0', 'abc']) {
    it(`results with timeout="${timeout}" say the set-up is wrong, not “try again later”`, async () => {
      const { el } = await renderSurvey({ endpoint: null, mode: 'results', 'summary-src': summarySrc(), timeout });
      expect(textOf(el, '[role="alert"]')).to.equal(resultsMessage.en);
      expect(widgetErrors()).to.have.length(1);
      expect(widgetErrors()[0]).to.include('timeout');
    });
  }

  it('results need no endpoint, and ignore survey-only attributes', async () => {
    const { el } = await renderSurvey({ endpoint: null, mode: 'results', 'summary-src': summarySrc(), display: 'popup', 'sample-rate': '0' });
    expect(has(el, '.results')).to.equal(true);
    expect(widgetErrors()).to.deep.equal([]);
  });

  it('shows the survey as soon as the missing endpoint is set', async () => {
    const server = new SurveyServer();
    const { el } = await renderSurvey({ endpoint: null });
    expect(has(el, '[role="alert"]')).to.equal(true);
    el.setAttribute('endpoint', server.endpoint);
    await el.updateComplete;
    expect(has(el, '[role="alert"]')).to.equal(false);
    expect(has(el, 'form')).to.equal(true);
    expect(widgetErrors()).to.have.length(1);
  });
});
