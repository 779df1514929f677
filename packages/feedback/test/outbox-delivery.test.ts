import { expect, waitUntil } from '@open-wc/testing';
import { flushOutbox } from '@civic-widgets/core';
import { openOutboxStore } from '../../core/src/outbox/outbox-store.js';
import type { CivicFeedback } from '../src/civic-feedback.js';
import type { CivicFeedbackErrorEvent, CivicFeedbackQueuedEvent, CivicFeedbackSuccessEvent } from '../src/events.js';
import { newEndpoint, received, setMode, type Open311Mode } from './helpers/open311.js';
import {
  type Attrs,
  choose,
  chooseFiles,
  clearOutbox,
  fill,
  png,
  renderFeedback,
  shadow,
  shownText,
  submit,
  waitForShadow,
} from './helpers/widget.js';

/** Whether `selector` matches in the widget (assertions compare booleans: a failed assertion holding a DOM node hangs the test runner). */
function has(element: CivicFeedback, selector: string): boolean {
  return shadow(element).querySelector(selector) !== null;
}

// A report that cannot be sent is kept on the device (IndexedDB outbox) and
// delivered later, exactly once, with the Idempotency-Key it was given when the
// citizen pressed Send. The Open311 test server is real; only its mode changes.

/** Records every civic-feedback event a widget fires, in order. */
function recordEvents(element: CivicFeedback) {
  const log = {
    queued: [] as CivicFeedbackQueuedEvent['detail'][],
    success: [] as CivicFeedbackSuccessEvent['detail'][],
    error: [] as CivicFeedbackErrorEvent['detail'][],
  };
  element.addEventListener('civic-feedback-queued', (event) => log.queued.push(event.detail));
  element.addEventListener('civic-feedback-success', (event) => log.success.push(event.detail));
  element.addEventListener('civic-feedback-error', (event) => log.error.push(event.detail));
  return log;
}

/** Renders a widget in `mode`, fills a pothole report and presses Send; resolves once it shows "Saved on this device". */
async function queueReport(mode: Open311Mode, attrs: Attrs = {}, description = 'Deep pothole outside no. 12') {
  const endpoint = (attrs['endpoint'] as string | undefined) ?? newEndpoint();
  const element = await renderFeedback({ 'min-fill-time': '0', ...attrs, endpoint });
  const events = recordEvents(element);
  await choose(element, 'pothole');
  await fill(element, '#description', description);
  await setMode(endpoint, mode);
  await submit(element);
  await waitForShadow(element, '.outcome.queued', 5000);
  return { endpoint, element, events };
}

async function pendingKeys(): Promise<string[]> {
  return (await (await openOutboxStore()).getAll('pending')).map((item) => item.key);
}

async function waitForCreated(endpoint: string, count: number, timeout = 5000): Promise<void> {
  await waitUntil(async () => (await received(endpoint)).created >= count, `the server did not create ${count} request(s)`, {
    timeout,
    interval: 50,
  });
}

