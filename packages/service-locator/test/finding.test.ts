import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  announced,
  check,
  checkKind,
  chooseSubdistrict,
  click,
  kindLabels,
  LocatorServer,
  names,
  pointNamed,
  renderLocator,
  shadow,
  textOf,
  typeSearch,
  useClock,
  usePageLanguage,
  type Locator,
} from './helpers/locator.js';

// Finding the nearest: by position (asked only on a press, never sent), by
// subdistrict, by search (pinyin too), by kind, open now and within a
// 15-minute walk; paged, with counts announced politely.

/** Beside the Xujiahui centre, in WGS-84 as the Geolocation API gives it. */
const here = { latitude: 31.193, longitude: 121.437 };

const byName = [
  'Fenglin Road Community Health Centre',
  'Fenglin Road Elderly Care Station',
  'Hunan Road Care Home',
  'Hunan Road Meal Point',
  'Hunan Road Party and Community Centre',
  'Xujiahui Community Affairs Service Centre',
  "Xujiahui Seniors' Canteen",
];

const byDistance = [
  'Xujiahui Community Affairs Service Centre',
  "Xujiahui Seniors' Canteen",
  'Fenglin Road Community Health Centre',
  'Fenglin Road Elderly Care Station',
  'Hunan Road Meal Point',
  'Hunan Road Party and Community Centre',
  'Hunan Road Care Home',
];

