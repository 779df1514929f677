import { expect, waitUntil } from '@open-wc/testing';
import { flushOutbox } from '@civic-widgets/core';
import { openOutboxStore } from '../../core/src/outbox/outbox-store.js';
import type { CivicSurveyErrorEvent } from '../src/events.js';
import { SurveyServer, refusalTitle, type SurveyServerMode } from './helpers/survey-server.js';
import {
  chooseRating,
  click,
  fill,
  focused,
  has,
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
  type Survey,
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

/** What is ticked and typed in the survey, as one line, to compare answers given back. */
function answersShown(el: Survey): string {
  const root = el.shadowRoot!;
  const value = (selector: string) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value ?? '-';
  const ticked = (selector: string) => (root.querySelector<HTMLInputElement>(selector)?.checked ? 'yes' : 'no');
  const rating = root.querySelector<HTMLInputElement>('input[name="rating"]:checked')?.value ?? 'none';
  const reasons = [...root.querySelectorAll<HTMLInputElement>('input[name="reasons"]:checked')].map((input) => input.value).join(',');
  return `rating ${rating}; reasons ${reasons}; comment ${value('#comment')}; call back ${ticked('#callback-wanted')}; name ${value('#callback-name')}; phone ${value('#callback-phone')}; consent ${ticked('#callback-consent')}`;
}

/** Every civic-survey-error heard by the page, from any survey, as "status message". */
function pageErrors(): { heard: string[]; stop: () => void } {
  const heard: string[] = [];
  const listener = (event: CivicSurveyErrorEvent) => void heard.push(`${event.detail.status} ${event.detail.message}`);
  document.addEventListener('civic-survey-error', listener);
  return { heard, stop: () => document.removeEventListener('civic-survey-error', listener) };
}

/** A low rating with a call-back the citizen asked for and agreed to, kept on the device because the server is down. */
async function queueCallBack(server: SurveyServer, serviceId: string): Promise<Survey> {
  const { el } = await renderSurvey({ 'service-id': serviceId, callback: true }, server);
  await chooseRating(el, 1);
  await tickReason(el, 'attitude');
  await fill(el, '#comment', 'Nobody answered the hotline.');
  await click(el, '#callback-wanted');
  await fill(el, '#callback-name', '王芳');
  await fill(el, '#callback-phone', '138 0000 0000');
  await click(el, '#callback-consent');
  await server.setMode('down');
  await submit(el);
  await waitForShadow(el, '.outcome.queued', 5000);
  expect(textOf(el, '.outcome')).to.include('The district will call you back about your rating.');
  return el;
}

const keptAnswers = 'rating 1; reasons attitude; comment Nobody answered the hotline.; call back yes; name 王芳; phone 138 0000 0000; consent yes';

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
      // Read once, as the focused heading: not also by the live region.
      expect(textOf(el, '[role="status"]')).to.equal('');
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
      await waitUntil(() => textOf(el, '[role="status"]') === 'A rating saved on this device was not accepted.', 'not announced');
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

  it('once the outbox delivers the kept rating, the thanks says it was sent, politely, and the focus stays where it was', async () => {
    const { el, server, events } = await queueRating('down');
    await waitForFocus(el, '#outcome-heading');
    await server.setMode('ok');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => events.success.length === 1, 'civic-survey-success did not fire');
    await waitForShadow(el, '.outcome.sent');
    expect(textOf(el, '#outcome-heading')).to.equal('Thank you for your rating');
    expect(shownText(el)).not.to.include('saved on this device');
    expect(shownText(el)).not.to.include('will be sent automatically');
    expect(focused(el)).to.equal('h2#outcome-heading.top-heading');
    await waitUntil(() => textOf(el, '[role="status"]') === 'Your saved rating has now been sent.', 'the delivery was not announced');
  });

  it('claims a rating before keeping it, so no other survey can take its outcome in between', async () => {
    const order: string[] = [];
    const { request } = LockManager.prototype;
    const { put } = IDBObjectStore.prototype;
    LockManager.prototype.request = function (this: LockManager, name: string, ...rest: unknown[]) {
      if (name.startsWith('civic-widgets-outbox-claim:')) order.push('claim');
      return (request as (...args: unknown[]) => Promise<unknown>).call(this, name, ...rest);
    } as typeof request;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'pending') order.push('keep');
      return put.apply(this, args);
    };
    try {
      await queueRating('down');
    } finally {
      LockManager.prototype.request = request;
      IDBObjectStore.prototype.put = put;
    }
    expect(order).to.deep.equal(['claim', 'keep']);
  });

  describe('a kept rating refused while no survey that sent it is on the page', () => {
    it('is not dropped: the next survey of the same service gives the answers back with the server’s words, and shows although it was answered', async () => {
      const server = new SurveyServer();
      const el = await queueCallBack(server, 'lift-repair');
      el.parentElement!.remove(); // The citizen went on to another page: no survey watches the rating any more.
      const errors = pageErrors();
      try {
        await server.setMode('fail-400');
        await flushOutbox({ force: true });
        expect(await pendingKeys()).to.deep.equal([]);

        // A survey of another service, on the next page, leaves it alone.
        const { el: other } = await renderSurvey({ 'service-id': 'dog-licence', callback: true }, server);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(has(other, '.refusal'), 'another service shows no refusal').to.equal(false);
        expect(errors.heard).to.deep.equal([]);
        other.parentElement!.remove();

        // The next survey of the same service tells the citizen, though the rating had counted as answered.
        const search = document.createElement('input');
        search.setAttribute('aria-label', 'Search this site');
        document.body.append(search);
        search.focus();
        try {
          const { el: again } = await renderSurvey({ 'service-id': 'lift-repair', callback: true }, server);
          await waitForShadow(again, '.refusal');
          expect(errors.heard).to.deep.equal([`400 ${refusalTitle}`]);
          expect(textOf(again, '.refusal')).to.equal(
            `Your rating was not accepted ${refusalTitle} Your answers are still here: you can send them again.`,
          );
          expect(answersShown(again)).to.equal(keptAnswers);
          expect(shownText(again)).not.to.include('will call you back');
          await waitUntil(() => textOf(again, '[role="status"]') === 'A rating saved on this device was not accepted.', 'not announced');
          expect(document.activeElement === search, 'the focus stays in the page search box').to.equal(true);

          // Sent again, it is accepted, with the call-back.
          await server.setMode('ok');
          await submit(again);
          await waitForShadow(again, '.outcome.sent');
          const bodies = await server.bodies();
          expect(bodies.at(-1)!['callback']).to.deep.equal({ name: '王芳', phone: '138 0000 0000' });
          expect(textOf(again, '.outcome')).to.equal('Thank you for your rating The district will call you back about your rating.');
        } finally {
          search.remove();
        }
        expect(errors.heard).to.have.length(1);
      } finally {
        errors.stop();
      }
    });

    it('a display="button" survey of the service shows it too, whatever the sample and an earlier “No thanks”', async () => {
      const server = new SurveyServer();
      const el = await queueCallBack(server, 'lift-repair-button');
      el.parentElement!.remove();
      await server.setMode('fail-400');
      await flushOutbox({ force: true });
      sessionStorage.setItem('civic-survey-dismissed:lift-repair-button', '1');
      setEnvironment({ random: 0.99 });
      const { el: again } = await renderSurvey({ 'service-id': 'lift-repair-button', callback: true, display: 'button', 'sample-rate': 0.01 }, server);
      await waitForShadow(again, '.trigger');
      await waitUntil(() => textOf(again, '[role="status"]') === 'A rating saved on this device was not accepted.', 'not announced');
      await click(again, '.trigger');
      await waitForShadow(again, '#panel .refusal');
      expect(answersShown(again)).to.equal(keptAnswers);
    });

    it('one that expired unsent after 30 days is said too, without answers to give back', async () => {
      const { el, events, server } = await queueRating('down', { 'service-id': 'old-rating' });
      el.parentElement!.remove();
      const db = await openOutboxStore();
      const item = (await db.get('pending', events.queued[0]!))!;
      await db.put('pending', { ...item, queuedAt: Date.now() - 31 * 24 * 60 * 60 * 1000 });
      await flushOutbox({ force: true });
      const errors = pageErrors();
      try {
        const { el: again } = await renderSurvey({ 'service-id': 'old-rating' }, server);
        await waitForShadow(again, '.refusal');
        expect(textOf(again, '.refusal')).to.equal(
          'Your rating could not be sent It waited on this device for 30 days without reaching the server, so it was deleted. You can rate again here.',
        );
        expect(errors.heard).to.deep.equal(['0 It waited on this device for 30 days without reaching the server, so it was deleted.']);
        expect(answersShown(again)).to.equal('rating none; reasons ; comment -; call back no; name -; phone -; consent no');
      } finally {
        errors.stop();
      }
    });

    it('one accepted while nobody watched is cleared without a word, and the survey keeps its cool-down', async () => {
      const { el, server } = await queueRating('down', { 'service-id': 'quiet-success' });
      el.parentElement!.remove();
      await server.setMode('ok');
      await flushOutbox({ force: true });
      await waitForStored(server, 1);
      const errors = pageErrors();
      try {
        const { el: again } = await renderSurvey({ 'service-id': 'quiet-success' }, server);
        await waitUntil(async () => (await (await openOutboxStore()).getAll('settled')).length === 0, 'the outcome was not cleared');
        expect(has(again, 'form'), 'still answered: not asked again').to.equal(false);
        expect(errors.heard).to.deep.equal([]);
      } finally {
        errors.stop();
      }
    });

    it('waits in the outbox, under its service, until a survey of that service loads', async () => {
      const server = new SurveyServer();
      const el = await queueCallBack(server, 'waiting-service');
      el.parentElement!.remove();
      await server.setMode('fail-400');
      await flushOutbox({ force: true });
      const { el: other } = await renderSurvey({ 'service-id': 'unrelated' }, server);
      await new Promise((resolve) => setTimeout(resolve, 300));
      other.parentElement!.remove();
      const settled = await (await openOutboxStore()).getAll('settled');
      const subject = (outcome: (typeof settled)[number]) => JSON.parse(outcome.request?.body.kind === 'json' ? outcome.request.body.text : '{}').serviceId;
      expect(settled.map((outcome) => `${subject(outcome)} ${outcome.status}`)).to.deep.equal(['waiting-service 400']);
    });
  });
});