function headingOf(root: ParentNode, selector: string): string {
  return (root.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<civic-feedback> offline outbox delivery', () => {
  beforeEach(async () => {
    await clearOutbox();
    sessionStorage.clear();
  });
  afterEach(async () => {
    await clearOutbox();
    sessionStorage.clear();
  });

  it('keeps a report on the device when the server cannot be reached, and clears the draft', async () => {
    const { endpoint, element, events } = await queueReport('down');

    expect(headingOf(shadow(element), '#outcome-heading')).to.equal('Saved on this device');
    expect(shownText(element)).to.include('will be sent the next time a page of this site with the form is open on this device');
    expect(events.queued).to.have.length(1);
    const key = events.queued[0]!.idempotencyKey;
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    expect(await pendingKeys()).to.deep.equal([key]);
    expect(events.success).to.have.length(0);
    expect(events.error).to.have.length(0);
    // Nothing reached the server: the connection dropped before any answer.
    expect((await received(endpoint)).created).to.equal(0);

    // The draft is gone: opening the form again ("reload") shows an empty form.
    element.remove();
    await setMode(endpoint, 'ok');
    const again = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    expect(shadow(again).querySelector<HTMLTextAreaElement>('#description')!.value).to.equal('');
    expect(shadow(again).querySelector<HTMLSelectElement>('#category')!.value).to.equal('');
  });

  it('keeps a report the server answered with 503', async () => {
    const { endpoint, element, events } = await queueReport('fail-503');
    expect(headingOf(shadow(element), '#outcome-heading')).to.equal('Saved on this device');
    expect(events.queued).to.have.length(1);
    const server = await received(endpoint);
    expect(server.received.map((post) => post.headers['idempotency-key'])).to.deep.equal([events.queued[0]!.idempotencyKey]);
    expect(server.created).to.equal(0);
  });

  it('keeps a report when the server does not answer within `timeout`', async () => {
    const started = Date.now();
    const { endpoint, element, events } = await queueReport('hang', { timeout: '300' });
    expect(Date.now() - started).to.be.below(4000);
    // Recover at once: a delivery attempt against a hanging server would hold the outbox lock.
    await setMode(endpoint, 'ok');
    expect(headingOf(shadow(element), '#outcome-heading')).to.equal('Saved on this device');
    expect(events.queued).to.have.length(1);
    expect((await received(endpoint)).created).to.equal(0);
  });

  for (const mode of ['down', 'fail-503', 'hang'] as const) {
    it(`after "${mode}", delivers the kept report exactly once with its Idempotency-Key and shows the tracking number`, async () => {
      const { endpoint, element, events } = await queueReport(mode, mode === 'hang' ? { timeout: '300' } : {});
      const key = events.queued[0]!.idempotencyKey;
      await setMode(endpoint, 'ok');
      window.dispatchEvent(new Event('online'));

      await waitForShadow(element, '.outcome.sent', 6000);
      await waitForCreated(endpoint, 1);
      const server = await received(endpoint);
      expect(server.created).to.equal(1);
      const delivered = server.received.at(-1)!;
      expect(delivered.headers['idempotency-key']).to.equal(key);
      expect(delivered.fields['service_code']).to.deep.equal(['pothole']);
      expect(delivered.fields['description']).to.deep.equal(['Deep pothole outside no. 12']);
      // Every try of this report carried the same key.
      expect(new Set(server.received.map((post) => post.headers['idempotency-key']))).to.deep.equal(new Set([key]));

      expect(headingOf(shadow(element), '#outcome-heading')).to.equal('Thank you: your message has been received');
      expect(headingOf(shadow(element), '.tracking-number')).to.equal('SR-1');
      expect(events.success).to.deep.equal([{ requestId: 'SR-1', notice: 'We aim to respond within 3 working days.' }]);
      expect(await pendingKeys()).to.deep.equal([]);

      // Nothing is left to send: another flush or another `online` creates nothing new.
      const before = server.received.length;
      await flushOutbox({ force: true });
      window.dispatchEvent(new Event('online'));
      await flushOutbox();
      const after = await received(endpoint);
      expect(after.received).to.have.length(before);
      expect(after.created).to.equal(1);
      expect(events.success).to.have.length(1);
    });
  }

  it('sends a kept report as soon as the browser is back online, without waiting for the retry timer', async () => {
    const { endpoint, element } = await queueReport('down');
    await setMode(endpoint, 'ok');
    window.dispatchEvent(new Event('online'));
    // The first automatic retry is due 2 s after the report was kept; `online` must not wait for it.
    await waitForCreated(endpoint, 1, 1000).catch(() => {
      throw new Error('the kept report was not sent within 1 s of the "online" event');
    });
    await waitForShadow(element, '.outcome.sent', 1000);
  });

  it('delivers a kept report with its photo as multipart, media intact', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const events = recordEvents(element);
    await choose(element, 'pothole');
    await fill(element, '#description', '路面塌陷，有照片');
    chooseFiles(element, [await png(64, 48, 'kerb.png')]);
    await waitForShadow(element, 'canvas[role="img"]');
    await setMode(endpoint, 'down');
    await submit(element);
    await waitForShadow(element, '.outcome.queued');
    const key = events.queued[0]!.idempotencyKey;

    await setMode(endpoint, 'ok');
    window.dispatchEvent(new Event('online'));
    await waitForShadow(element, '.outcome.sent', 6000);

    const server = await received(endpoint);
    expect(server.created).to.equal(1);
    const [post, ...others] = server.received;
    expect(others).to.have.length(0);
    expect(post!.headers['idempotency-key']).to.equal(key);
    expect(post!.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
    expect(post!.fields['description']).to.deep.equal(['路面塌陷，有照片']);
    expect(post!.media).to.have.length(1);
    expect(post!.media[0]!.type).to.equal('image/jpeg');
    const photo = await createImageBitmap(await (await fetch(post!.media[0]!.url)).blob());
    expect([photo.width, photo.height]).to.deep.equal([64, 48]);
  });

  it('a widget loading again on the origin delivers what an earlier one kept, and says so', async () => {
    const { endpoint, element, events } = await queueReport('down');
    const key = events.queued[0]!.idempotencyKey;
    element.remove();
    await setMode(endpoint, 'ok');
    // The citizen comes back later: the retry time has passed.
    const db = await openOutboxStore();
    await db.put('pending', { ...(await db.get('pending', key))!, nextAttemptAt: Date.now() - 1 });

    // The new widget is made and connected by renderFeedback: listen where its events bubble to.
    const successes: CivicFeedbackSuccessEvent['detail'][] = [];
    const onSuccess = (event: CivicFeedbackSuccessEvent) => successes.push(event.detail);
    document.addEventListener('civic-feedback-success', onSuccess);
    const next = await renderFeedback({ endpoint, 'min-fill-time': '0' });

    const notice = await waitForShadow(next, '.delivered-later', 6000);
    expect(headingOf(notice, 'h2')).to.equal('A message saved on this device has now been sent');
    expect(headingOf(notice, '.tracking-number')).to.equal('SR-1');
    // The new widget still offers its own empty form below the notice.
    expect(has(next, 'form'), 'form').to.equal(true);

    const server = await received(endpoint);
    expect(server.created).to.equal(1);
    expect(server.received.map((post) => post.headers['idempotency-key'])).to.deep.equal([key]);
    expect(await pendingKeys()).to.deep.equal([]);
    document.removeEventListener('civic-feedback-success', onSuccess);
    expect(successes).to.deep.equal([{ requestId: 'SR-1', notice: 'We aim to respond within 3 working days.' }]);
    // Shown once: a further widget has nothing to announce.
    const third = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(has(third, '.delivered-later'), '.delivered-later').to.equal(false);
  });

  it('a kept report that the server later refuses (400) brings back the form, with the reason and what was typed', async () => {
    const { endpoint, element, events } = await queueReport('down');
    await setMode(endpoint, 'fail-400');
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await received(endpoint)).received.length > 0, 'the kept report was not retried', {
      timeout: 6000,
    });

    const refusal = await waitForShadow(element, '.refusal', 3000);
    expect(events.error).to.deep.equal([{ status: 400, message: 'The address is outside the district.' }]);
    expect(events.success).to.have.length(0);
    expect((await received(endpoint)).created).to.equal(0);
    expect(await pendingKeys()).to.deep.equal([]);
    expect(refusal.textContent!.replace(/\s+/g, ' ')).to.include('The address is outside the district.');
    // The page no longer promises to send it automatically, and the citizen can correct and resend.
    expect(shownText(element)).not.to.include('will be sent the next time');
    expect(shadow(element).querySelector<HTMLTextAreaElement>('#description')!.value).to.equal('Deep pothole outside no. 12');
  });

  it('a report kept in an earlier visit and refused later is reported as not accepted by the next widget', async () => {
    const { endpoint, element } = await queueReport('down');
    element.remove();
    await setMode(endpoint, 'fail-400');
    const next = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const notice = await waitForShadow(next, '.delivered-later', 6000);
    const text = notice.textContent!.replace(/\s+/g, ' ');
    expect(headingOf(notice, 'h2')).to.equal('A message saved on this device was not accepted');
    expect(text).to.include('The address is outside the district.');
    expect(text).to.include('Please send it again.');
    expect(text).not.to.include('has now been sent');

    // Nothing the citizen wrote is lost: it goes back into the form on request.
    [...notice.querySelectorAll('button')].find((button) => button.textContent!.includes('Put it back in the form'))!.click();
    const refusal = await waitForShadow(next, '.refusal');
    expect(refusal.textContent).to.include('The address is outside the district.');
    expect(shadow(next).querySelector<HTMLTextAreaElement>('#description')!.value).to.equal('Deep pothole outside no. 12');
    expect(shadow(next).querySelector<HTMLSelectElement>('#category')!.value).to.equal('pothole');
    expect(shadow(next).activeElement?.className).to.equal('refusal');
    expect(has(next, '.delivered-later'), '.delivered-later').to.equal(false);
  });

  it('two deliveries at the same moment (two tabs) send the kept report once', async () => {
    const { endpoint, element, events } = await queueReport('down');
    const key = events.queued[0]!.idempotencyKey;
    await setMode(endpoint, 'ok');
    await Promise.all([flushOutbox({ force: true }), flushOutbox({ force: true })]);

    const server = await received(endpoint);
    // One POST, not two answered alike by the server's idempotency check.
    expect(server.received.map((post) => post.headers['idempotency-key'])).to.deep.equal([key]);
    expect(server.created).to.equal(1);
    await waitForShadow(element, '.outcome.sent');
    expect(headingOf(shadow(element), '.tracking-number')).to.equal('SR-1');
    expect(events.success).to.have.length(1);
  });

  it('with two widgets on the page, the one that kept the report shows its tracking number', async () => {
    const endpoint = newEndpoint();
    // Another form on the same page (a preset category), connected first.
    const bystander = await renderFeedback({ endpoint, 'service-code': 'praise', 'min-fill-time': '0' });
    const bystanderEvents = recordEvents(bystander);
    const { element, events } = await queueReport('down', { endpoint });
    await setMode(endpoint, 'ok');
    window.dispatchEvent(new Event('online'));
    await waitForCreated(endpoint, 1, 6000);

    await waitForShadow(element, '.outcome.sent', 3000).catch(() => {
      throw new Error(
        `the widget that kept the report still shows "${headingOf(shadow(element), '#outcome-heading')}"; ` +
          `the other widget shows "${headingOf(shadow(bystander), '.delivered-later')}"`,
      );
    });
    expect(headingOf(shadow(element), '.tracking-number')).to.equal('SR-1');
    expect(events.success).to.have.length(1);
    expect(bystanderEvents.success).to.have.length(0);
  });

  it('a late delivery does not move the focus away from what the citizen is doing', async () => {
    const { endpoint, element } = await queueReport('down');
    // The citizen has moved on to the page's own search box.
    const search = document.createElement('input');
    // Where the focus is, as words (an element in a failed assertion is too big to report).
    const focused = () => {
      const active = document.activeElement;
      if (active === search) return 'page search box';
      const inner = active === element ? element.shadowRoot!.activeElement : null;
      return `${active?.localName}${inner ? ` > ${inner.localName}#${inner.id}` : ''}`;
    };
    search.setAttribute('aria-label', 'Search this site');
    document.body.append(search);
    try {
      search.focus();
      expect(focused()).to.equal('page search box');
      await setMode(endpoint, 'ok');
      window.dispatchEvent(new Event('online'));
      await waitForShadow(element, '.outcome.sent', 6000);
      await element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(focused()).to.equal('page search box');
      // The news is still given to screen reader users, politely.
      await waitUntil(() => shadow(element).querySelector('[role="status"]')!.textContent!.includes('has now been sent'));
    } finally {
      search.remove();
    }
  });
  // ---- Fixes from the code review ----------------------------------------------------------------

  for (const [mode, status] of [
    ['conflict-409', 409],
    ['too-early-425', 425],
  ] as const) {
    it(`a kept report retried while the server answers ${status} (its first try still being processed) stays kept, then is delivered once`, async () => {
      // The first try timed out while the server was still at work on it: kept.
      const { endpoint, element, events } = await queueReport('down');
      const key = events.queued[0]!.idempotencyKey;
      await setMode(endpoint, mode);

      // Tried again while the server says "still processing": still kept, not refused.
      await flushOutbox({ force: true });
      expect(await pendingKeys()).to.deep.equal([key]);
      expect(events.error).to.deep.equal([]);
      expect(headingOf(shadow(element), '#outcome-heading')).to.equal('Saved on this device');

      await setMode(endpoint, 'ok');
      window.dispatchEvent(new Event('online'));
      await waitForShadow(element, '.outcome.sent', 6000);
      await waitForCreated(endpoint, 1);
      const server = await received(endpoint);
      expect(server.created).to.equal(1);
      expect(new Set(server.received.map((post) => post.headers['idempotency-key']))).to.deep.equal(new Set([key]));
      expect(headingOf(shadow(element), '.tracking-number')).to.equal('SR-1');
      expect(events.success).to.have.length(1);
      expect(events.error).to.deep.equal([]);
      expect(await pendingKeys()).to.deep.equal([]);
    });
  }

  it('a first try answered 425 is kept; answered 409 (a key never sent before: a real conflict) it is refused with the reason', async () => {
    const early = await queueReport('too-early-425');
    expect(headingOf(shadow(early.element), '#outcome-heading')).to.equal('Saved on this device');

    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const events = recordEvents(element);
    await choose(element, 'pothole');
    await fill(element, '#description', 'Pothole reported twice');
    await setMode(endpoint, 'conflict-409');
    await submit(element);
    const refusal = await waitForShadow(element, '.refusal');
    expect(refusal.textContent).to.include('A request with this Idempotency-Key is still being processed.');
    expect(events.queued).to.have.length(0);
    expect(await pendingKeys()).to.deep.equal([early.events.queued[0]!.idempotencyKey]);
  });

  it('a kept report waits as long as the server’s Retry-After asks before it is tried again', async () => {
    const { events } = await queueReport('retry-after-503');
    const key = events.queued[0]!.idempotencyKey;
    const before = Date.now();
    await flushOutbox({ force: true });
    const item = await (await openOutboxStore()).get('pending', key);
    expect(item, 'the report is still kept').to.not.equal(undefined);
    const delay = item!.nextAttemptAt - before;
    // Retry-After: 120 (seconds); the outbox's own backoff would be a few seconds.
    expect(delay, `next try in ${delay} ms`).to.be.at.least(118_000);
    expect(events.error).to.deep.equal([]);
  });

  it('a widget that is not set up (no endpoint) leaves the outcome of a kept report to a widget that can show it', async () => {
    const { endpoint, element, events } = await queueReport('down');
    const key = events.queued[0]!.idempotencyKey;
    element.remove();
    await setMode(endpoint, 'ok');
    await flushOutbox({ force: true });
    const db = await openOutboxStore();
    // Delivered while no widget was on the page: the outcome waits on the device.
    expect((await db.getAll('settled')).map((item) => item.key)).to.deep.equal([key]);

    const originalError = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => void logged.push(String(args[0]));
    try {
      const misconfigured = await renderFeedback({ endpoint: null });
      expect(shownText(misconfigured)).to.include('This form cannot be used at the moment. To report a problem or ask a question, please call the 12345 hotline.');
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      console.error = originalError;
    }
    expect(logged.filter((line) => line.includes('endpoint attribute is missing'))).to.have.length(1);
    // It cannot show the outcome, so it has not taken it.
    expect((await db.getAll('settled')).map((item) => item.key)).to.deep.equal([key]);

    const good = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const notice = await waitForShadow(good, '.delivered-later', 6000);
    expect(headingOf(notice, 'h2')).to.equal('A message saved on this device has now been sent');
    expect(headingOf(notice, '.tracking-number')).to.equal('SR-1');
    expect((await db.getAll('settled')).map((item) => item.key)).to.deep.equal([]);
  });

  it('a kept report delivered later sends the Open311 server no Referer and no cookies', async () => {
    // The server on the page's own host name: the page's cookies are same-site for it.
    const endpoint = newEndpoint().replace('127.0.0.1', location.hostname);
    const cookie = `civic-test-session-${crypto.randomUUID().slice(0, 8)}=1`;
    document.cookie = `${cookie}; path=/; SameSite=Lax`;
    try {
      const { element } = await queueReport('fail-503', { endpoint });
      await setMode(endpoint, 'ok');
      window.dispatchEvent(new Event('online'));
      await waitForShadow(element, '.outcome.sent', 6000);
      const posts = (await received(endpoint)).received;
      expect(posts.length, 'the first try and the delivery').to.be.at.least(2);
      expect(posts.map((post) => `referer: ${post.headers.referer}, cookie: ${post.headers.cookie}`)).to.deep.equal(
        posts.map(() => 'referer: null, cookie: null'),
      );
    } finally {
      document.cookie = `${cookie.split('=')[0]}=; path=/; max-age=0`;
    }
  });

  it('when the server refuses a kept report that had photos, the form gets its text and photos back', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const events = recordEvents(element);
    await choose(element, 'pothole');
    await fill(element, '#description', 'Kerb broken, photo attached');
    chooseFiles(element, [await png(64, 48, 'kerb.png')]);
    await waitForShadow(element, 'canvas[role="img"]');
    await setMode(endpoint, 'down');
    await submit(element);
    await waitForShadow(element, '.outcome.queued');

    await setMode(endpoint, 'fail-400');
    window.dispatchEvent(new Event('online'));
    const refusal = await waitForShadow(element, '.refusal', 6000);
    const text = refusal.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('The address is outside the district.');
    expect(text).to.include('Everything you entered is still here');
    expect(events.error).to.deep.equal([{ status: 400, message: 'The address is outside the district.' }]);
    expect(shadow(element).querySelector<HTMLTextAreaElement>('#description')!.value).to.equal('Kerb broken, photo attached');
    expect(shadow(element).querySelectorAll('canvas[role="img"]').length).to.equal(1);
    // Sent again as it is, the photo goes with it.
    await setMode(endpoint, 'ok');
    await submit(element);
    await waitForShadow(element, '.tracking-number');
    const resent = (await received(endpoint)).received.at(-1)!;
    expect(resent.media.map((photo) => photo.type)).to.deep.equal(['image/jpeg']);
  });
});
