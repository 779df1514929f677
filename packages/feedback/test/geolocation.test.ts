import { expect, waitUntil } from '@open-wc/testing';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { newEndpoint, received, setGeolocation } from './helpers/open311.js';
import { choose, clearOutbox, fill, focused, query, renderFeedback, shadow, submit, tick, waitForShadow } from './helpers/widget.js';

/** Whether `selector` matches in the widget (assertions compare booleans: a failed assertion holding a DOM node hangs the test runner). */
function has(element: CivicFeedback, selector: string): boolean {
  return shadow(element).querySelector(selector) !== null;
}

// The device's position is asked for only when the citizen presses "Use my
// current location", and sent only with their consent. The page's real
// Geolocation API answers (the test runner sets the position or denies it).

/** Counts calls to the real Geolocation API, passing every call through unchanged. */
function countGeolocationCalls(): { count: () => number; restore: () => void } {
  const geolocation = navigator.geolocation;
  const { getCurrentPosition, watchPosition } = geolocation;
  let calls = 0;
  geolocation.getCurrentPosition = function (...args: Parameters<Geolocation['getCurrentPosition']>) {
    calls += 1;
    return getCurrentPosition.apply(geolocation, args);
  };
  geolocation.watchPosition = function (...args: Parameters<Geolocation['watchPosition']>) {
    calls += 1;
    return watchPosition.apply(geolocation, args);
  };
  return {
    count: () => calls,
    restore: () => {
      geolocation.getCurrentPosition = getCurrentPosition;
      geolocation.watchPosition = watchPosition;
    },
  };
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function startReport(endpoint: string, attrs: Record<string, string> = {}): Promise<CivicFeedback> {
  const element = await renderFeedback({ endpoint, 'min-fill-time': '0', ...attrs });
  await choose(element, 'pothole');
  await fill(element, '#description', 'Road surface has collapsed');
  return element;
}

async function pressLocate(element: CivicFeedback): Promise<void> {
  const button = query<HTMLButtonElement>(element, '#locate');
  expect(text(button)).to.equal('Use my current location');
  button.click();
  await waitForShadow(element, '.position, .geolocation .error-message');
}

function errorSummary(element: CivicFeedback): string[] {
  return [...shadow(element).querySelectorAll('.error-summary li')].map(text);
}

describe('<civic-feedback> current location', () => {
  let calls: ReturnType<typeof countGeolocationCalls>;
  beforeEach(async () => {
    sessionStorage.clear();
    await clearOutbox();
    calls = countGeolocationCalls();
  });
  afterEach(async () => {
    calls.restore();
    sessionStorage.clear();
    await clearOutbox();
  });

  it('adds the position on request and sends it with six decimals, once consent is given', async () => {
    await setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    const endpoint = newEndpoint();
    const element = await startReport(endpoint);
    await pressLocate(element);

    expect(text(query(element, '.position'))).to.equal('Your position will be sent: 31.2304, 121.4737');
    expect(has(element, '#locate'), '#locate').to.equal(false);

    // The position is personal information: consent is required.
    await submit(element);
    await waitForShadow(element, '.error-summary');
    expect(errorSummary(element)).to.deep.equal(['Agree to the use of your details, or remove them']);
    expect((await received(endpoint)).received).to.have.length(0);

    await tick(element, '#consent');
    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const [post] = (await received(endpoint)).received;
    expect(post!.fields['lat']).to.deep.equal(['31.230400']);
    expect(post!.fields['long']).to.deep.equal(['121.473700']);
    expect(post!.fields).to.not.have.property('address_string');
    expect(calls.count()).to.equal(1);
  });

  it('"Do not send my position" takes it out of the report', async () => {
    await setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    const endpoint = newEndpoint();
    const element = await startReport(endpoint);
    await pressLocate(element);
    const forget = query<HTMLButtonElement>(element, '.geolocation button.link');
    expect(text(forget)).to.equal('Do not send my position');
    forget.click();
    await element.updateComplete;

    expect(has(element, '.position'), '.position').to.equal(false);
    expect(text(query(element, '#locate'))).to.equal('Use my current location');
    // Nothing personal left: consent is no longer asked for.
    expect(has(element, '#consent'), '#consent').to.equal(false);
    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const [post] = (await received(endpoint)).received;
    expect(post!.fields).to.not.have.property('lat');
    expect(post!.fields).to.not.have.property('long');
  });

  it('asks for an address when permission is denied, and the report can still be sent', async () => {
    await setGeolocation({ deny: true });
    const endpoint = newEndpoint();
    const element = await startReport(endpoint, { location: 'required' });
    await pressLocate(element);

    expect(text(query(element, '.geolocation .error-message'))).to.equal('Your position was not shared. Enter an address instead.');
    expect(has(element, '.position'), '.position').to.equal(false);
    const button = query<HTMLButtonElement>(element, '#locate');
    expect(button.disabled).to.equal(false);
    await waitUntil(() => text(shadow(element).querySelector('[role="status"]')) === 'Your position was not shared. Enter an address instead.');

    await fill(element, '#address', '徐汇区漕溪北路 1200 号');
    await tick(element, '#consent');
    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const [post] = (await received(endpoint)).received;
    expect(post!.fields['address_string']).to.deep.equal(['徐汇区漕溪北路 1200 号']);
    expect(post!.fields).to.not.have.property('lat');
  });

  it('never asks for the position unless the button is pressed, even with permission granted', async () => {
    await setGeolocation({ latitude: 22.5431, longitude: 114.0579 });
    const endpoint = newEndpoint();
    const element = await startReport(endpoint, { location: 'required' });
    await fill(element, '#address', '深南大道 6008 号');
    await tick(element, '#consent');
    await submit(element);
    await waitForShadow(element, '.outcome.sent');

    expect(calls.count()).to.equal(0);
    const [post] = (await received(endpoint)).received;
    expect(post!.fields).to.not.have.property('lat');
    expect(post!.fields).to.not.have.property('long');
    expect(post!.fields['address_string']).to.deep.equal(['深南大道 6008 号']);
  });

  it('offers no location at all with location="none"', async () => {
    await setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    const element = await renderFeedback({ 'min-fill-time': '0', location: 'none' });
    expect(has(element, '#locate'), '#locate').to.equal(false);
    expect(has(element, '#address'), '#address').to.equal(false);
    expect(calls.count()).to.equal(0);
  });
  it('keeps the focus on the button while finding the position, and the button works again if the form was moved meanwhile', async () => {
    const element = await startReport(newEndpoint());
    // The browser is still asking when the page moves the form elsewhere; it answers afterwards.
    const geolocation = navigator.geolocation;
    const asking = geolocation.getCurrentPosition;
    let answer: PositionCallback | undefined;
    geolocation.getCurrentPosition = (found) => void (answer = found);
    try {
      const locate = query<HTMLButtonElement>(element, '#locate');
      locate.focus();
      locate.click();
      await element.updateComplete;
      expect(text(query(element, '#locate'))).to.equal('Finding your position…');
      expect(focused(element)).to.equal('button#locate');
      const parent = element.parentElement!;
      element.remove();
      parent.append(element);
      answer!({ coords: { latitude: 31.2304, longitude: 121.4737 } } as GeolocationPosition);
      await waitUntil(() => text(query(element, '#locate')) === 'Use my current location', 'the button stayed busy');
      expect(query(element, '#locate').getAttribute('aria-disabled')).to.equal(null);
    } finally {
      geolocation.getCurrentPosition = asking;
    }
  });

  it('keeps the focus on the button that replaces the one pressed: "Do not send my position", then "Use my current location"', async () => {
    await setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    const element = await startReport(newEndpoint());
    // Waits for the focus to get there; on a timeout, says where it is instead.
    const focusMovesTo = (expected: string) =>
      waitUntil(() => focused(element) === expected).catch(() => expect(focused(element)).to.equal(expected));

    const locate = query<HTMLButtonElement>(element, '#locate');
    locate.focus();
    locate.click();
    await waitForShadow(element, '.position');
    await focusMovesTo('button#forget-position.link');
    expect(text(query(element, '#forget-position'))).to.equal('Do not send my position');

    query<HTMLButtonElement>(element, '#forget-position').click();
    await waitForShadow(element, '#locate');
    await focusMovesTo('button#locate');
    expect(text(query(element, '#locate'))).to.equal('Use my current location');
  });
});
