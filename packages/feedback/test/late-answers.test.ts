import { expect, waitUntil } from '@open-wc/testing';
import { openOutboxStore } from '../../core/src/outbox/outbox-store.js';
import { newEndpoint, received, setMode } from './helpers/open311.js';
import { choose, clearOutbox, fill, query, renderFeedback, shownText, submit, waitForShadow } from './helpers/widget.js';

/** Answers that arrive late, or say "later", must not mislead the citizen. */
describe('<civic-feedback> and late answers', () => {
  beforeEach(clearOutbox);
  afterEach(clearOutbox);

  it('a first send answered 503 with Retry-After: 120 is not tried again before then', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'pothole');
    await fill(el, '#description', 'Pothole by the school gate');
    await setMode(el.endpoint, 'retry-after-503');
    await submit(el);
    await waitForShadow(el, '.outcome.queued');

    const [kept] = await (await openOutboxStore()).getAll('pending');
    expect(kept!.nextAttemptAt - Date.now()).to.be.at.least(118_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await received(el.endpoint)).received).to.have.length(1);
  });

  it('a progress lookup still under way when the endpoint changes does not bring the old answer back', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'pothole');
    await fill(el, '#description', 'Broken street light');
    await submit(el);
    await waitForShadow(el, '.tracking-number');
    await setMode(el.endpoint, 'slow-lookups');
    query(el, '.outcome .actions button').click(); // Check progress: answered in 1.5 s.
    await waitUntil(() => shownText(el).includes('Checking…'), 'the lookup is under way');

    el.endpoint = newEndpoint();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(shownText(el)).not.to.include('Status: open');
    expect(shownText(el)).not.to.include('SR-1');
  });

  for (const [name, value] of [
    ['timeout', 'Infinity'],
    ['min-fill-time', 'Infinity'],
    ['timeout', '99999999999'],
  ] as const) {
    it(`${name}="${value}" is reported as a set-up mistake`, async () => {
      const logged: string[] = [];
      const originalError = console.error;
      console.error = (...args: unknown[]) => void logged.push(String(args[0]));
      try {
        const el = await renderFeedback({ [name]: value }, { waitForLoad: false });
        const problem = await waitForShadow(el, '[role="alert"]');
        expect(problem.textContent).to.contain('This form cannot be used at the moment.');
        expect(logged.join('\n')).to.contain('timeout must be a number of milliseconds above 0, and min-fill-time 0 or more');
      } finally {
        console.error = originalError;
      }
    });
  }
});
