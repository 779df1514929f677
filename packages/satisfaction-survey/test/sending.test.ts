import { expect, waitUntil } from '@open-wc/testing';
import { surveyOrigin } from '/test-config.js';
import { SurveyServer, refusalTitle } from './helpers/survey-server.js';
import {
  chooseRating,
  fill,
  focused,
  has,
  optionLabels,
  query,
  rateAndSend,
  recordEvents,
  renderSurvey,
  shownText,
  submit,
  textOf,
  tickReason,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Survey,
} from './helpers/survey.js';

// What reaches the server, and what the citizen sees and the page hears
// (events) when it is accepted, refused or stopped.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The page the tests run on, as the widget must send it: no query (wtr-session-id), no fragment. */
const page = `${location.origin}${location.pathname}`;

/** The body without submittedAt (checked apart: it is the moment of sending), as JSON text. */
function withoutTime(body: Record<string, unknown> | null | undefined): string {
  const { submittedAt: _ignored, ...rest } = body ?? {};
  return JSON.stringify(rest);
}

function radioChecked(el: Survey, value: number): boolean {
  return query<HTMLInputElement>(el, `#rating-${value}`).checked;
}

describe('<civic-satisfaction-survey> sending a rating', () => {
  useCleanState();

  describe('the exact JSON for each scale', () => {
    const cases: Array<{
      scale: string;
      labels: string[];
      rating: number;
      reasons?: string[];
      comment?: string;
      expected: Record<string, unknown>;
    }> = [
      {
        scale: 'five-level',
        labels: ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied'],
        rating: 4,
        comment: '  Quick and friendly at window 3.  ',
        expected: { scale: 'five-level', rating: 4, reasons: [], comment: 'Quick and friendly at window 3.' },
      },
      {
        scale: 'five-level',
        labels: ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied'],
        rating: 1,
        reasons: ['efficiency', 'attitude'],
        comment: '排队两个小时。',
        expected: { scale: 'five-level', rating: 1, reasons: ['efficiency', 'attitude'], comment: '排队两个小时。' },
      },
      {
        scale: 'helpful',
        labels: ['Yes', 'No'],
        rating: 1,
        expected: { scale: 'helpful', rating: 1, reasons: [], comment: '' },
      },
      {
        scale: 'helpful',
        labels: ['Yes', 'No'],
        rating: 0,
        comment: '没有写明需要带哪些材料。',
        expected: { scale: 'helpful', rating: 0, reasons: [], comment: '没有写明需要带哪些材料。' },
      },
      {
        scale: 'csat',
        labels: ['1', '2', '3', '4', '5'],
        rating: 5,
        expected: { scale: 'csat', rating: 5, reasons: [], comment: '' },
      },
      {
        scale: 'ces',
        labels: ['1', '2', '3', '4', '5', '6', '7'],
        rating: 3,
        reasons: ['usability'],
        comment: 'The upload step failed twice.',
        expected: { scale: 'ces', rating: 3, reasons: ['usability'], comment: 'The upload step failed twice.' },
      },
      {
        scale: 'nps',
        labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
        rating: 0,
        expected: { scale: 'nps', rating: 0, reasons: [], comment: '' },
      },
      {
        scale: 'nps',
        labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
        rating: 10,
        expected: { scale: 'nps', rating: 10, reasons: [], comment: '' },
      },
    ];

    for (const { scale, labels, rating, reasons = [], comment, expected } of cases) {
      it(`${scale}, rating ${rating}${reasons.length ? ` with reasons ${reasons.join(', ')}` : ''}`, async () => {
        const { el, server } = await renderSurvey({ scale, 'service-id': 'hukou-transfer' });
        expect(optionLabels(el)).to.deep.equal(labels);
        await chooseRating(el, rating);
        for (const code of reasons) await tickReason(el, code);
        if (comment !== undefined) await fill(el, '#comment', comment);
        const before = Date.now();
        await submit(el);
        await waitForShadow(el, '.outcome.sent');

        const [post, ...more] = (await server.received()).received;
        expect(more).to.have.length(0);
        expect(withoutTime(post!.body)).to.equal(
          JSON.stringify({ ...expected, serviceId: 'hukou-transfer', pageUrl: page, locale: 'en' }),
        );
        const submittedAt = String(post!.body!['submittedAt']);
        expect(submittedAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(Date.parse(submittedAt)).to.be.within(before - 1000, Date.now() + 1000);
      });
    }
  });

  it('rates the page (its path) when no service-id is given', async () => {
    const { el, server } = await renderSurvey({ scale: 'helpful' });
    expect(textOf(el, 'legend')).to.equal('Is this page useful?');
    await rateAndSend(el, 1);
    const [body] = await server.bodies();
    expect(body!['serviceId']).to.equal(`page:${location.pathname}`);
  });

  it('sends the page address without its query string or fragment', async () => {
    const original = location.href;
    history.replaceState(history.state, '', `${location.pathname}${location.search}&ref=newsletter&id=110101199001011234#section-2`);
    try {
      expect(location.search).to.include('id=110101199001011234');
      const { el, server } = await renderSurvey({ 'service-id': 'svc-page-url' });
      await rateAndSend(el, 5);
      const [body] = await server.bodies();
      expect(body!['pageUrl']).to.equal(page);
    } finally {
      history.replaceState(history.state, '', original);
    }
  });

  it('sends JSON with an Idempotency-Key, and no cookies or Referer even to a same-site server', async () => {
    // The server on the page's own host name: the page's cookies are same-site for it.
    const server = new SurveyServer(surveyOrigin.replace('127.0.0.1', location.hostname));
    const cookie = `civic-survey-session-${crypto.randomUUID().slice(0, 8)}=1`;
    document.cookie = `${cookie}; path=/; SameSite=Lax`;
    try {
      const { el } = await renderSurvey({ 'service-id': 'svc-headers' }, server);
      const events = recordEvents(el);
      await rateAndSend(el, 5);
      await waitUntil(() => events.success.length === 1, 'civic-survey-success');
      const [post] = (await server.received()).received;
      expect(post!.headers['content-type']).to.equal('application/json');
      // The page's language, so a refusal comes back in words the citizen reads here.
      expect(post!.headers['accept-language']).to.equal('en');
      expect(post!.headers['idempotency-key']).to.match(uuid);
      expect(post!.headers['idempotency-key']).to.equal(events.success[0]);
      expect(`cookie: ${post!.headers.cookie}, referer: ${post!.headers.referer}`).to.equal('cookie: null, referer: null');
    } finally {
      document.cookie = `${cookie.split('=')[0]}=; path=/; max-age=0`;
    }
  });

  it('thanks the citizen and moves focus to the thanks, read once (not also by the live region); the page hears submit then success', async () => {
    const { el, server } = await renderSurvey({ 'service-id': 'svc-thanks' });
    const events = recordEvents(el);
    await chooseRating(el, 3);
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    await waitForFocus(el, '#outcome-heading');
    expect(textOf(el, '#outcome-heading')).to.equal('Thank you for your rating');
    expect(textOf(el, '[role="status"]')).to.equal('');
    expect(has(el, 'form')).to.equal(false);
    expect(events.order).to.deep.equal(['submit', 'success']);
    // What the page was told it would send is what arrived.
    const [body] = await server.bodies();
    expect(events.submit[0]).to.equal(JSON.stringify(body));
  });

  it('sends nothing when the page cancels civic-survey-submit, and can send once it no longer does', async () => {
    const { el, server } = await renderSurvey({ 'service-id': 'svc-cancel' });
    const events = recordEvents(el);
    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener('civic-survey-submit', cancel);
    await chooseRating(el, 5);
    await submit(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await server.received()).received).to.have.length(0);
    expect(events.order).to.deep.equal(['submit']);
    expect(has(el, '.outcome'), 'a thank-you').to.equal(false);
    expect(radioChecked(el, 5), 'the rating is still chosen').to.equal(true);
    expect(query<HTMLButtonElement>(el, 'button[part="submit"]').getAttribute('aria-disabled'), 'Send is unavailable').to.equal('false');

    el.removeEventListener('civic-survey-submit', cancel);
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    expect((await server.received()).stored).to.equal(1);
    expect(events.order).to.deep.equal(['submit', 'submit', 'success']);
  });

  it('shows “Sending…” on an unavailable button that keeps focus while waiting, and sends once however often Send is pressed', async () => {
    const { el, server } = await renderSurvey({ 'service-id': 'svc-double', timeout: 2000 });
    await server.setMode('hang');
    await chooseRating(el, 4);
    const send = query<HTMLButtonElement>(el, 'button[part="submit"]');
    send.focus();
    send.click();
    send.click();
    await el.updateComplete;
    send.click();
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement === send, 'focus stays on Send').to.equal(true);
    expect(has(el, 'button.link'), '"No thanks" is gone while sending').to.equal(false);
    expect(send.textContent!.trim()).to.equal('Sending…');
    await waitUntil(async () => (await server.received()).received.length > 0, 'the rating reached the server');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await server.received()).received).to.have.length(1);
    // Let the hanging try end (kept on the device) before the outbox is cleared.
    await server.setMode('ok');
    await waitForShadow(el, '.outcome', 5000);
  });

  it('a refusal (400) shows the server’s own words, keeps every answer, and can be sent again', async () => {
    const { el, server } = await renderSurvey({ 'service-id': 'svc-refused' });
    const events = recordEvents(el);
    await server.setMode('fail-400');
    await chooseRating(el, 2);
    await tickReason(el, 'guide-accuracy');
    await fill(el, '#comment', 'The guide lists a form that no longer exists.');
    await submit(el);
    await waitForShadow(el, '.refusal');

    expect(textOf(el, '.refusal')).to.equal(
      `Your rating was not accepted ${refusalTitle} Your answers are still here: you can send them again.`,
    );
    await waitForFocus(el, '.refusal');
    expect(events.error).to.deep.equal([{ status: 400, message: refusalTitle }]);
    expect(events.success).to.have.length(0);
    expect(events.queued).to.have.length(0);
    expect(radioChecked(el, 2), 'the rating').to.equal(true);
    expect(query<HTMLInputElement>(el, 'input[value="guide-accuracy"]').checked, 'the reason').to.equal(true);
    expect(query<HTMLTextAreaElement>(el, '#comment').value).to.equal('The guide lists a form that no longer exists.');
    expect(shownText(el)).not.to.include('Thank you');

    await server.setMode('ok');
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    expect(has(el, '.refusal')).to.equal(false);
    const seen = await server.received();
    expect(seen.stored).to.equal(1);
    expect(withoutTime(seen.received[1]!.body)).to.equal(withoutTime(seen.received[0]!.body));
    expect(events.order).to.deep.equal(['submit', 'error', 'submit', 'success']);
  });

  it('a refusal without the server’s own words says the HTTP status', async () => {
    // The test page's own server has no such route and answers in plain text.
    const endpoint = new URL('/no-such-survey-endpoint', location.href).href;
    const { el } = await renderSurvey({ endpoint, 'service-id': 'svc-plain-refusal' });
    const events = recordEvents(el);
    await chooseRating(el, 5);
    await submit(el);
    await waitForShadow(el, '.refusal');
    expect(events.error).to.have.length(1);
    const { status, message } = events.error[0]!;
    expect(status).to.be.within(400, 499);
    expect(message).to.equal(`The server did not accept the rating (error ${status}).`);
    expect(textOf(el, '.refusal')).to.include(message);
  });

  it('a refused rating is not remembered as answered: the survey shows again', async () => {
    const server = new SurveyServer();
    await server.setMode('fail-400');
    const { el } = await renderSurvey({ 'service-id': 'svc-refused-again' }, server);
    await chooseRating(el, 5);
    await submit(el);
    await waitForShadow(el, '.refusal');
    el.remove();
    const { el: again } = await renderSurvey({ 'service-id': 'svc-refused-again' }, server);
    expect(has(again, 'form')).to.equal(true);
  });

  it('without a rating nothing is sent: the error summary takes focus and its link goes to the first choice', async () => {
    const { el, server } = await renderSurvey({ scale: 'nps', 'service-id': 'svc-no-rating' });
    await submit(el);
    await waitForShadow(el, '.error-summary');
    await waitForFocus(el, '.error-summary');
    expect(textOf(el, '.error-summary')).to.equal('There is a problem Choose a rating');
    expect(textOf(el, '#rating-error')).to.equal('Error: Choose a rating');
    expect(query(el, 'fieldset.rating').getAttribute('aria-describedby')).to.equal('rating-hint rating-error');
    query(el, '.error-summary a').click();
    expect(focused(el)).to.equal('input#rating-0');
    expect((await server.received()).received).to.have.length(0);

    await chooseRating(el, 9);
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    expect((await server.received()).stored).to.equal(1);
  });

  it('a comment over 1,000 characters is not sent, and says how to fix it', async () => {
    const { el, server } = await renderSurvey({ 'service-id': 'svc-long' });
    await chooseRating(el, 2);
    await fill(el, '#comment', 'x'.repeat(1001));
    await submit(el);
    await waitForShadow(el, '.error-summary');
    expect(textOf(el, '.error-summary a')).to.equal('Your comment must be 1,000 characters or fewer');
    expect(query(el, '#comment').getAttribute('aria-invalid')).to.equal('true');
    query(el, '.error-summary a').click();
    expect(focused(el)).to.equal('textarea#comment');
    expect((await server.received()).received).to.have.length(0);

    await fill(el, '#comment', 'x'.repeat(1000));
    await submit(el);
    await waitForShadow(el, '.outcome.sent');
    const [body] = await server.bodies();
    expect(String(body!['comment']).length).to.equal(1000);
  });
});
