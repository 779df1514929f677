import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { newEndpoint, received, setMode, setNotice } from './helpers/open311.js';
import {
  choose,
  describeNode,
  fill,
  focused,
  matches,
  query,
  renderFeedback,
  shadow,
  shownText,
  submit,
  tick,
  waitForShadow,
} from './helpers/widget.js';
import type { CivicFeedback } from '../src/civic-feedback.js';
import type { CivicFeedbackErrorEvent, CivicFeedbackSubmitEvent, CivicFeedbackSuccessEvent } from '../src/events.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The seed's service_notice (test/server/open311-seed.mjs). */
const serviceNotice = 'We aim to respond within 3 working days.';
const description = 'A deep hole in the road outside the bus stop; a cyclist nearly fell.';

/** Time for a request that was (wrongly) started to reach the test server. */
const settle = () => aTimeout(300);

async function pothole(el: CivicFeedback): Promise<void> {
  await choose(el, 'pothole');
  await fill(el, '#description', description);
}

async function sent(el: CivicFeedback): Promise<HTMLElement> {
  return waitForShadow(el, '.outcome.sent');
}

/** Records every civic-feedback-* event that reaches `document`. */
function listen() {
  const seen: Event[] = [];
  const record = (event: Event) => void seen.push(event);
  const names = ['civic-feedback-submit', 'civic-feedback-success', 'civic-feedback-queued', 'civic-feedback-error'];
  names.forEach((name) => document.addEventListener(name, record));
  return { seen, stop: () => names.forEach((name) => document.removeEventListener(name, record)) };
}

