import { expect, waitUntil } from '@open-wc/testing';
import { flushOutbox } from '@civic-widgets/core';
import { openOutboxStore } from '../../core/src/outbox/outbox-store.js';
import { SurveyServer, refusalTitle, type SurveyServerMode } from './helpers/survey-server.js';
import {
  chooseRating,
  fill,
  pendingKeys,
  recordEvents,
  renderSurvey,
  setEnvironment,
  shownText,
  submit,
  textOf,
  tickReason,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Attrs,
} from './helpers/survey.js';

// A rating that cannot be sent is kept on the device (the shared IndexedDB
// outbox) and delivered later, exactly once, with the Idempotency-Key it got
// when the citizen pressed Send. The server is real; only its mode changes.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Renders a survey, answers it with the server in `mode`, and waits for the "saved on this device" thanks. */
async function queueRating(mode: SurveyServerMode, attrs: Attrs = {}) {
  const server = new SurveyServer();
  const { el } = await renderSurvey({ 'service-id': 'pension-certificate', ...attrs }, server);
  const events = recordEvents(el);
  await chooseRating(el, 2);
  await tickReason(el, 'efficiency');
  await fill(el, '#comment', 'Three visits for one stamp.');
  await server.setMode(mode);
  await submit(el);
  await waitForShadow(el, '.outcome.queued', 5000);
  return { el, server, events };
}

async function isAsked(attrs: Attrs, server: SurveyServer): Promise<boolean> {
  const { el } = await renderSurvey(attrs, server);
  const asked = el.shadowRoot!.querySelector('form') !== null;
  el.parentElement!.remove();
  return asked;
}

async function waitForStored(server: SurveyServer, count: number, timeout = 5000): Promise<void> {
  await waitUntil(async () => (await server.received()).stored >= count, `the server did not store ${count} rating(s)`, {
    timeout,
    interval: 50,
  });
}

