import { expect, waitUntil } from '@open-wc/testing';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { newEndpoint, received, setMode, updateRequest } from './helpers/open311.js';
import {
  choose,
  clearOutbox,
  fill,
  query,
  renderFeedback,
  sendReport,
  shadow,
  submit,
  waitForShadow,
} from './helpers/widget.js';

/** Whether `selector` matches in the widget (assertions compare booleans: a failed assertion holding a DOM node hangs the test runner). */
function has(element: CivicFeedback, selector: string): boolean {
  return shadow(element).querySelector(selector) !== null;
}

// "Check progress": a citizen enters the tracking number they were given and
// sees what the district has done, straight from GET requests/{id}.json.

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The rows of the status list, as { term: description }. */
function statusRows(element: CivicFeedback): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const term of shadow(element).querySelectorAll('.request-status dt')) {
    rows[text(term)] = text(term.nextElementSibling);
  }
  return rows;
}

/** Presses the outcome's "Check progress" button and waits for the answer. */
async function checkProgressFromReceipt(element: CivicFeedback): Promise<void> {
  query<HTMLButtonElement>(element, '.outcome.sent .actions button:not(.link)').click();
  await waitForShadow(element, 'form.progress');
  await waitForShadow(element, '.request-status, .outcome-problem');
}

async function lookUp(element: CivicFeedback, reference: string): Promise<void> {
  await fill(element, '#reference', reference);
  query<HTMLButtonElement>(element, 'form.progress button.primary').click();
  await element.updateComplete;
  await waitForShadow(element, 'form.progress button.primary:not([aria-disabled])');
}

async function openProgressFromForm(element: CivicFeedback): Promise<void> {
  query<HTMLButtonElement>(element, 'form .link').click();
  await waitForShadow(element, 'form.progress');
}

async function serverRequest(endpoint: string, id: string): Promise<Record<string, string>> {
  const [request] = (await (await fetch(`${endpoint}/requests/${id}.json`)).json()) as Array<Record<string, string>>;
  return request!;
}

