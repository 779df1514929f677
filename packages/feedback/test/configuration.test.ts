import { expect, waitUntil } from '@open-wc/testing';
import { newEndpoint, received, setMode } from './helpers/open311.js';
import {
  choose,
  fill,
  loaded,
  matches,
  query,
  renderFeedback,
  shadow,
  shownText,
  submit,
  tick,
  waitForShadow,
} from './helpers/widget.js';

// A district web team that gets the set-up wrong must see why (one console
// error each), and a citizen must see a plain message instead of a broken form.

describe('<civic-feedback> configuration problems', () => {
  let errors: unknown[][];
  const originalError = console.error;
  beforeEach(() => {
    errors = [];
    console.error = (...args: unknown[]) => void errors.push(args);
  });
  afterEach(() => {
    console.error = originalError;
  });

  const widgetErrors = () =>
    errors.filter((args) => typeof args[0] === 'string' && args[0].startsWith('[civic-widgets] <civic-feedback>'));

  it('without an endpoint shows a problem (role=alert) and logs exactly one console error, even after re-renders', async () => {
    const el = await renderFeedback({ endpoint: null });
    const alert = query(el, '[role="alert"]');
    // Plain words and another way to be heard; the attribute's name only in the console.
    expect(alert.textContent!.trim()).to.equal('This form cannot be used at the moment. To report a problem or ask a question, please call the 12345 hotline.');
    expect(matches(el, 'form')).to.deep.equal([]);

    el.requestUpdate();
    await el.updateComplete;
    el.careMode = true;
    await el.updateComplete;
    el.setAttribute('location', 'required');
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;

    expect(query(el, '[role="alert"]').textContent!.trim()).to.equal('This form cannot be used at the moment. To report a problem or ask a question, please call the 12345 hotline.');
    expect(widgetErrors()).to.have.length(1);
    expect(String(widgetErrors()[0]![0])).to.contain('endpoint attribute is missing');
  });

  it('says that the endpoint is missing in the page language', async () => {
    const el = await renderFeedback({ endpoint: null, lang: 'zh-Hans' });
    const alert = query(el, '[role="alert"]');
    expect(alert.textContent).to.match(/[\u4e00-\u9fff]/);
    expect(alert.textContent!.trim()).to.equal('此表单暂时无法使用。如需反映问题或咨询，请拨打 12345 市民服务热线。');
    expect(widgetErrors()).to.have.length(1);
  });

  it('an unreachable endpoint shows a could-not-load message with a Try again button', async () => {
    const el = await renderFeedback({ endpoint: 'http://127.0.0.1:9/v2' });
    expect(query(el, '[role="alert"]').textContent).to.contain('The form could not be loaded. Check your connection and try again.');
    const retry = [...shadow(el).querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again');
    expect(retry, 'a Try again button').to.exist;
    expect(matches(el, 'form')).to.deep.equal([]);
    expect(widgetErrors()).to.have.length(1);
  });

  it('Try again loads the form once the server answers again', async () => {
    const endpoint = newEndpoint();
    await setMode(endpoint, 'down');
    const el = await renderFeedback({ endpoint });
    expect(shownText(el)).to.contain('The form could not be loaded');

    await setMode(endpoint, 'ok');
    const retry = [...shadow(el).querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again')!;
    retry.click();
    await el.updateComplete;
    await waitForShadow(el, 'form #category');
    await loaded(el);
    expect(matches(el, '[role="alert"]')).to.deep.equal([]);
    expect(shadow(el).querySelectorAll('#category option[value="noise"]')).to.have.length(1);
  });

  it('a malformed services.json shows a data message without a retry, and logs one console error', async () => {
    const endpoint = newEndpoint();
    await setMode(endpoint, 'malformed');
    const el = await renderFeedback({ endpoint });
    expect(query(el, '[role="alert"]').textContent).to.contain(
      'The form cannot be shown: the server sent data it does not understand. Please call 12345 instead.',
    );
    expect([...shadow(el).querySelectorAll('button')].map((button) => button.textContent?.trim())).not.to.include('Try again');
    el.requestUpdate();
    await el.updateComplete;
    expect(widgetErrors()).to.have.length(1);
  });

  it('a category whose questions have an unknown datatype shows a message instead of the questions, and cannot be sent', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'broken-def');
    const alert = query(el, 'form [role="alert"]');
    expect(alert.textContent).to.contain('This category cannot be reported online just now');
    // Not even the question the form would understand (the number plate) is shown.
    expect(matches(el, '[id^="attribute-"]')).to.deep.equal([]);
    expect(shownText(el)).not.to.contain('Number plate');
    expect(widgetErrors()).to.have.length(1);

    await fill(el, '#description', 'A van has blocked the fire exit since 7 this morning.');
    await submit(el);
    const summary = await waitForShadow(el, '.error-summary');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => link.textContent?.trim())).to.deep.equal([
      'The questions for this category are not available. Choose another category.',
    ]);
    expect(links[0]!.getAttribute('href')).to.equal('#category');
    expect((await received(el.endpoint)).received).to.have.length(0);
  });

  it('a preselected category whose questions cannot be understood shows the problem instead of a form that cannot be sent', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0', 'service-code': 'broken-def' }, { waitForLoad: false });
    const alert = await waitForShadow(el, '[role="alert"]');
    expect(alert.textContent).to.contain('the server sent data it does not understand');
    expect(alert.textContent).to.contain('12345');
    // With the category picker hidden, there is nothing the citizen could fix in a form.
    expect(matches(el, 'form')).to.deep.equal([]);
    expect(widgetErrors()).to.have.length(1);
  });

  for (const [name, value, message] of [
    ['location', 'everywhere', 'location must be none, optional or required, not "everywhere"'],
    ['max-photos', '-1', 'max-photos must be a whole number, 0 or more'],
    ['max-photos', 'two', 'max-photos must be a whole number, 0 or more'],
    ['service-code', 'nope', 'service-code "nope" is not a category'],
  ] as const) {
    it(`${name}="${value}" shows a set-up problem instead of the form`, async () => {
      const el = await renderFeedback({ [name]: value });
      expect(query(el, '[role="alert"]').textContent!.trim()).to.equal('This form cannot be used at the moment. To report a problem or ask a question, please call the 12345 hotline.');
      expect(matches(el, 'form')).to.deep.equal([]);
      expect(widgetErrors()).to.have.length(1);
      expect(String(widgetErrors()[0]![0])).to.contain(message);
    });
  }
  for (const [name, value] of [
    ['timeout', 'abc'],
    ['timeout', '0'],
    ['timeout', '-100'],
    ['min-fill-time', 'soon'],
    ['min-fill-time', '-1'],
  ] as const) {
    it(`${name}="${value}" shows a set-up problem instead of the form, and logs one console error in English`, async () => {
      const el = await renderFeedback({ [name]: value });
      expect(query(el, '[role="alert"]').textContent!.trim()).to.equal('This form cannot be used at the moment. To report a problem or ask a question, please call the 12345 hotline.');
      expect(matches(el, 'form')).to.deep.equal([]);
      el.requestUpdate();
      await el.updateComplete;
      expect(widgetErrors()).to.have.length(1);
      expect(String(widgetErrors()[0]![0])).to.contain('timeout must be a number of milliseconds above 0, and min-fill-time 0 or more');
    });
  }

  it('says that timeout is wrong in the page language (zh-Hans), and still logs in English', async () => {
    const el = await renderFeedback({ timeout: 'abc', lang: 'zh-Hans' });
    expect(query(el, '[role="alert"]').textContent!.trim()).to.equal('此表单暂时无法使用。如需反映问题或咨询，请拨打 12345 市民服务热线。');
    expect(matches(el, 'form')).to.deep.equal([]);
    expect(widgetErrors()).to.have.length(1);
    expect(String(widgetErrors()[0]![0])).to.contain('timeout must be a number of milliseconds');
  });

  it('questions that could not be loaded (network) are loaded again when the category is chosen again', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await setMode(el.endpoint, 'definitions-down');
    await choose(el, 'noise');
    expect(query(el, 'form [role="alert"]').textContent).to.contain(
      'The questions for this category could not be loaded. Check your connection and choose the category again.',
    );
    expect(shownText(el)).not.to.contain('What makes the noise?');
    expect(widgetErrors()).to.have.length(1);

    // The connection is back; the citizen does what the message says.
    await setMode(el.endpoint, 'ok');
    await choose(el, 'pothole');
    await choose(el, 'noise');
    await waitUntil(() => shownText(el).includes('What makes the noise?'), 'the questions were not loaded again', { timeout: 3000 });
    expect(matches(el, 'form [role="alert"]')).to.deep.equal([]);

    await tick(el, '#attribute-1-singlevaluelist-2'); // Neighbours
    await fill(el, '#attribute-4-number', '3');
    await fill(el, '#description', 'Loud music every night after midnight.');
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    const [post] = (await received(el.endpoint)).received;
    expect(post!.fields['attribute[source]']).to.deep.equal(['neighbours']);
    expect(post!.fields['attribute[floor]']).to.deep.equal(['3']);
  });
});