describe('<civic-feedback> submission', () => {
  let events: ReturnType<typeof listen>;
  beforeEach(() => (events = listen()));
  afterEach(() => events.stop());

  it('sends a plain report as urlencoded Open311 fields, exactly as entered', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    await fill(el, '#address', '  88 Huaihai Road, by the north gate  ');
    await fill(el, '#name', '李雷');
    await fill(el, '#phone', '138 0000 0000');
    await fill(el, '#email', 'li.lei@example.com');
    await tick(el, '#consent');
    await submit(el);
    await sent(el);

    const [post, ...more] = (await received(el.endpoint)).received;
    expect(more).to.have.length(0);
    expect(post!.headers['content-type']).to.match(/^application\/x-www-form-urlencoded/);
    // The page's language, so the server's refusals and notices come back in it.
    expect(post!.headers['accept-language']).to.equal('en');
    expect(post!.headers['idempotency-key']).to.match(uuid);
    expect(post!.media).to.have.length(0);
    expect(post!.fields).to.deep.equal({
      service_code: ['pothole'],
      description: [description],
      address_string: ['88 Huaihai Road, by the north gate'],
      first_name: ['李雷'],
      phone: ['138 0000 0000'],
      email: ['li.lei@example.com'],
    });
  });

  it('an anonymous report sends no name, phone or email, even if they were typed before ticking anonymous', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    await fill(el, '#name', '李雷');
    await fill(el, '#phone', '138 0000 0000');
    await fill(el, '#email', 'li.lei@example.com');
    await tick(el, '#anonymous');
    await submit(el);
    await sent(el);

    const [post] = (await received(el.endpoint)).received;
    expect(post!.fields).to.deep.equal({ service_code: ['pothole'], description: [description] });
  });

  it('sends every answered question of `noise` under its attribute[code] name', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await choose(el, 'noise');
    await tick(el, '#attribute-1-singlevaluelist-1'); // Traffic
    await fill(el, '#attribute-2-datetime', '2026-11-26T09:30');
    await fill(el, '#attribute-3-string', 'Metro line 14 works');
    await fill(el, '#attribute-4-number', '１２'); // full-width digits, as a Chinese IME types them
    await fill(el, '#attribute-5-text', 'Pile driving, very loud.');
    await tick(el, '#attribute-6-multivaluelist'); // Morning
    await tick(el, '#attribute-6-multivaluelist-2'); // Night
    await fill(el, '#description', 'Heavy machines at night next to our building.');
    await submit(el);
    await sent(el);

    // The browser's own offset for that local time, e.g. +08:00 in Shanghai.
    const offset = -new Date('2026-11-26T09:30').getTimezoneOffset();
    const two = (value: number) => String(value).padStart(2, '0');
    const zone = `${offset >= 0 ? '+' : '-'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
    const [post] = (await received(el.endpoint)).received;
    expect(post!.fields).to.deep.equal({
      service_code: ['noise'],
      'attribute[source]': ['traffic'],
      'attribute[started]': [`2026-11-26T09:30:00${zone}`],
      'attribute[venue]': ['Metro line 14 works'],
      'attribute[floor]': ['12'],
      'attribute[details]': ['Pile driving, very loud.'],
      'attribute[when][]': ['morning', 'night'],
      description: ['Heavy machines at night next to our building.'],
    });
    expect(post!.fields['attribute[started]']![0]).to.match(/^2026-11-26T09:30:00[+-]\d{2}:\d{2}$/);
  });

  it('sends api-key and jurisdiction-id as api_key and jurisdiction_id', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0', 'api-key': 'key-xuhui-42', 'jurisdiction-id': 'xuhui.sh.cn' });
    await pothole(el);
    await submit(el);
    await sent(el);
    const [post] = (await received(el.endpoint)).received;
    expect(post!.fields['api_key']).to.deep.equal(['key-xuhui-42']);
    expect(post!.fields['jurisdiction_id']).to.deep.equal(['xuhui.sh.cn']);
    expect(post!.headers['idempotency-key']).to.match(uuid);
  });

  it('civic-feedback-submit is cancelable: preventDefault sends nothing', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('civic-feedback-submit', cancel);
    try {
      await submit(el);
      await settle();
    } finally {
      document.removeEventListener('civic-feedback-submit', cancel);
    }
    const submitted = events.seen.filter((event) => event.type === 'civic-feedback-submit');
    expect(submitted).to.have.length(1);
    expect(submitted[0]!.cancelable).to.equal(true);
    expect((await received(el.endpoint)).received).to.have.length(0);
    expect(matches(el, '.outcome')).to.deep.equal([]);
    expect(query<HTMLTextAreaElement>(el, '#description').value).to.equal(description);
    expect(query<HTMLButtonElement>(el, 'form button.primary').disabled).to.equal(false);
  });

  it('a field a listener adds to detail.fields (a CAPTCHA token) reaches the server', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    const addToken = (event: CivicFeedbackSubmitEvent) => {
      expect(event.detail.fields['service_code']).to.equal('pothole');
      event.detail.fields['captcha_token'] = 'tok-7f3a';
    };
    el.addEventListener('civic-feedback-submit', addToken);
    await submit(el);
    await sent(el);
    el.removeEventListener('civic-feedback-submit', addToken);
    const [post] = (await received(el.endpoint)).received;
    expect(post!.fields['captcha_token']).to.deep.equal(['tok-7f3a']);
  });

  it('on success shows the tracking number and the service notice, focuses the heading and fires civic-feedback-success', async () => {
    // Inside another component's shadow root: the events must still reach the document.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(inner);
    const el = await renderFeedback({ 'min-fill-time': '0' }, { parent: inner });
    await pothole(el);
    await submit(el);
    const outcome = await sent(el);

    const heading = outcome.querySelector('h2#outcome-heading')!;
    expect(heading.textContent!.trim()).to.equal('Thank you: your message has been received');
    expect(outcome.querySelector('.tracking-number')!.textContent!.trim()).to.equal('SR-1');
    expect(outcome.textContent).to.contain('Your tracking number is');
    expect(outcome.querySelector('.service-notice')!.textContent!.trim()).to.equal(serviceNotice);
    await waitUntil(() => shadow(el).activeElement === heading, 'focus moves to the success heading');
    expect(matches(el, 'form')).to.deep.equal([]);

    const success = events.seen.filter((event) => event.type === 'civic-feedback-success') as CivicFeedbackSuccessEvent[];
    expect(success).to.have.length(1);
    expect(success[0]!.detail).to.deep.equal({ requestId: 'SR-1', notice: serviceNotice });
    expect(success[0]!.bubbles).to.equal(true);
    expect(success[0]!.composed).to.equal(true);
    const submitted = events.seen.find((event) => event.type === 'civic-feedback-submit')!;
    expect(submitted.bubbles && submitted.composed).to.equal(true);
    expect(events.seen.map((event) => event.type)).to.deep.equal(['civic-feedback-submit', 'civic-feedback-success']);
  });

  it('"Send another message" after success brings back an empty form that sends again, with a new Idempotency-Key', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    await submit(el);
    await sent(el);
    [...shadow(el).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Send another message')!.click();
    await waitForShadow(el, 'form');
    expect(query<HTMLTextAreaElement>(el, '#description').value).to.equal('');
    expect(query<HTMLSelectElement>(el, '#category').value).to.equal('');
    await pothole(el);
    await submit(el);
    expect((await sent(el)).querySelector('.tracking-number')!.textContent!.trim()).to.equal('SR-2');
    const keys = (await received(el.endpoint)).received.map((post) => post.headers['idempotency-key']);
    expect(keys).to.have.length(2);
    expect(keys[0]).not.to.equal(keys[1]);
  });

  it('"Send another message" moves focus to the new form’s heading, so keyboard and screen-reader users are not lost', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    await submit(el);
    await sent(el);
    [...shadow(el).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Send another message')!.click();
    await waitForShadow(el, 'form');
    await el.updateComplete;
    expect(focused(el), 'focus is on the form heading').to.equal(describeNode(query(el, 'form h2')));
  });

  it('a double click on Send sends one report', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    const button = query<HTMLButtonElement>(el, 'form button.primary');
    button.click();
    button.click();
    await sent(el);
    await settle();
    const server = await received(el.endpoint);
    expect(server.received).to.have.length(1);
    expect(server.created).to.equal(1);
  });

  it('sends a phone number typed in full-width digits as plain digits', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    await fill(el, '#phone', '１３８　００００　００００');
    await tick(el, '#consent');
    await submit(el);
    await sent(el);
    const [post] = (await received(el.endpoint)).received;
    expect(post!.fields['phone']).to.deep.equal(['138 0000 0000']);
  });

  it('in token mode shows the reference the server gave', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await setMode(el.endpoint, 'token');
    await pothole(el);
    await submit(el);
    const outcome = await sent(el);
    expect(outcome.textContent).to.contain('Your reference is');
    expect(outcome.querySelector('.tracking-number')!.textContent!.trim()).to.equal('TK-1');
    const success = events.seen.find((event) => event.type === 'civic-feedback-success') as CivicFeedbackSuccessEvent;
    expect(success.detail).to.deep.equal({ token: 'TK-1', notice: serviceNotice });
  });

  it('the server’s notice is shown upright (Chinese is never set in italics), and the widget’s own line does not repeat it', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    // The reference server's notice, which itself asks to keep the number.
    const notice = 'We have received your request and will reply within 3 working days. Keep the tracking number to check progress.';
    await setNotice(el.endpoint, notice);
    await pothole(el);
    await submit(el);
    const outcome = await sent(el);
    const shown = outcome.querySelector<HTMLElement>('.service-notice')!;
    expect(shown.textContent!.trim()).to.equal(notice);
    expect(getComputedStyle(shown).fontStyle).to.equal('normal');
    expect(outcome.textContent).to.not.contain('Keep the tracking number to check the progress of your report.');
  });

  it('without a server notice, the widget says to keep the tracking number', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await setNotice(el.endpoint, null);
    await pothole(el);
    await submit(el);
    const outcome = await sent(el);
    expect(matches(el, '.service-notice')).to.deep.equal([]);
    expect(outcome.textContent).to.contain('Keep the tracking number to check the progress of your report.');
  });

  it('a 400 without a reason says how to go on; the status goes to the console only', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const el = await renderFeedback({ 'min-fill-time': '0' });
      await setMode(el.endpoint, 'fail-400-bare');
      await pothole(el);
      await submit(el);
      const refusal = await waitForShadow(el, '.refusal');
      const text = refusal.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain(
        'The server did not accept your message and gave no reason. Check what you entered and send it again. If it is still not accepted, try again later or call 12345.',
      );
      expect(text).to.not.contain('400');
      expect(query<HTMLTextAreaElement>(el, '#description').value).to.equal(description);
    } finally {
      console.error = original;
    }
    expect(logged.map((args) => String(args[0]))).to.deep.equal([
      '[civic-widgets] <civic-feedback>: the Open311 server refused the report with HTTP 400 and no error description.',
    ]);
  });

  it('a 400 shows the server’s reason, keeps everything typed and fires civic-feedback-error', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await setMode(el.endpoint, 'fail-400');
    await pothole(el);
    await fill(el, '#address', '1 Far Away Road');
    await fill(el, '#name', '韩梅梅');
    await fill(el, '#phone', '021 6321 0000');
    await fill(el, '#email', 'han@example.com');
    await tick(el, '#consent');
    await submit(el);

    const refusal = await waitForShadow(el, '.refusal');
    // Focus moves to it, which makes screen readers read it; an alert role as well would read it twice.
    expect(refusal.hasAttribute('role')).to.equal(false);
    expect(refusal.textContent).to.contain('Your message was not accepted');
    expect(refusal.textContent).to.contain('The address is outside the district.');
    await waitUntil(() => shadow(el).activeElement === refusal, 'focus moves to the refusal');

    expect(query<HTMLSelectElement>(el, '#category').value).to.equal('pothole');
    expect(query<HTMLTextAreaElement>(el, '#description').value).to.equal(description);
    expect(query<HTMLInputElement>(el, '#address').value).to.equal('1 Far Away Road');
    expect(query<HTMLInputElement>(el, '#name').value).to.equal('韩梅梅');
    expect(query<HTMLInputElement>(el, '#phone').value).to.equal('021 6321 0000');
    expect(query<HTMLInputElement>(el, '#email').value).to.equal('han@example.com');
    expect(query<HTMLInputElement>(el, '#consent').checked).to.equal(true);
    expect(query<HTMLButtonElement>(el, 'form button.primary').disabled).to.equal(false);

    const failed = events.seen.filter((event) => event.type === 'civic-feedback-error') as CivicFeedbackErrorEvent[];
    expect(failed).to.have.length(1);
    expect(failed[0]!.detail).to.deep.equal({ status: 400, message: 'The address is outside the district.' });
    expect(events.seen.some((event) => event.type === 'civic-feedback-success')).to.equal(false);
  });

  it('a filled honeypot (autofill fills hidden fields) sends the report marked as suspected spam, never drops it', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    await fill(el, '#leave-empty', 'https://cheap-pills.example');
    await submit(el);
    await sent(el);
    const { received: posts, reviews } = await received(el.endpoint);
    expect(posts).to.have.length(1);
    expect(posts[0]!.fields.civic_review).to.deep.equal(['suspected-spam']);
    expect(posts[0]!.fields.description).to.deep.equal([description]);
    // The server keeps it for staff to review, out of public lists.
    expect(reviews).to.deep.equal({ 'SR-1': 'suspected-spam' });
  });

  it('a report without the trap filled carries no review mark', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0' });
    await pothole(el);
    await submit(el);
    await sent(el);
    const { received: posts, reviews } = await received(el.endpoint);
    expect(posts[0]!.fields).to.not.have.property('civic_review');
    expect(reviews).to.deep.equal({});
  });

  it('Send pressed before the minimum fill time validates first, as always', async () => {
    const el = await renderFeedback({ 'min-fill-time': '60000' });
    await submit(el);
    const summary = await waitForShadow(el, '.error-summary');
    await waitUntil(() => shadow(el).activeElement === summary, 'focus moves to the error summary');
    expect(shownText(el)).to.not.contain('Sending…');
    expect((await received(el.endpoint)).received).to.have.length(0);
  });

  it('a valid report sent before the minimum fill time is held, shown as sending, then sent once the time has passed', async function () {
    this.timeout(20_000);
    // Long enough that filling in below cannot use it up on a loaded machine.
    const el = await renderFeedback({ 'min-fill-time': '5000' });
    await pothole(el);
    const button = query<HTMLButtonElement>(el, 'form button.primary');
    button.focus();
    button.click();
    await el.updateComplete;
    expect(button.textContent!.trim()).to.equal('Sending…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.disabled).to.equal(false);
    expect(focused(el)).to.equal('button.primary "Sending…"');
    // A second press while held sends nothing more.
    button.click();
    await settle();
    expect((await received(el.endpoint)).received).to.have.length(0);
    expect(focused(el)).to.equal('button.primary "Sending…"');

    await waitForShadow(el, '.outcome.sent', 10_000);
    const { received: posts } = await received(el.endpoint);
    expect(posts).to.have.length(1);
    expect(posts[0]!.fields.description).to.deep.equal([description]);
    expect(events.seen.filter((event) => event.type === 'civic-feedback-submit')).to.have.length(1);
  });

  it('while sending, the button says Sending…, is aria-disabled and keeps the focus, and a second submit sends nothing more', async () => {
    const el = await renderFeedback({ 'min-fill-time': '0', timeout: '60000' });
    await setMode(el.endpoint, 'hang');
    await pothole(el);
    await submit(el);
    const button = query<HTMLButtonElement>(el, 'form button.primary');
    await waitUntil(() => button.textContent!.trim() === 'Sending…', 'the button says Sending…');
    // aria-disabled, not disabled: a disabled button drops the focus to <body>.
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.disabled).to.equal(false);
    expect(focused(el)).to.equal('button.primary "Sending…"');
    await waitUntil(async () => (await received(el.endpoint)).received.length === 1, 'the first submission arrives');

    // Enter in a field, or a second click that gets through: the form still sends only once.
    button.click();
    query<HTMLFormElement>(el, 'form').requestSubmit();
    await settle();
    expect((await received(el.endpoint)).received).to.have.length(1);
    expect(events.seen.filter((event) => event.type === 'civic-feedback-submit')).to.have.length(1);
    expect(shownText(el)).to.contain('Sending…');
  });
  it('questions whose codes are constructor, __proto__, toString and hasOwnProperty are shown, checked and sent like any other', async () => {
    const problems: string[] = [];
    const onError = (event: ErrorEvent) => void problems.push(`error: ${event.message}`);
    const onRejection = (event: PromiseRejectionEvent) => void problems.push(`unhandled rejection: ${String(event.reason)}`);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const el = await renderFeedback({ endpoint: newEndpoint('tricky'), 'min-fill-time': '0' });
      await choose(el, 'proto-codes');
      expect(
        [...shadow(el).querySelectorAll('fieldset:has(input[id^="attribute-"]) > legend, label[for^="attribute-"]:not(.choice)')].map(
          (label) => label.textContent!.replace(/\s+/g, ' ').trim(),
        ),
      ).to.deep.equal(['Who is building it?', 'Is it dangerous? (optional)', 'How many machines? (optional)', 'Which days? (optional)']);
      // Nothing is answered yet: no function or object from Object.prototype shows up as an answer.
      expect(query<HTMLInputElement>(el, '#attribute-0-string').value).to.equal('');
      expect(query<HTMLInputElement>(el, '#attribute-2-number').value).to.equal('');
      expect(matches(el, 'input[id^="attribute-"]:checked')).to.deep.equal([]);

      await fill(el, '#description', 'Cranes working on Sundays.');
      await submit(el);
      await waitUntil(() => shadow(el).querySelector('.error-summary') || problems.length > 0, 'Send did nothing');
      expect(problems, 'what Send threw').to.deep.equal([]);
      expect([...query(el, '.error-summary').querySelectorAll('a')].map((link) => link.textContent!.trim())).to.deep.equal([
        'Answer "Who is building it?"',
      ]);
      expect((await received(el.endpoint)).received).to.have.length(0);

      await fill(el, '#attribute-0-string', 'Metro Line 14 contractor');
      await tick(el, '#attribute-1-singlevaluelist'); // Yes
      await fill(el, '#attribute-2-number', '3');
      await tick(el, '#attribute-3-multivaluelist-1'); // Weekend
      await submit(el);
      await sent(el);
      const [post] = (await received(el.endpoint)).received;
      expect(post!.fields).to.deep.equal({
        service_code: ['proto-codes'],
        'attribute[constructor]': ['Metro Line 14 contractor'],
        'attribute[__proto__]': ['yes'],
        'attribute[toString]': ['3'],
        'attribute[hasOwnProperty][]': ['weekend'],
        description: ['Cranes working on Sundays.'],
      });
      await aTimeout(100);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(problems).to.deep.equal([]);
    // Nothing reached Object.prototype.
    const probe: Record<string, unknown> = {};
    expect([typeof probe['constructor'], typeof probe['toString'], Object.getPrototypeOf(probe) === Object.prototype]).to.deep.equal([
      'function',
      'function',
      true,
    ]);
  });

  it('an endpoint with a query string keeps it on every request: categories, questions, the report and its progress', async () => {
    const base = newEndpoint();
    const el = await renderFeedback({ endpoint: `${base}?tenant=xuhui`, 'jurisdiction-id': 'xuhui.sh.cn', 'min-fill-time': '0' });
    expect(matches(el, '[role="alert"]')).to.deep.equal([]);
    expect(matches(el, '#category option[value="noise"]')).to.have.length(1);
    await choose(el, 'noise');
    expect(shownText(el).includes('What makes the noise?'), 'the questions of noise').to.equal(true);

    await tick(el, '#attribute-1-singlevaluelist-1'); // Traffic
    await fill(el, '#attribute-4-number', '9');
    await fill(el, '#description', 'Buses idling under my window.');
    await submit(el);
    const outcome = await sent(el);
    expect(outcome.querySelector('.tracking-number')!.textContent!.trim()).to.equal('SR-1');
    const [post] = (await received(base)).received;
    expect(post!.query).to.deep.equal({ tenant: 'xuhui', jurisdiction_id: 'xuhui.sh.cn' });
    expect(post!.fields['service_code']).to.deep.equal(['noise']);
    expect(post!.fields['attribute[source]']).to.deep.equal(['traffic']);

    query<HTMLButtonElement>(el, '.outcome.sent .actions button:not(.link)').click(); // Check progress
    const status = await waitForShadow(el, '.request-status, .outcome-problem');
    expect(status.textContent!.replace(/\s+/g, ' ')).to.include('Status: open (being handled)');
  });

  it('sends the Open311 server no Referer and no cookies', async () => {
    // The server on the page's own host name: the page's cookies are same-site for it.
    const endpoint = newEndpoint().replace('127.0.0.1', location.hostname);
    const cookie = `civic-test-session-${crypto.randomUUID().slice(0, 8)}=1`;
    document.cookie = `${cookie}; path=/; SameSite=Lax`;
    try {
      const el = await renderFeedback({ endpoint, 'min-fill-time': '0' });
      await pothole(el);
      await submit(el);
      await sent(el);
      const [post] = (await received(endpoint)).received;
      expect({ referer: post!.headers.referer, cookie: post!.headers.cookie }).to.deep.equal({ referer: null, cookie: null });
    } finally {
      document.cookie = `${cookie.split('=')[0]}=; path=/; max-age=0`;
    }
  });
});