describe('<civic-service-locator> finding the nearest', () => {
  const setClock = useClock();
  const setLanguage = usePageLanguage();
  beforeEach(() => {
    setLanguage('en');
    setClock('2026-03-10T10:00:00+08:00');
  });

  async function locate(el: Locator): Promise<void> {
    await click(el, '#locate');
    await waitUntil(() => shadow(el).querySelector('#forget-location'), 'the position was not found', { timeout: 8000 });
    await el.updateComplete;
  }

  it('lists by subdistrict, then name, before any position is known', async () => {
    const el = await renderLocator({ 'page-size': 20 });
    expect(names(el)).to.deep.equal(byName);
    expect(textOf(el, '.list-status')).to.equal('Showing 7 of 7 service points');
  });

  it('sorts by distance after "Use my location", with distance and walking time, and the focus on the new button', async () => {
    await executeServerCommand('set-geolocation', here);
    const el = await renderLocator({ 'page-size': 20 });
    const outcomes: string[] = [];
    el.addEventListener('civic-locator-locate', (event) => outcomes.push(event.detail.outcome));
    await locate(el);
    expect(names(el)).to.deep.equal(byDistance);
    expect(pointNamed(el, 'Xujiahui Community Affairs Service Centre').distance).to.equal("20 m · about 1 minute's walk");
    expect(pointNamed(el, 'Fenglin Road Community Health Centre').distance).to.match(/^1\.4 km · about 2\d minutes' walk$/);
    expect(outcomes).to.deep.equal(['found']);
    expect(shadow(el).activeElement?.id).to.equal('forget-location');
    await announced(el, 'Sorted by distance from your position, nearest first.');
  });

  it('keeps the focus on "Use my location" while the browser asks (busy, not disabled)', async () => {
    await executeServerCommand('set-geolocation', here);
    const el = await renderLocator();
    const button = shadow(el).querySelector<HTMLButtonElement>('#locate')!;
    button.focus();
    button.click();
    await el.updateComplete;
    expect(button.disabled).to.equal(false);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(button);
    await waitUntil(() => shadow(el).activeElement?.id === 'forget-location', 'the focus did not move to "Stop using my location"', { timeout: 8000 });
  });

  it('never sends the position: no request at all after locating, and the event carries only the outcome', async () => {
    await executeServerCommand('set-geolocation', here);
    const server = new LocatorServer();
    const el = await renderLocator({ src: server.file('points.geojson') });
    const before = performance.getEntriesByType('resource').length;
    let detail: unknown;
    el.addEventListener('civic-locator-locate', (event) => (detail = event.detail));
    await locate(el);
    await check(el, '#within-walk');
    await typeSearch(el, 'xjh');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(performance.getEntriesByType('resource').length).to.equal(before);
    expect(JSON.stringify(detail)).to.equal('{"outcome":"found"}');
    const log = await server.log();
    expect(log.map((request) => request.path)).to.deep.equal(['fixtures/points.geojson']);
    expect(JSON.stringify(log)).not.to.contain('31.193');
  });

  it('forgets the position on "Stop using my location": back to the list by subdistrict', async () => {
    await executeServerCommand('set-geolocation', here);
    const el = await renderLocator({ 'page-size': 20 });
    await locate(el);
    await click(el, '#forget-location');
    expect(names(el)).to.deep.equal(byName);
    expect(shadow(el).querySelector('.distance')).to.equal(null);
    expect(shadow(el).activeElement?.id).to.equal('locate');
  });

  it('keeps nothing from the position when it leaves the page: back, it lists by subdistrict and the walking filter is off', async () => {
    await executeServerCommand('set-geolocation', here);
    const el = await renderLocator({ 'page-size': 20 });
    await locate(el);
    await check(el, '#within-walk');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(byName);
    expect(shadow(el).querySelector('.distance')).to.equal(null);
    await locate(el);
    expect(shadow(el).querySelector<HTMLInputElement>('#within-walk')!.checked).to.equal(false);
  });

  it('offers "Within a 15-minute walk" once the position is known', async () => {
    await executeServerCommand('set-geolocation', here);
    const el = await renderLocator();
    expect(shadow(el).querySelector('#within-walk')).to.equal(null);
    await locate(el);
    await check(el, '#within-walk');
    expect(names(el)).to.deep.equal(['Xujiahui Community Affairs Service Centre', "Xujiahui Seniors' Canteen"]);
    await announced(el, '2 service points found');
  });

  it('says so when the position is refused, and the other ways still work', async () => {
    await executeServerCommand('set-geolocation', { deny: true });
    const el = await renderLocator({ 'page-size': 20 });
    const outcomes: string[] = [];
    el.addEventListener('civic-locator-locate', (event) => outcomes.push(event.detail.outcome));
    await click(el, '#locate');
    await waitUntil(() => textOf(el, '.locate .error-message'), 'no message after the refusal', { timeout: 8000 });
    expect(textOf(el, '.locate .error-message')).to.equal('Your position was not shared.');
    expect(outcomes).to.deep.equal(['denied']);
    expect(shadow(el).activeElement?.id).to.equal('locate');
    await typeSearch(el, 'canteen');
    expect(names(el)).to.deep.equal(["Xujiahui Seniors' Canteen"]);
  });

  describe('when finding the position takes too long', () => {
    const real = navigator.geolocation.getCurrentPosition;
    afterEach(() => {
      navigator.geolocation.getCurrentPosition = real;
    });

    it('says it took too long and offers to try again', async () => {
      // The browser's own timeout cannot be provoked on demand: a Geolocation that answers TIMEOUT stands in.
      navigator.geolocation.getCurrentPosition = (_success, failure) =>
        void setTimeout(() => failure?.({ code: 3, message: 'Timeout expired', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError), 10);
      const el = await renderLocator();
      await click(el, '#locate');
      await waitUntil(() => textOf(el, '.locate .error-message'), 'no message after the timeout', { timeout: 8000 });
      expect(textOf(el, '.locate .error-message')).to.equal('Finding your position took too long.');
      expect(shadow(el).querySelector('#locate')).not.to.equal(null);
    });
  });

  it('searches names, addresses and services, ignoring case and full-width forms', async () => {
    const el = await renderLocator({ 'page-size': 20 });
    await typeSearch(el, 'FENGLIN');
    expect(names(el)).to.deep.equal(['Fenglin Road Community Health Centre', 'Fenglin Road Elderly Care Station']);
    await typeSearch(el, 'ｃａｎｔｅｅｎ');
    expect(names(el)).to.deep.equal(["Xujiahui Seniors' Canteen"]);
    await typeSearch(el, 'vaccination');
    expect(names(el)).to.deep.equal(['Fenglin Road Community Health Centre']);
    await typeSearch(el, '漕溪北路');
    expect(names(el)).to.deep.equal(['Xujiahui Community Affairs Service Centre']);
  });

  it('finds by pinyin and pinyin initials from the `search` keys', async () => {
    const el = await renderLocator({ 'page-size': 20 });
    await typeSearch(el, 'xjhjdzzst');
    expect(names(el)).to.deep.equal(["Xujiahui Seniors' Canteen"]);
    await typeSearch(el, 'hunanlu dangqun');
    expect(names(el)).to.deep.equal(['Hunan Road Party and Community Centre']);
    await announced(el, '1 service point found');
  });

  it('announces the count once typing pauses, and says when nothing matches, with a way back', async () => {
    const el = await renderLocator();
    await typeSearch(el, 'x');
    await typeSearch(el, 'xu');
    await typeSearch(el, 'xujiahui');
    await announced(el, '2 service points found');
    await typeSearch(el, 'nowhere at all');
    expect(textOf(el, '.list-status')).to.contain('No service points match.');
    await announced(el, 'No service points match.');
    await click(el, '.list-status button');
    expect(names(el)).to.have.length(7);
    await waitUntil(() => shadow(el).activeElement?.id === 'search', 'the focus did not go to the search box');
  });

  it('filters by subdistrict taken from the data', async () => {
    const el = await renderLocator({ 'page-size': 20 });
    const options = [...shadow(el).querySelectorAll('#subdistrict option')].map((option) => option.textContent?.trim());
    expect(options).to.deep.equal(['All subdistricts', 'Fenglin Road', 'Hunan Road', 'Xujiahui']);
    await chooseSubdistrict(el, 'Hunan Road');
    expect(names(el)).to.deep.equal(['Hunan Road Care Home', 'Hunan Road Meal Point', 'Hunan Road Party and Community Centre']);
  });

  it('filters by kind with checkboxes that show counts, a kind of its own shown by its name', async () => {
    const el = await renderLocator({ 'page-size': 20 });
    expect(kindLabels(el)).to.deep.equal([
      'Community affairs service centre (1)',
      'Community canteen (1)',
      'Community health centre (1)',
      'Elderly care home (1)',
      'Elderly care station (1)',
      'meal-point (1)',
      'Party and community service centre (1)',
    ]);
    await checkKind(el, 'Community canteen');
    await checkKind(el, 'Community health centre');
    expect(names(el)).to.deep.equal(['Fenglin Road Community Health Centre', "Xujiahui Seniors' Canteen"]);
    await typeSearch(el, 'fenglin');
    // Counts follow the other filters: a kind with nothing left says 0.
    expect(kindLabels(el)).to.include('Community canteen (0)');
    expect(kindLabels(el)).to.include('Elderly care station (1)');
  });

  it('"Open now" keeps only what is open, and says so when nothing is', async () => {
    setClock('2026-03-10T03:00:00+08:00');
    const el = await renderLocator({ 'page-size': 20 });
    await check(el, '#open-now');
    expect(names(el)).to.deep.equal(['Fenglin Road Elderly Care Station']);
    await checkKind(el, 'Community canteen');
    expect(names(el)).to.deep.equal([]);
    expect(textOf(el, '.list-status')).to.equal('No service points match. Clear search and filters');
  });

  it('pages by "Show 2 more", the focus going to the first new point', async () => {
    const el = await renderLocator({ 'page-size': 5 });
    expect(names(el)).to.have.length(5);
    expect(textOf(el, '.more')).to.equal('Show 2 more');
    await click(el, '.more');
    expect(names(el)).to.deep.equal(byName);
    await waitUntil(() => shadow(el).activeElement?.textContent?.trim() === 'Xujiahui Community Affairs Service Centre', 'the focus did not move to the first new point');
    expect(shadow(el).querySelector('.more')).to.equal(null);
  });
});