describe('<civic-feedback> progress lookup', () => {
  beforeEach(() => clearOutbox());
  afterEach(() => clearOutbox());

  it('opens from the form’s link, focuses the tracking number field and goes back', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    const link = query<HTMLButtonElement>(element, 'form .link');
    expect(text(link)).to.equal('Already sent something? Check its progress');
    await openProgressFromForm(element);
    expect(text(query(element, 'form.progress h2'))).to.equal('Check the progress of a report');
    expect(shadow(element).activeElement?.id).to.equal('reference');
    expect(query(element, 'label[for="reference"]').textContent!.trim()).to.equal('Tracking number');

    const back = [...shadow(element).querySelectorAll<HTMLButtonElement>('button.link')].find((button) => text(button) === 'Back to the form');
    back!.click();
    await waitForShadow(element, '#description');
    expect(has(element, 'form.progress'), 'form.progress').to.equal(false);
  });

  it('shows the status of a report sent through the widget, then what staff changed', async () => {
    const endpoint = newEndpoint();
    const element = await sendReport({ endpoint });
    expect(text(query(element, '.tracking-number'))).to.equal('SR-1');
    await checkProgressFromReceipt(element);

    expect(query<HTMLInputElement>(element, '#reference').value).to.equal('SR-1');
    expect(text(query(element, '#status-heading'))).to.equal('Status: open (being handled)');
    const open = statusRows(element);
    expect(open).to.include({ 'Tracking number': 'SR-1', Category: '道路坑洼', 'Handled by': 'Roads Department' });
    expect(open).to.not.have.property('Latest news');

    await updateRequest(endpoint, {
      id: 'SR-1',
      status: 'closed',
      status_notes: 'Filled and resurfaced on Tuesday.',
      agency_responsible: 'Xuhui Roads Maintenance Team',
    });
    await lookUp(element, 'SR-1');
    expect(text(query(element, '#status-heading'))).to.equal('Status: closed (handled)');
    expect(statusRows(element)).to.include({
      'Tracking number': 'SR-1',
      'Handled by': 'Xuhui Roads Maintenance Team',
      'Latest news': 'Filled and resurfaced on Tuesday.',
    });
    // Read from the server, not remembered: only lookups, no further report was sent.
    expect((await received(endpoint)).created).to.equal(1);
  });

  it('finds a tracking number typed without its hyphen, with spaces, or in full-width digits', async () => {
    const endpoint = newEndpoint('yearly');
    const element = await sendReport({ endpoint, lang: 'en' });
    const id = query(element, '.tracking-number').textContent!.trim();
    expect(id).to.match(/^\d{4}-000001$/);
    const digits = id.replace('-', '');
    const fullWidth = [...id].map((char) => (char === '-' ? '－' : String.fromCharCode(char.charCodeAt(0) + 0xfee0))).join('');
    query<HTMLButtonElement>(element, '.outcome.sent .actions button:not(.link)').click();
    await waitForShadow(element, 'form.progress');
    for (const typed of [digits, ` ${digits.slice(0, 4)} ${digits.slice(4)} `, fullWidth, `${id.slice(0, 4)} – ${id.slice(5)}`]) {
      await lookUp(element, typed);
      expect(shadow(element).querySelector('.outcome-problem')?.textContent ?? '', typed).to.equal('');
      expect(statusRows(element)['Tracking number'], typed).to.equal(id);
    }
  });

  it('finds SR-1 typed as "sr 1"', async () => {
    const endpoint = newEndpoint();
    const element = await sendReport({ endpoint, lang: 'en' });
    query<HTMLButtonElement>(element, '.outcome.sent .actions button:not(.link)').click();
    await waitForShadow(element, 'form.progress');
    await lookUp(element, 'sr 1');
    expect(statusRows(element)['Tracking number']).to.equal('SR-1');
  });

  it('formats dates with Intl in the page language (English)', async () => {
    const endpoint = newEndpoint();
    const element = await sendReport({ endpoint, lang: 'en' });
    await checkProgressFromReceipt(element);
    const request = await serverRequest(endpoint, 'SR-1');
    const format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    const rows = statusRows(element);
    expect(rows['Received']).to.equal(format.format(new Date(request['requested_datetime']!)));
    expect(rows['Expected by']).to.equal(format.format(new Date(request['expected_datetime']!)));
    expect(rows['Received']).to.match(/^[A-Z][a-z]+ \d{1,2}, \d{4}/);
  });

  it('shows times in the district’s time zone (default Asia/Shanghai), whatever the device’s, or in `time-zone`', async () => {
    const endpoint = newEndpoint();
    const element = await sendReport({ endpoint, lang: 'en' });
    await checkProgressFromReceipt(element);
    const { expected_datetime: expected } = await serverRequest(endpoint, 'SR-1');
    // The server says "+08:00"; this test browser runs in UTC, 8 hours behind.
    expect(expected).to.match(/\+08:00$/);
    const inZone = (timeZone: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(expected!));
    expect(inZone('Asia/Shanghai')).to.not.equal(inZone('UTC'));
    expect(statusRows(element)['Expected by']).to.equal(inZone('Asia/Shanghai'));
    // The clock time staff wrote, as they wrote it.
    expect(statusRows(element)['Expected by']).to.contain(new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(expected!)));

    element.setAttribute('time-zone', 'UTC');
    await element.updateComplete;
    expect(statusRows(element)['Expected by']).to.equal(inZone('UTC'));
  });

  it('a time-zone that is not an IANA zone is a configuration problem, said once in the console', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const element = await renderFeedback({ 'time-zone': 'Mars/Olympus_Mons' });
      await waitUntil(() => shadow(element).querySelector('.problem'), 'the citizen is told');
      expect(shadow(element).querySelector('.problem')?.textContent).to.contain('12345');
      await waitUntil(() => errors.length > 0, 'the console names the problem');
      expect(String(errors[0])).to.contain('time-zone');
    } finally {
      console.error = original;
    }
    expect(errors.filter((args) => String(args.join(' ')).includes('time-zone'))).to.have.length(1);
  });

  it('formats dates with Intl in the page language (Simplified Chinese)', async () => {
    const endpoint = newEndpoint();
    const page = document.createElement('div');
    page.lang = 'zh-Hans';
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' }, { parent: page });
    await choose(element, 'pothole');
    await fill(element, '#description', '公交站旁有一个深坑');
    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    await checkProgressFromReceipt(element);

    const request = await serverRequest(endpoint, 'SR-1');
    const format = new Intl.DateTimeFormat('zh-Hans', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    const dates = [...shadow(element).querySelectorAll('.request-status dd')].map(text).filter((value) => /\d{4}/.test(value));
    expect(dates).to.have.length(3);
    expect(dates).to.include(format.format(new Date(request['requested_datetime']!)));
    for (const date of dates) expect(date).to.match(/^\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}$/);
    // The rest of the lookup speaks Chinese too.
    expect(text(query(element, 'label[for="reference"]'))).to.not.equal('Tracking number');
    expect(text(query(element, '#status-heading'))).to.match(/[\u4e00-\u9fff]/);
  });

  it('says so when no report has the tracking number', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    await openProgressFromForm(element);
    await lookUp(element, 'SR-404');
    expect(text(query(element, '.outcome-problem'))).to.equal('No report has this tracking number. Check it and try again.');
    expect(has(element, '.request-status'), '.request-status').to.equal(false);
  });

  it('asks for a tracking number when the field is empty', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    await openProgressFromForm(element);
    await lookUp(element, '   ');
    const input = query<HTMLInputElement>(element, '#reference');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const message = text(query(element, '#reference-error'));
    expect(message).to.include('Enter your tracking number');
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include('reference-error');
    expect(shadow(element).activeElement?.id).to.equal('reference');

    // Fixed once a number is looked up.
    await lookUp(element, 'SR-404');
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
    expect(has(element, '#reference-error'), '#reference-error').to.equal(false);
  });

  it('accepts full-width digits typed with a Chinese input method', async () => {
    const endpoint = newEndpoint();
    const element = await sendReport({ endpoint });
    query<HTMLButtonElement>(element, '.outcome.sent .actions button.link').click(); // Send another message
    await waitForShadow(element, '#description');
    await openProgressFromForm(element);
    await lookUp(element, ' ＳＲ－１ ');
    expect(text(query(element, '#status-heading'))).to.equal('Status: open (being handled)');
  });

  it('exchanges a token for its request and shows the status', async () => {
    const endpoint = newEndpoint();
    await setMode(endpoint, 'token');
    const element = await sendReport({ endpoint });
    const reference = text(query(element, '.tracking-number'));
    expect(reference).to.match(/^TK-\d+$/);
    expect(text(query(element, '.outcome.sent p'))).to.include('Your reference is');

    await checkProgressFromReceipt(element);
    expect(text(query(element, '#status-heading'))).to.equal('Status: open (being handled)');
    // The token became request SR-1 on the server.
    expect(statusRows(element)['Tracking number']).to.equal('SR-1');

    await updateRequest(endpoint, { id: 'SR-1', status: 'closed', status_notes: 'Done.' });
    await lookUp(element, reference);
    expect(text(query(element, '#status-heading'))).to.equal('Status: closed (handled)');
    expect(statusRows(element)['Latest news']).to.equal('Done.');
  });

  it('says the progress could not be checked when the server is down', async () => {
    const endpoint = newEndpoint();
    const element = await sendReport({ endpoint });
    await setMode(endpoint, 'down');
    await checkProgressFromReceipt(element);
    expect(text(query(element, '.outcome-problem'))).to.equal('The progress could not be checked just now. Try again later.');
    expect(has(element, '.request-status'), '.request-status').to.equal(false);

    // Back up: the same lookup works.
    await setMode(endpoint, 'ok');
    await lookUp(element, 'SR-1');
    expect(has(element, '.outcome-problem'), '.outcome-problem').to.equal(false);
    expect(text(query(element, '#status-heading'))).to.equal('Status: open (being handled)');
  });
  it('an endpoint changed at run time clears the tracking number and the status looked up at the old one', async () => {
    const endpoint = newEndpoint();
    const element = await sendReport({ endpoint });
    await checkProgressFromReceipt(element);
    expect(text(query(element, '#status-heading'))).to.equal('Status: open (being handled)');
    expect(query<HTMLInputElement>(element, '#reference').value).to.equal('SR-1');

    const other = newEndpoint();
    element.endpoint = other;
    await element.updateComplete;
    // Still checking progress, but nothing from the other system is shown as this one's.
    expect(has(element, 'form.progress'), 'form.progress').to.equal(true);
    expect(has(element, '.request-status'), '.request-status').to.equal(false);
    expect(has(element, '.outcome-problem'), '.outcome-problem').to.equal(false);
    expect(query<HTMLInputElement>(element, '#reference').value).to.equal('');

    // A lookup now asks the new endpoint, which has no SR-1.
    await lookUp(element, 'SR-1');
    expect(text(query(element, '.outcome-problem'))).to.equal('No report has this tracking number. Check it and try again.');
  });
});
