import { expect, waitUntil } from '@open-wc/testing';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { heldRequests, hold, newEndpoint } from './helpers/open311.js';
import { clearOutbox, fill, loaded, query, renderFeedback, sendReport, shownText, waitForShadow } from './helpers/widget.js';

// Categories or a progress answer that are slow to come are given up on, not
// merely ignored, when the form is pointed elsewhere, asked about another
// tracking number or leaves the page: the test server sees the connection
// closed, and only the new answer shows.

/** Resolves once the server holds one GET of `route`, and returns whether the widget has given up on it. */
async function heldRequest(endpoint: string, route: string): Promise<() => Promise<boolean>> {
  await waitUntil(async () => (await heldRequests(endpoint)).some((request) => request.route === route), `${route} was not requested`);
  return async () => (await heldRequests(endpoint)).every((request) => request.route !== route || request.closed);
}

/** "Check progress" on the receipt: the progress view opens and looks up the report's number, SR-1. */
async function openProgress(element: CivicFeedback): Promise<void> {
  query<HTMLButtonElement>(element, '.outcome.sent .actions button:not(.link)').click();
  await waitForShadow(element, 'form.progress');
}

async function askAbout(element: CivicFeedback, reference: string): Promise<void> {
  await fill(element, '#reference', reference);
  query<HTMLButtonElement>(element, 'form.progress button.primary').click();
}

describe('<civic-feedback> superseded loads', () => {
  beforeEach(clearOutbox);
  afterEach(clearOutbox);

  it('a new endpoint closes the request for the old categories, and only the new categories show', async () => {
    const slow = newEndpoint();
    await hold(slow, ['v2/services.json']);
    const el = await renderFeedback({ endpoint: slow }, { waitForLoad: false });
    const closed = await heldRequest(slow, 'v2/services.json');
    expect(shownText(el)).to.include('Loading the form…');

    el.endpoint = newEndpoint('other');
    await loaded(el);
    expect(shownText(el)).to.include('Street light out');
    expect(shownText(el)).not.to.include('Noise complaint');
    await waitUntil(closed, 'the request for the old categories was left open');
  });

  it('leaving the page closes the request for categories still loading; back in the page, they load', async () => {
    const endpoint = newEndpoint();
    await hold(endpoint, ['v2/services.json']);
    const el = await renderFeedback({ endpoint }, { waitForLoad: false });
    const closed = await heldRequest(endpoint, 'v2/services.json');
    const parent = el.parentElement!;
    el.remove();
    await waitUntil(closed, 'the request was left open after the form left the page');

    await hold(endpoint, []);
    parent.append(el);
    await loaded(el);
    expect(shownText(el)).to.include('Noise complaint');
  });

  it('another tracking number closes the lookup under way, and only its answer shows', async () => {
    const el = await sendReport();
    await hold(el.endpoint, ['v2/requests/SR-9.json']);
    await openProgress(el);
    await waitForShadow(el, '.request-status');
    await askAbout(el, 'SR-9');
    const closed = await heldRequest(el.endpoint, 'v2/requests/SR-9.json');
    expect(shownText(el)).to.include('Checking…');

    await askAbout(el, 'SR-1');
    await waitForShadow(el, 'form.progress button.primary:not([aria-disabled])');
    await waitUntil(closed, 'the lookup of the old number was left open');
    const status = query(el, '.request-status').textContent!.replace(/\s+/g, ' ');
    expect(status).to.include('Status: open (being handled)');
    expect(status).to.include('SR-1');
    expect(shownText(el)).not.to.include('No report has this tracking number');
  });

  it('another endpoint closes the lookup under way, and its answer never shows', async () => {
    const el = await sendReport();
    const first = el.endpoint;
    await hold(first, ['v2/requests/SR-1.json']);
    await openProgress(el);
    const closed = await heldRequest(first, 'v2/requests/SR-1.json');

    el.endpoint = newEndpoint();
    await waitUntil(closed, 'the lookup on the old endpoint was left open');
    expect(shownText(el)).not.to.include('Checking…');
    expect(shownText(el)).not.to.include('Status: open');
  });

  it('leaving the page closes the lookup under way; back in the page, it is made again and answered', async () => {
    const el = await sendReport();
    await hold(el.endpoint, ['v2/requests/SR-1.json']);
    await openProgress(el);
    const closed = await heldRequest(el.endpoint, 'v2/requests/SR-1.json');
    const parent = el.parentElement!;
    el.remove();
    await waitUntil(closed, 'the lookup was left open after the form left the page');

    await hold(el.endpoint, []);
    parent.append(el);
    await waitUntil(() => shownText(el).includes('Status: open (being handled)'), 'the lookup was not made again');
  });
});
