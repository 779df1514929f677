import { expect, waitUntil } from '@open-wc/testing';
import type { OutboxRequest, SettledSubmission } from '@civic-widgets/core';
import { openOutboxStore } from '../../core/src/outbox/outbox-store.js';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { newEndpoint, setMode } from './helpers/open311.js';
import { choose, clearOutbox, fill, focused, renderFeedback, shadow, shownText, submit, waitForShadow } from './helpers/widget.js';

/** What a refused report from an earlier visit looks like in the outbox once the server has answered. */
async function seedRefused(request: OutboxRequest | undefined, extra: Partial<SettledSubmission> = {}): Promise<void> {
  const db = await openOutboxStore();
  await db.put('settled', {
    key: crypto.randomUUID(),
    source: 'civic-feedback',
    ok: false,
    status: 400,
    response: [{ code: 400, description: 'The address is outside the district.' }],
    settledAt: Date.now(),
    ...(request ? { request } : {}),
    ...extra,
  });
}

function reportTo(endpoint: string, parts: Array<[string, string | Blob, string?]>): OutboxRequest {
  return { url: `${endpoint}/requests.json`, headers: { Accept: 'application/json' }, body: { kind: 'multipart', parts } };
}

const restoreButton = (element: CivicFeedback) =>
  [...shadow(element).querySelectorAll('.delivered-later button')].find((button) => button.textContent!.includes('Put it back in the form'));

describe('<civic-feedback> reports kept on the device: edge cases', () => {
  beforeEach(clearOutbox);
  afterEach(clearOutbox);

  it('a widget taken out of the page and put back still hears that its kept report was delivered', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Pothole by the bus stop');
    await setMode(element.endpoint, 'down');
    await submit(element);
    await waitForShadow(element, '.outcome.queued');

    const parent = element.parentElement!;
    element.remove();
    parent.append(element); // A tab panel or dialog re-attaching its content.
    await setMode(element.endpoint, 'ok');
    window.dispatchEvent(new Event('online'));
    await waitForShadow(element, '.tracking-number', 6000);
  });

  it('a report from an earlier visit comes back without the name, phone, email or position of whoever sent it', async () => {
    const endpoint = newEndpoint();
    await seedRefused(
      reportTo(endpoint, [
        ['service_code', 'pothole'],
        ['description', 'Cracked pavement at the corner'],
        ['first_name', '王五'],
        ['phone', '13900000000'],
        ['email', 'wang@example.com'],
        ['lat', '31.230400'],
        ['long', '121.473700'],
      ]),
    );
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await waitUntil(() => restoreButton(element) !== undefined, 'the notice offers to put it back');
    (restoreButton(element) as HTMLButtonElement).click();
    await waitForShadow(element, '.refusal');

    expect(shadow(element).querySelector<HTMLTextAreaElement>('#description')!.value).to.equal('Cracked pavement at the corner');
    const contact = ['#name', '#phone', '#email'].map((id) => shadow(element).querySelector<HTMLInputElement>(id)!.value);
    expect(contact).to.deep.equal(['', '', '']);
    expect(shownText(element)).not.to.include('Your position will be sent');
  });

  it('is not offered back to a form that sends elsewhere, or while this form’s own report is kept', async () => {
    await seedRefused(reportTo(newEndpoint(), [['service_code', 'pothole'], ['description', 'Sent to another system']]));
    const elsewhere = await renderFeedback({ 'min-fill-time': '0' });
    await waitForShadow(elsewhere, '.delivered-later');
    expect(restoreButton(elsewhere) === undefined, 'no restore button for another endpoint').to.equal(true);
    await clearOutbox();

    const endpoint = newEndpoint();
    await seedRefused(reportTo(endpoint, [['service_code', 'pothole'], ['description', 'Earlier report']]));
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await waitUntil(() => restoreButton(element) !== undefined, 'offered while the form is free');
    await choose(element, 'pothole');
    await fill(element, '#description', 'Today’s report');
    await setMode(endpoint, 'down');
    await submit(element);
    await waitForShadow(element, '.outcome.queued');
    expect(restoreButton(element) === undefined, 'not offered over a kept report').to.equal(true);
  });

  it('a stored photo that no longer decodes is left out; the text still comes back', async () => {
    const endpoint = newEndpoint();
    await seedRefused(
      reportTo(endpoint, [
        ['service_code', 'pothole'],
        ['description', 'Photo went missing'],
        ['media', new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/jpeg' }), 'broken.jpg'],
      ]),
    );
    const errors: string[] = [];
    const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
      await waitUntil(() => restoreButton(element) !== undefined, 'the notice offers to put it back');
      (restoreButton(element) as HTMLButtonElement).click();
      await waitForShadow(element, '.refusal');
      expect(shadow(element).querySelector<HTMLTextAreaElement>('#description')!.value).to.equal('Photo went missing');
      expect(shadow(element).querySelectorAll('canvas[role="img"]').length).to.equal(0);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('an expired report keeps nothing to put back, as the citizen is told', async () => {
    await seedRefused(undefined, { expired: true, status: 0, response: undefined });
    const element = await renderFeedback({ 'min-fill-time': '0' });
    const notice = await waitForShadow(element, '.delivered-later');
    expect(notice.textContent).to.include('it has been removed from this device');
    expect(restoreButton(element) === undefined, 'no restore button').to.equal(true);
  });

  it('"Back to the form" after checking progress from the success view puts focus on the outcome', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Loose manhole cover');
    await submit(element);
    await waitForShadow(element, '.tracking-number');
    [...shadow(element).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Check progress')!.click();
    await waitForShadow(element, '.request-status');
    [...shadow(element).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Back to the form')!.click();
    await waitUntil(() => focused(element).includes('outcome-heading'), `focus is on ${focused(element)}`);
  });

  it('"Try again" that fails again keeps the focus on "Try again"', async () => {
    const element = await renderFeedback({ endpoint: 'http://127.0.0.1:9/v2' });
    const retry = await waitForShadow(element, '#retry');
    retry.focus();
    retry.click();
    await waitUntil(() => focused(element).includes('retry'), `focus is on ${focused(element)}`, { timeout: 5000 });
  });

  it('an empty lookup cancels one still under way', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Blocked drain');
    await submit(element);
    await waitForShadow(element, '.tracking-number');
    await setMode(element.endpoint, 'slow-lookups');
    [...shadow(element).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Check progress')!.click();
    await waitUntil(() => shownText(element).includes('Checking…'), 'the lookup is under way');
    await fill(element, '#reference', '');
    shadow(element).querySelector<HTMLFormElement>('form.progress')!.requestSubmit();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(shownText(element)).to.include('Enter your tracking number');
    expect(shownText(element)).not.to.include('Status: open');
  });
});
