import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { holidaysUrl, LocatorServer, notes, pointNamed, renderLocator, settled, shownPoints, squash, useClock, usePageLanguage, type Locator } from './helpers/locator.js';

// Each point's state in words at times the test sets (Date.now), in
// Shanghai's time zone, with the State Council's 2026 holidays and make-up
// workdays from a holiday-cn calendar served over HTTP.

const centre = 'Xujiahui Community Affairs Service Centre';
const canteen = "Xujiahui Seniors' Canteen";

describe('<civic-service-locator> opening states', () => {
  const setClock = useClock();
  const setLanguage = usePageLanguage();
  beforeEach(() => setLanguage('en'));

  async function at(iso: string, attrs: Record<string, string> = {}): Promise<Locator> {
    setClock(iso);
    const el = await renderLocator({ 'holidays-src': holidaysUrl, ...attrs });
    await settled(el);
    return el;
  }

  const stateOf = (el: Locator, name: string) => pointNamed(el, name).state;

  it('says "Open until 11:30" in the morning and counts down in the last half hour', async () => {
    expect(stateOf(await at('2026-03-10T10:00:00+08:00'), centre)).to.equal('Open until 11:30');
    const closing = await at('2026-03-10T11:10:00+08:00');
    expect(stateOf(closing, centre)).to.equal('Closes in 20 minutes');
    expect(pointNamed(closing, centre).tone).to.equal('closing');
  });

  it('says "Opens at 13:00" over the lunch break', async () => {
    const el = await at('2026-03-10T12:00:00+08:00');
    expect(stateOf(el, centre)).to.equal('Opens at 13:00');
    expect(pointNamed(el, centre).tone).to.equal('closed');
  });

  it('says "Opens tomorrow at 09:00" on Friday evening and "Opens Monday 08:30" on Saturday afternoon', async () => {
    expect(stateOf(await at('2026-03-13T18:00:00+08:00'), centre)).to.equal('Opens tomorrow at 09:00');
    expect(stateOf(await at('2026-03-14T13:00:00+08:00'), centre)).to.equal('Opens Monday 08:30');
  });

  it('says "Open 24 hours" for 24/7 and shows hours it does not understand as written, asking to call', async () => {
    const el = await at('2026-03-10T10:00:00+08:00');
    expect(stateOf(el, 'Fenglin Road Elderly Care Station')).to.equal('Open 24 hours');
    const home = shownPoints(el).find((point) => point.name === 'Hunan Road Care Home');
    expect(home?.state).to.equal('Hours not confirmed: please call to check before you go.');
    expect(home?.tone).to.equal('unknown');
    const item = [...el.shadowRoot!.querySelectorAll('.points > li')].find((li) => li.textContent?.includes('Hunan Road Care Home'));
    expect(squash(item?.querySelector('.verbatim')?.textContent)).to.equal('Jan-Jun Mo-Fr 09:00-17:00');
  });

  it('on National Day says "Closed today: National Day" and when it opens again, and notes the holiday', async () => {
    const el = await at('2026-10-01T10:00:00+08:00');
    expect(stateOf(el, centre)).to.equal('Closed today: National Day. Opens Thursday, October 8 08:30');
    // No PH rule: the canteen keeps its daily hours on the holiday.
    expect(stateOf(el, canteen)).to.equal('Opens at 10:30');
    expect(notes(el)).to.include('Today is a public holiday (National Day): holiday hours apply.');
  });

  it('opens on a make-up workday (Saturday 10 October) with weekday hours, and says so', async () => {
    const el = await at('2026-10-10T10:00:00+08:00');
    // An ordinary Saturday would be "Open until 12:00".
    expect(stateOf(el, centre)).to.equal('Open until 11:30');
    expect(notes(el)).to.include('Today is a make-up workday (National Day): service points keep their weekday hours.');
    const sunday = await at('2026-09-20T14:00:00+08:00');
    expect(stateOf(sunday, centre)).to.equal('Open until 17:00');
  });

  it('knows the Spring Festival: closed on 16 February, and the Saturday workday of 14 February opens', async () => {
    expect(stateOf(await at('2026-02-16T10:00:00+08:00'), centre)).to.match(/^Closed today: Spring Festival\. Opens /);
    expect(stateOf(await at('2026-02-14T10:00:00+08:00'), centre)).to.equal('Open until 11:30');
  });

  it('says holiday hours are not confirmed in a year the calendar does not cover, and without a calendar', async () => {
    const el = await at('2027-03-09T10:00:00+08:00');
    expect(notes(el)).to.include('Holiday opening hours are not confirmed: on public holidays, please call before you go.');
    expect(stateOf(el, centre)).to.equal('Open until 11:30');
    setClock('2026-03-10T10:00:00+08:00');
    const without = await renderLocator();
    expect(notes(without)).to.include('Holiday opening hours are not confirmed: on public holidays, please call before you go.');
    const covered = await at('2026-03-10T10:00:00+08:00');
    expect(notes(covered)).to.deep.equal([]);
  });

  it('reads a calendar given as an array of years', async () => {
    const server = new LocatorServer();
    const el = await at('2026-10-01T10:00:00+08:00', { 'holidays-src': server.file('holidays-array.json') });
    expect(stateOf(el, centre)).to.match(/^Closed today: National Day/);
  });

  describe('on a device in another time zone', () => {
    afterEach(async () => {
      await executeServerCommand('emulate-timezone', { timeZone: undefined });
    });

    it('still shows Shanghai’s hours (10:00 in Shanghai is 22:00 the day before in New York)', async () => {
      await executeServerCommand('emulate-timezone', { timeZone: 'America/New_York' });
      expect(new Date(Date.parse('2026-03-10T02:00:00Z')).getHours()).to.equal(22);
      const el = await at('2026-03-10T10:00:00+08:00');
      expect(stateOf(el, centre)).to.equal('Open until 11:30');
    });

    it('follows `time-zone` when the district sets another', async () => {
      // 10:00 in Shanghai is 03:00 in Berlin (winter): the centre, read as Berlin's, opens at 08:30.
      const el = await at('2026-03-10T10:00:00+08:00', { 'time-zone': 'Europe/Berlin' });
      expect(stateOf(el, centre)).to.equal('Opens at 08:30');
    });
  });

  it('moves on with the clock: at the turn of the minute the states are worked out again', async function () {
    // Ten seconds before 11:30 (room for a loaded machine): the widget's own minute timer turns the state, nothing pokes it.
    this.timeout(30_000);
    const el = await at('2026-03-10T11:29:50+08:00');
    expect(stateOf(el, centre)).to.equal('Closes in 1 minute');
    await waitUntil(() => stateOf(el, centre) === 'Opens at 13:00', 'the state did not change at 11:30', { timeout: 20_000 });
  });
});

describe('<civic-service-locator> "Open now" over time', () => {
  const setClock = useClock();
  const setLanguage = usePageLanguage();
  beforeEach(() => setLanguage('en'));

  it('drops a point from "Open now" at the minute it closes', async function () {
    this.timeout(30_000);
    setClock('2026-03-10T11:29:50+08:00');
    const el = await renderLocator({ 'page-size': 20 });
    el.shadowRoot!.querySelector<HTMLInputElement>('#open-now')!.click();
    await el.updateComplete;
    expect(shownPoints(el).map((point) => point.name)).to.include('Xujiahui Community Affairs Service Centre');
    await waitUntil(() => !shownPoints(el).some((point) => point.name === 'Xujiahui Community Affairs Service Centre'), 'the closed centre stayed under "Open now"', { timeout: 20_000 });
  });
});
