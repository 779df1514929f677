import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { received, setMode, updateRequest } from './helpers/open311.js';
import {
  choose,
  clearOutbox,
  fill,
  query,
  renderFeedback,
  shadow,
  submit,
  waitForShadow,
  type Attrs,
} from './helpers/widget.js';
import type { CivicFeedback } from '../src/civic-feedback.js';

async function sendPothole(el: CivicFeedback): Promise<void> {
  await choose(el, 'pothole');
  await fill(el, '#description', 'A deep hole by the bus stop.');
  await submit(el);
}

/** Each state a citizen can meet, reached as they would reach it. */
const states: Array<[string, (lang: string) => Promise<CivicFeedback>]> = [
  ['the empty form', (lang) => renderFeedback({ lang })],
  [
    'a category with every kind of question',
    async (lang) => {
      const el = await renderFeedback({ lang });
      await choose(el, 'noise');
      return el;
    },
  ],
  [
    'validation errors',
    async (lang) => {
      const el = await renderFeedback({ lang, 'min-fill-time': '0', location: 'required' });
      await choose(el, 'noise');
      await fill(el, '#attribute-4-number', 'abc');
      await fill(el, '#phone', 'abc');
      await fill(el, '#email', 'x@');
      await submit(el);
      await waitForShadow(el, '.error-summary');
      return el;
    },
  ],
  [
    'the consent question with a privacy link',
    async (lang) => {
      const el = await renderFeedback({ lang, 'privacy-url': 'https://district.example/privacy' });
      await fill(el, '#address', '88 Huaihai Road');
      await waitForShadow(el, '#consent');
      return el;
    },
  ],
  [
    'a refusal (400)',
    async (lang) => {
      const el = await renderFeedback({ lang, 'min-fill-time': '0' });
      await setMode(el.endpoint, 'fail-400');
      await sendPothole(el);
      await waitForShadow(el, '.refusal');
      return el;
    },
  ],
  [
    'sending',
    async (lang) => {
      const el = await renderFeedback({ lang, 'min-fill-time': '0', timeout: '60000' });
      await setMode(el.endpoint, 'hang');
      await sendPothole(el);
      await waitUntil(() => query<HTMLButtonElement>(el, 'form button.primary').getAttribute('aria-disabled') === 'true', 'sending');
      return el;
    },
  ],
  [
    'success',
    async (lang) => {
      const el = await renderFeedback({ lang, 'min-fill-time': '0' });
      await sendPothole(el);
      await waitForShadow(el, '.outcome.sent');
      return el;
    },
  ],
  [
    'saved on the device (503)',
    async (lang) => {
      const el = await renderFeedback({ lang, 'min-fill-time': '0' });
      await setMode(el.endpoint, 'fail-503');
      queuedEndpoints.push(el.endpoint);
      await sendPothole(el);
      await waitForShadow(el, '.outcome.queued');
      return el;
    },
  ],
  [
    'the progress of a report',
    async (lang) => {
      const el = await renderFeedback({ lang, 'min-fill-time': '0' });
      await sendPothole(el);
      await waitForShadow(el, '.outcome.sent');
      await updateRequest(el.endpoint, { id: 'SR-1', status: 'closed', status_notes: 'Filled and resurfaced.' });
      query(el, '.outcome.sent .actions button:not(.link)').click();
      await waitForShadow(el, '.request-status');
      return el;
    },
  ],
  ['a configuration problem', (lang) => renderFeedback({ lang, endpoint: null })],
  [
    'care mode',
    async (lang) => {
      const el = await renderFeedback({ lang, 'care-mode': true, 'min-fill-time': '0' });
      await choose(el, 'noise');
      await submit(el);
      await waitForShadow(el, '.error-summary');
      return el;
    },
  ],
];

let queuedEndpoints: string[] = [];

describe('<civic-feedback> accessibility (axe)', () => {
  const originalError = console.error;
  before(clearOutbox);
  beforeEach(() => {
    // The configuration problem is reported on the console by design; keep the output clean.
    console.error = () => undefined;
  });
  afterEach(async () => {
    console.error = originalError;
    // A queued report keeps being retried: let the server take it, then forget it.
    await Promise.all(queuedEndpoints.map((endpoint) => setMode(endpoint, 'ok')));
    queuedEndpoints = [];
    await clearOutbox();
  });

  for (const lang of ['en', 'zh-Hans']) {
    for (const [name, reach] of states) {
      it(`${name} (${lang}) has no axe violations`, async () => {
        const el = await reach(lang);
        await expect(el).to.be.accessible();
      });
    }
  }
});

describe('<civic-feedback> with the keyboard only', () => {
  /** Presses Tab until the widget's control with this id has focus. */
  async function tabTo(el: CivicFeedback, id: string): Promise<void> {
    for (let presses = 0; presses < 30; presses++) {
      if (shadow(el).activeElement?.id === id) return;
      await sendKeys({ press: 'Tab' });
    }
    throw new Error(`Tab never reached #${id}`);
  }

  async function reportByKeyboard(attrs: Attrs): Promise<CivicFeedback> {
    const el = await renderFeedback({ 'min-fill-time': '0', ...attrs });
    (document.activeElement as HTMLElement | null)?.blur();

    await tabTo(el, 'category');
    await sendKeys({ press: 'ArrowDown' }); // the first category, "General question"
    await waitUntil(() => query<HTMLSelectElement>(el, '#category').value === 'question', 'ArrowDown chose a category');

    await tabTo(el, 'description');
    await sendKeys({ type: 'When does the library open on public holidays?' });

    await tabTo(el, 'address');
    await sendKeys({ type: 'Xujiahui Library' });

    await tabTo(el, 'consent');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => query<HTMLInputElement>(el, '#consent').checked, 'Space ticked consent');
    return el;
  }

  it('a report can be filled in and sent without a mouse, ending on the success heading', async () => {
    const el = await reportByKeyboard({});
    // Past the consent, the next stop is the Send button (the bot trap is not a tab stop).
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => shadow(el).activeElement?.matches('form button.primary'), 'Send has focus');
    await sendKeys({ press: 'Enter' });

    const heading = await waitForShadow(el, '#outcome-heading');
    await waitUntil(() => shadow(el).activeElement === heading, 'focus moves to the success heading');
    const [post] = (await received(el.endpoint)).received;
    expect(post!.fields).to.deep.equal({
      service_code: ['question'],
      description: ['When does the library open on public holidays?'],
      address_string: ['Xujiahui Library'],
    });
  });

  it('Enter in a text field sends the form, and errors can be reached and fixed from the summary', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0', 'max-photos': '0', location: 'none' });
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, 'name');
    await sendKeys({ type: '李雷' });
    await sendKeys({ press: 'Enter' });
    const summary = await waitForShadow(el, '.error-summary');
    await waitUntil(() => shadow(el).activeElement === summary, 'the summary has focus');

    // Tab into the summary's first link and follow it.
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Choose what your message is about');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === 'category', 'the link moved focus to the category');
    await sendKeys({ press: 'ArrowDown' });

    await tabTo(el, 'description');
    await sendKeys({ type: 'Please fix the lift in building 3.' });
    await tabTo(el, 'consent');
    await sendKeys({ press: 'Space' });
    // Enter in a textarea is a new line, not a submit: go on to the Send button.
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => shadow(el).activeElement?.matches('form button.primary'), 'Send has focus');
    await sendKeys({ press: 'Enter' });
    await waitForShadow(el, '.outcome.sent');
    expect((await received(el.endpoint)).received).to.have.length(1);
  });
});
