import { expect, waitUntil } from '@open-wc/testing';
import { openOutboxStore } from '../../core/src/outbox/outbox-store.js';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { newEndpoint, received, setMode } from './helpers/open311.js';
import { choose, clearOutbox, fill, focused, query, renderFeedback, shadow, shownText, submit, tick, waitForShadow } from './helpers/widget.js';

// Community centres, libraries and children's phones are shared: a report kept
// on the device says what is kept and until when, its citizen can remove it, and
// its tracking number is not shown unasked to the next person at the device.

const day = 24 * 60 * 60_000;

async function keepReport(endpoint: string, attrs: Record<string, string> = {}): Promise<CivicFeedback> {
  const element = await renderFeedback({ endpoint, 'min-fill-time': '0', ...attrs });
  await choose(element, 'pothole');
  await fill(element, '#description', 'Deep pothole outside no. 12');
  await fill(element, '#name', '王小明');
  await tick(element, '#consent');
  await setMode(endpoint, 'down');
  await submit(element);
  await waitForShadow(element, '.outcome.queued');
  return element;
}

async function pendingKeys(): Promise<string[]> {
  return (await (await openOutboxStore()).getAll('pending')).map((item) => item.key);
}

/** Makes every kept report due now, as if the citizen came back after the retry time. */
async function makeDue(): Promise<void> {
  const db = await openOutboxStore();
  for (const item of await db.getAll('pending')) await db.put('pending', { ...item, nextAttemptAt: Date.now() - 1 });
}

function button(element: CivicFeedback, text: string): HTMLButtonElement {
  const found = [...shadow(element).querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

describe('<civic-feedback> on a shared device', () => {
  beforeEach(async () => {
    await clearOutbox();
    sessionStorage.clear();
  });
  afterEach(async () => {
    await clearOutbox();
    sessionStorage.clear();
  });

  it('the saved panel promises only what is true, and says what is kept and until which date', async () => {
    const element = await keepReport(newEndpoint(), { 'time-zone': 'Asia/Shanghai' });
    const text = shownText(element);
    expect(text).to.contain('It is saved on this device and will be sent the next time a page of this site with the form is open on this device.');
    expect(text).to.contain('For urgent matters, call 12345.');
    expect(text).not.to.contain('even if you close this page');
    const until = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(Date.now() + 30 * day);
    // Exactly what this report holds: a message and a name, no answers, location or photos.
    expect(text).to.contain(`Kept on this device until ${until} at the latest: your message and your contact details.`);
  });

  it('its citizen removes a kept report from the device, after confirming; it is never sent', async () => {
    const endpoint = newEndpoint();
    const element = await keepReport(endpoint);
    expect(await pendingKeys()).to.have.length(1);

    button(element, 'Remove from this device').click();
    await waitUntil(() => focused(element) === 'p#removal-question', 'focus moves to the question');
    expect(shownText(element)).to.contain('Remove this message from this device? It will not be sent.');
    // Changing one's mind keeps it, and focus returns to the button pressed.
    button(element, 'No, keep it').click();
    await waitUntil(() => focused(element) === 'button#remove-kept', 'focus returns to Remove');
    expect(await pendingKeys()).to.have.length(1);

    button(element, 'Remove from this device').click();
    await waitForShadow(element, '#confirm-removal');
    button(element, 'Yes, remove it').click();
    await waitForShadow(element, '.outcome.removed');
    await waitUntil(() => focused(element) === 'h2#outcome-heading.top-heading', 'focus moves to the outcome');
    expect(query(element, '#outcome-heading').textContent!.trim()).to.equal('Removed from this device');
    expect(await pendingKeys()).to.deep.equal([]);

    // The network is back: nothing is left to send.
    await setMode(endpoint, 'ok');
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await received(endpoint)).created).to.equal(0);
  });

  it('after a reload in the same session, a report still waiting can be removed, after confirming', async () => {
    const endpoint = newEndpoint();
    const element = await keepReport(endpoint);
    element.remove();
    // The server answers again, but cannot take reports yet: the report keeps waiting.
    await setMode(endpoint, 'fail-503');
    const next = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const notice = await waitForShadow(next, '.waiting-here');
    const until = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(Date.now() + 30 * day);
    expect(notice.textContent!.replace(/\s+/g, ' ')).to.contain(
      `It will be sent the next time a page of this site with the form is open on this device, and is kept until ${until} at the latest.`,
    );
    button(next, 'Remove from this device').click();
    await waitUntil(() => focused(next) === 'p#waiting-question-0', 'focus moves to the question');
    button(next, 'Yes, remove it').click();
    await waitUntil(() => shadow(next).querySelector('.waiting-here') === null, 'the notice goes');
    await waitUntil(() => focused(next) === 'h2#form-heading.top-heading', 'focus moves on to the form');
    expect(await pendingKeys()).to.deep.equal([]);
  });

  it('in a new session (maybe another person), a waiting report is neither shown nor removable', async () => {
    const endpoint = newEndpoint();
    const element = await keepReport(endpoint);
    element.remove();
    sessionStorage.clear();
    await setMode(endpoint, 'fail-503');
    const next = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shadow(next).querySelector('.waiting-here')).to.equal(null);
    expect(await pendingKeys()).to.have.length(1);
  });

  it('in the same browsing session, a report delivered later shows its tracking number', async () => {
    const endpoint = newEndpoint();
    const element = await keepReport(endpoint);
    element.remove();
    await setMode(endpoint, 'ok');
    await makeDue();
    const next = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const notice = await waitForShadow(next, '.delivered-later', 6000);
    expect(notice.querySelector('.tracking-number')?.textContent).to.equal('SR-1');
  });

  it('on a later visit (a new session), it asks before showing the tracking number of a report delivered later', async () => {
    const endpoint = newEndpoint();
    const element = await keepReport(endpoint);
    element.remove();
    // The tab was closed: a new browsing session, maybe another person.
    sessionStorage.clear();
    await setMode(endpoint, 'ok');
    await makeDue();
    const next = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    const notice = await waitForShadow(next, '.delivered-later', 6000);
    expect(notice.textContent).to.contain('A message sent from this device earlier has been received. Show its tracking number?');
    expect(notice.querySelector('.tracking-number'), 'the number is hidden').to.equal(null);
    expect(notice.textContent).not.to.contain('SR-1');

    button(next, 'Show the tracking number').click();
    await waitUntil(() => focused(next).startsWith('div.receipt'), 'focus moves to the number shown');
    expect(notice.querySelector('.tracking-number')?.textContent).to.equal('SR-1');
  });

  it('hiding the notice moves focus to the form heading, not to <body>', async () => {
    const endpoint = newEndpoint();
    const element = await keepReport(endpoint);
    element.remove();
    await setMode(endpoint, 'ok');
    await makeDue();
    const next = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await waitForShadow(next, '.delivered-later', 6000);
    const hide = query<HTMLButtonElement>(next, '#hide-delivered');
    hide.focus();
    hide.click();
    await waitUntil(() => focused(next) === 'h2#form-heading.top-heading', 'focus moves to the form heading');
    expect(document.activeElement).to.equal(next);
  });
});