describe('<civic-satisfaction-survey> offline outbox', () => {
  useCleanState();

  for (const mode of ['down', 'fail-503'] as const) {
    it(`server ${mode}: thanks the citizen, keeps the rating, and fires civic-survey-queued`, async () => {
      const { el, server, events } = await queueRating(mode);
      expect(textOf(el, '#outcome-heading')).to.equal('Thank you: your rating is saved on this device');
      expect(textOf(el, '.outcome p')).to.equal('It could not be sent just now and will be sent automatically when the connection is back.');
      await waitForFocus(el, '#outcome-heading');
      expect(textOf(el, '[role="status"]')).to.equal('Thank you: your rating is saved on this device');
      expect(events.order).to.deep.equal(['submit', 'queued']);
      expect(events.queued[0]).to.match(uuid);
      expect(await pendingKeys()).to.deep.equal([events.queued[0]]);
      expect((await server.received()).stored).to.equal(0);
    });

    it(`server ${mode}: once it is back, the kept rating is delivered exactly once with the same Idempotency-Key`, async () => {
      const { server, events } = await queueRating(mode);
      const key = events.queued[0]!;
      const before = (await server.received()).received.length;
      expect(before).to.equal(mode === 'down' ? 0 : 1);

      await server.setMode('ok');
      window.dispatchEvent(new Event('online'));
      await waitForStored(server, 1);
      await waitUntil(() => events.success.length > 0, 'civic-survey-success did not fire');

      const seen = await server.received();
      expect(seen.stored).to.equal(1);
      expect(seen.received).to.have.length(before + 1);
      expect(seen.received.map((post) => post.headers['idempotency-key'])).to.deep.equal(seen.received.map(() => key));
      const delivered = seen.received.at(-1)!;
      expect(delivered.headers['content-type']).to.equal('application/json');
      expect(`cookie: ${delivered.headers.cookie}, referer: ${delivered.headers.referer}`).to.equal('cookie: null, referer: null');
      expect(delivered.body!['rating']).to.equal(2);
      expect(delivered.body!['reasons']).to.deep.equal(['efficiency']);
      expect(delivered.body!['comment']).to.equal('Three visits for one stamp.');
      expect(events.success).to.deep.equal([key]);
      expect(events.order).to.deep.equal(['submit', 'queued', 'success']);
      expect(await pendingKeys()).to.deep.equal([]);

      // Nothing is left to send: more flushes and `online` events send nothing.
      await flushOutbox({ force: true });
      window.dispatchEvent(new Event('online'));
      await flushOutbox();
      const after = await server.received();
      expect(after.received).to.have.length(before + 1);
      expect(after.stored).to.equal(1);
      expect(events.success).to.have.length(1);
    });
  }

  it('keeps the rating when the server does not answer within `timeout`, then delivers it', async () => {
    const started = Date.now();
    const { server, events } = await queueRating('hang', { timeout: 300 });
    expect(Date.now() - started).to.be.below(4000);
    const key = events.queued[0]!;
    await server.setMode('ok');
    window.dispatchEvent(new Event('online'));
    await waitForStored(server, 1);
    await waitUntil(() => events.success.length > 0, 'civic-survey-success did not fire');
    expect(events.success).to.deep.equal([key]);
    expect(new Set((await server.received()).received.map((post) => post.headers['idempotency-key']))).to.deep.equal(new Set([key]));
  });

  it('a kept rating waits as long as the server’s Retry-After asks before it is tried again', async () => {
    const { events } = await queueRating('retry-after-503');
    const key = events.queued[0]!;
    const item = await (await openOutboxStore()).get('pending', key);
    expect(item, 'the rating is kept').to.not.equal(undefined);
    const delay = item!.nextAttemptAt - item!.queuedAt;
    // Retry-After: 120 (seconds); the outbox's own first retry would be after 2 s.
    expect(delay, `next try in ${delay} ms`).to.be.at.least(118_000);
  });

  it('a kept rating counts as answered: the survey stays away for the cool-down', async () => {
    setEnvironment({ now: Date.UTC(2025, 5, 1) });
    const { server } = await queueRating('down');
    expect(await isAsked({ 'service-id': 'pension-certificate' }, server)).to.equal(false);
  });

  it('a kept rating the server later refuses brings back the answers with the server’s words, and is not sent again', async () => {
    const { el, server, events } = await queueRating('down');
    // The citizen has moved on to the page's own search box: the news must not pull focus away.
    const search = document.createElement('input');
    search.setAttribute('aria-label', 'Search this site');
    document.body.append(search);
    try {
      search.focus();
      await server.setMode('fail-400');
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => events.error.length > 0, 'civic-survey-error did not fire', { timeout: 5000 });
      await waitForShadow(el, '.refusal');
      expect(events.error).to.deep.equal([{ status: 400, message: refusalTitle }]);
      expect(events.success).to.have.length(0);
      expect(document.activeElement === search, 'focus stays in the page search box').to.equal(true);

      // No promise to send it any more; the reason, and every answer, to correct or send again.
      expect(shownText(el)).not.to.include('will be sent automatically');
      expect(textOf(el, '.refusal')).to.equal(
        `Your rating was not accepted ${refusalTitle} Your answers are still here: you can send them again.`,
      );
      expect(textOf(el, '[role="status"]')).to.equal('A rating saved on this device was not accepted.');
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('#rating-2')!.checked, 'the rating').to.equal(true);
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="efficiency"]')!.checked, 'the reason').to.equal(true);
      expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#comment')!.value).to.equal('Three visits for one stamp.');

      expect(await pendingKeys()).to.deep.equal([]);
      await flushOutbox({ force: true });
      expect((await server.received()).received).to.have.length(1);

      // It was not answered after all: a survey on the next page asks again.
      expect(await isAsked({ 'service-id': 'pension-certificate' }, server)).to.equal(true);

      await server.setMode('ok');
      await submit(el);
      await waitForShadow(el, '.outcome.sent');
      expect((await server.received()).stored).to.equal(1);
    } finally {
      search.remove();
    }
  });
});
