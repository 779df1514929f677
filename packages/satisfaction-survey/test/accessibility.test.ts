import { expect, waitUntil } from '@open-wc/testing';
import { SurveyServer } from './helpers/survey-server.js';
import {
  captureConsoleErrors,
  chooseRating,
  click,
  query,
  rateAndSend,
  renderSurvey,
  submit,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Survey,
} from './helpers/survey.js';

// axe in every state a citizen can meet, reached as they would reach it, in
// English and Simplified Chinese.

/** Run after the test: a try still hanging on the server is let go, so nothing leaks into the next test. */
let cleanups: Array<() => Promise<void>> = [];

async function lowWithCallbackErrors(lang: string, extra: Record<string, string | boolean> = {}): Promise<Survey> {
  const { el } = await renderSurvey({ lang, callback: true, ...extra });
  await chooseRating(el, 1);
  await click(el, '#callback-wanted');
  await submit(el);
  await waitForShadow(el, '.error-summary');
  return el;
}

const states: Array<[string, (lang: string) => Promise<Survey>]> = [
  ['unanswered', async (lang) => (await renderSurvey({ lang, callback: true })).el],
  ['unanswered, numeric scale (nps)', async (lang) => (await renderSurvey({ lang, scale: 'nps' })).el],
  [
    'follow-up after a low rating',
    async (lang) => {
      const { el } = await renderSurvey({ lang, callback: true });
      await chooseRating(el, 2);
      return el;
    },
  ],
  [
    'follow-up after a high rating',
    async (lang) => {
      const { el } = await renderSurvey({ lang, callback: true });
      await chooseRating(el, 5);
      return el;
    },
  ],
  ['call-back with errors', (lang) => lowWithCallbackErrors(lang)],
  [
    'no rating chosen (error)',
    async (lang) => {
      const { el } = await renderSurvey({ lang, scale: 'ces' });
      await submit(el);
      await waitForShadow(el, '.error-summary');
      return el;
    },
  ],
  [
    'sending',
    async (lang) => {
      const { el, server } = await renderSurvey({ lang, timeout: 3000 });
      await server.setMode('hang');
      await chooseRating(el, 4);
      await submit(el);
      await waitUntil(() => query<HTMLButtonElement>(el, 'button[part="submit"]').getAttribute('aria-disabled') === 'true', 'sending');
      cleanups.push(async () => {
        await server.setMode('ok');
        await waitForShadow(el, '.outcome', 5000);
      });
      return el;
    },
  ],
  [
    'thanks (with a call-back promised)',
    async (lang) => {
      const { el } = await renderSurvey({ lang, callback: true });
      await chooseRating(el, 1);
      await click(el, '#callback-wanted');
      await fillCallback(el);
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      return el;
    },
  ],
  [
    'queued (saved on the device)',
    async (lang) => {
      const { el, server } = await renderSurvey({ lang });
      await server.setMode('down');
      await rateAndSend(el, 3);
      await waitForShadow(el, '.outcome.queued');
      return el;
    },
  ],
  [
    'refused (400)',
    async (lang) => {
      const { el, server } = await renderSurvey({ lang });
      await server.setMode('fail-400');
      await chooseRating(el, 2);
      await submit(el);
      await waitForShadow(el, '.refusal');
      return el;
    },
  ],
  [
    'results',
    async (lang) => {
      const server = new SurveyServer();
      await server.rate('svc-a11y', 'five-level', [5, 4, 4, 1]);
      return (await renderSurvey({ lang, endpoint: null, mode: 'results', 'summary-src': server.summaryUrl('svc-a11y') })).el;
    },
  ],
  [
    'results that cannot be shown',
    async (lang) => {
      const server = new SurveyServer();
      await server.setMode('hostile-summary');
      return (await renderSurvey({ lang, endpoint: null, mode: 'results', 'summary-src': server.summaryUrl('svc-a11y') })).el;
    },
  ],
  ['a configuration problem', async (lang) => (await renderSurvey({ lang, endpoint: null })).el],
  ['display="button", closed', async (lang) => (await renderSurvey({ lang, display: 'button' })).el],
  [
    'display="button", panel open with a low rating',
    async (lang) => {
      const { el } = await renderSurvey({ lang, display: 'button', callback: true });
      await click(el, '.trigger');
      await waitForFocus(el, '#panel-heading');
      await chooseRating(el, 1);
      return el;
    },
  ],
  [
    'after “No thanks” (the confirmation)',
    async (lang) => {
      const { el } = await renderSurvey({ lang });
      await click(el, '.actions button.link');
      await waitForFocus(el, '#dismissed');
      return el;
    },
  ],
  [
    'display="button", after “No thanks” (the confirmation in the corner, focused)',
    async (lang) => {
      const { el } = await renderSurvey({ lang, display: 'button' });
      await click(el, '.trigger');
      await waitForFocus(el, '#panel-heading');
      await click(el, '.actions button.link');
      await waitForFocus(el, '#dismissed');
      return el;
    },
  ],
  ['care mode with errors', (lang) => lowWithCallbackErrors(lang, { 'care-mode': true })],
  [
    'care mode results',
    async (lang) => {
      const server = new SurveyServer();
      await server.rate('svc-care', 'five-level', [3, 2]);
      return (await renderSurvey({ lang, 'care-mode': true, endpoint: null, mode: 'results', 'summary-src': server.summaryUrl('svc-care') })).el;
    },
  ],
];

async function fillCallback(el: Survey): Promise<void> {
  for (const [selector, value] of [
    ['#callback-name', '李娜'],
    ['#callback-phone', '021 6123 4567'],
  ] as const) {
    const input = query<HTMLInputElement>(el, selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await click(el, '#callback-consent');
}

describe('<civic-satisfaction-survey> accessibility (axe)', () => {
  useCleanState();
  captureConsoleErrors(); // configuration and data problems are logged by design
  afterEach(async () => {
    for (const cleanup of cleanups) await cleanup();
    cleanups = [];
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
