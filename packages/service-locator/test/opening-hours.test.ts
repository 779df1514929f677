import { expect } from '@open-wc/testing';
import { parseOpeningHours } from '../src/hours/opening-hours.js';
import { hoursState } from '../src/hours/hours-state.js';
import { parseHolidayCalendar } from '../src/hours/holidays.js';
import { civilMoment } from '../src/hours/zoned-clock.js';

// The parser against the examples of the OpenStreetMap opening_hours
// specification and wiki that fall inside the subset districts write, and
// against what falls outside it (which must be refused, never guessed).

const hm = (h: number, m = 0) => h * 60 + m;
const span = (from: number, to: number) => ({ from, to });

describe('opening_hours parser', () => {
  it('reads weekday ranges with several spans (a lunch break) and a later rule for one day', () => {
    const hours = parseOpeningHours('Mo-Fr 08:30-11:30,13:00-17:00; Sa 09:00-12:00; PH off');
    const weekday = [span(hm(8, 30), hm(11, 30)), span(hm(13), hm(17))];
    expect(hours?.week).to.deep.equal([weekday, weekday, weekday, weekday, weekday, [span(hm(9), hm(12))], []]);
    expect(hours?.holiday).to.deep.equal([]);
  });

  it('reads lists of days, and a later rule replaces an earlier one for the days it names', () => {
    // The spec's example of overriding: Mo-Fr, then We on its own.
    const hours = parseOpeningHours('Mo-Fr 08:00-18:00; We 08:00-12:00');
    expect(hours?.week[2]).to.deep.equal([span(hm(8), hm(12))]);
    expect(hours?.week[3]).to.deep.equal([span(hm(8), hm(18))]);
    const list = parseOpeningHours('Mo,We,Fr 09:00-17:00');
    expect(list?.week.map((day) => day.length)).to.deep.equal([1, 0, 1, 0, 1, 0, 0]);
  });

  it('reads 24/7, off and closed, times alone (every day) and a range across Sunday', () => {
    expect(parseOpeningHours('24/7')?.week.every((day) => day.length === 1 && day[0]!.from === 0 && day[0]!.to === 1440)).to.equal(true);
    const everyDay = parseOpeningHours('08:00-20:00; Su closed');
    expect(everyDay?.week.map((day) => day.length)).to.deep.equal([1, 1, 1, 1, 1, 1, 0]);
    const wrap = parseOpeningHours('Fr-Mo 10:00-16:00');
    expect(wrap?.week.map((day) => day.length)).to.deep.equal([1, 0, 0, 0, 1, 1, 1]);
    expect(parseOpeningHours('Mo-Su 09:00-17:00; Tu off')?.week[1]).to.deep.equal([]);
  });

  it('reads spans past midnight and 24:00', () => {
    expect(parseOpeningHours('Fr 18:00-02:00')?.week[4]).to.deep.equal([span(hm(18), hm(26))]);
    expect(parseOpeningHours('Mo-Su 18:00-24:00')?.week[0]).to.deep.equal([span(hm(18), hm(24))]);
  });

  it('reads PH with hours, and PH in a day list', () => {
    expect(parseOpeningHours('Mo-Fr 09:00-17:00; PH 09:00-12:00')?.holiday).to.deep.equal([span(hm(9), hm(12))]);
    const weekend = parseOpeningHours('Mo-Fr 09:00-17:00; Sa,Su,PH 10:00-12:00');
    expect(weekend?.holiday).to.deep.equal([span(hm(10), hm(12))]);
    expect(weekend?.week[6]).to.deep.equal([span(hm(10), hm(12))]);
    expect(parseOpeningHours('Mo-Fr 09:00-17:00')?.holiday).to.equal(undefined);
  });

  it('tolerates spaces after commas and a trailing semicolon', () => {
    expect(parseOpeningHours('Mo-Fr 08:30-11:30, 13:00-17:00;')?.week[0]).to.have.length(2);
  });

  it('refuses what is outside the subset rather than guessing', () => {
    for (const text of [
      'Jan-Jun Mo-Fr 09:00-17:00',
      'Mo-Fr 09:00-17:00 || "by appointment"',
      'Mo-Fr 09:00-17:00 "call ahead"',
      'Mo-Fr sunrise-sunset',
      'Mo[1] 09:00-12:00',
      'Mo-Fr 09:00+',
      'week 01-10 Mo 09:00-12:00',
      'Mo-Fr',
      'Mo-Fr 9:00-17:00',
      'Mo-Fr 09:00-25:00',
      'Xy 09:00-12:00',
      '',
      'open',
      '周一至周五 9:00-17:00',
    ]) {
      expect(parseOpeningHours(text), text).to.equal(undefined);
    }
  });
});

describe('opening hours at a given time, with holidays and make-up workdays', () => {
  const calendar = parseHolidayCalendar(
    JSON.stringify({
      year: 2026,
      days: [
        { name: '国庆节', date: '2026-10-01', isOffDay: true },
        { name: '国庆节', date: '2026-10-02', isOffDay: true },
        { name: '国庆节', date: '2026-10-10', isOffDay: false },
      ],
    }),
  );
  const centre = parseOpeningHours('Mo-Fr 08:30-11:30,13:00-17:00; Sa 09:00-12:00; PH off');
  const at = (iso: string) => civilMoment(Date.parse(iso), 'Asia/Shanghai');

  it('is open until the end of the span, and counts down in its last half hour', () => {
    expect(hoursState(centre, at('2026-03-10T10:00:00+08:00'), calendar)).to.deep.equal({ kind: 'open', allDay: false, closesAt: hm(11, 30), closesIn: 90 });
    expect(hoursState(centre, at('2026-03-10T11:10:00+08:00'), calendar)).to.include({ kind: 'open', closesIn: 20 });
  });

  it('opens again after the lunch break, tomorrow, or on a later day', () => {
    expect(hoursState(centre, at('2026-03-10T12:00:00+08:00'), calendar)).to.deep.equal({ kind: 'closed', holiday: undefined, next: { inDays: 0, date: { year: 2026, month: 3, day: 10 }, at: hm(13) } });
    expect(hoursState(centre, at('2026-03-13T18:00:00+08:00'), calendar)).to.deep.include({ next: { inDays: 1, date: { year: 2026, month: 3, day: 14 }, at: hm(9) } });
    expect(hoursState(centre, at('2026-03-14T13:00:00+08:00'), calendar)).to.deep.include({ next: { inDays: 2, date: { year: 2026, month: 3, day: 16 }, at: hm(8, 30) } });
  });

  it('is closed on a public holiday with PH off, naming it, and opens after it', () => {
    const state = hoursState(centre, at('2026-10-01T10:00:00+08:00'), calendar);
    expect(state).to.deep.include({ kind: 'closed', holiday: '国庆节' });
    // The test calendar has 1 and 2 October off: Saturday 3 October opens with Saturday's hours.
    expect(state).to.deep.include({ next: { inDays: 2, date: { year: 2026, month: 10, day: 3 }, at: hm(9) } });
  });

  it('opens a make-up workday with a working day’s hours (Saturday 10 October: until 11:30, not 12:00)', () => {
    expect(hoursState(centre, at('2026-10-10T10:00:00+08:00'), calendar)).to.include({ kind: 'open', closesAt: hm(11, 30) });
    expect(hoursState(centre, at('2026-10-10T12:30:00+08:00'), calendar)).to.deep.include({ next: { inDays: 0, date: { year: 2026, month: 10, day: 10 }, at: hm(13) } });
  });

  it('keeps the weekday hours on a holiday when there is no PH rule', () => {
    expect(hoursState(parseOpeningHours('Mo-Su 10:30-13:00'), at('2026-10-01T11:00:00+08:00'), calendar)).to.include({ kind: 'open' });
  });

  it('follows a span past midnight into the next day, and 24/7 never closes', () => {
    const bar = parseOpeningHours('Fr 18:00-02:00');
    expect(hoursState(bar, at('2026-03-14T01:00:00+08:00'), undefined)).to.include({ kind: 'open', closesAt: hm(2), closesIn: 60 });
    expect(hoursState(parseOpeningHours('24/7'), at('2026-03-14T01:00:00+08:00'), undefined)).to.include({ kind: 'open', allDay: true });
    expect(hoursState(parseOpeningHours('Mo-Su 00:00-24:00'), at('2026-03-14T23:50:00+08:00'), undefined)).to.include({ kind: 'open', allDay: true });
  });

  it('says nothing it does not know: hours outside the subset are unknown', () => {
    expect(hoursState(undefined, at('2026-03-10T10:00:00+08:00'), calendar)).to.deep.equal({ kind: 'unknown' });
  });

  it('reads the time in the district’s zone whatever the instant’s zone', () => {
    // 02:00 UTC is 10:00 in Shanghai, 22:00 the day before in New York.
    expect(civilMoment(Date.parse('2026-03-10T02:00:00Z'), 'Asia/Shanghai')).to.deep.equal({ date: { year: 2026, month: 3, day: 10 }, weekday: 1, minutes: hm(10) });
    expect(civilMoment(Date.parse('2026-03-10T02:00:00Z'), 'America/New_York')).to.deep.equal({ date: { year: 2026, month: 3, day: 9 }, weekday: 0, minutes: hm(22) });
  });
});

describe('holiday-cn calendars', () => {
  it('reads one year, an array of years, and years named only by their dates', () => {
    const one = parseHolidayCalendar(JSON.stringify({ year: 2026, days: [{ name: '元旦', date: '2026-01-01', isOffDay: true }] }));
    expect([...one.years]).to.deep.equal([2026]);
    const several = parseHolidayCalendar(
      JSON.stringify([
        { year: 2025, days: [] },
        { year: 2026, days: [{ name: '国庆节', date: '2026-10-10', isOffDay: false }] },
      ]),
    );
    expect([...several.years].sort()).to.deep.equal([2025, 2026]);
    expect(several.days.get('2026-10-10')).to.deep.equal({ name: '国庆节', off: false });
  });

  it('refuses what is not a holiday-cn calendar', () => {
    expect(() => parseHolidayCalendar('not json')).to.throw();
    expect(() => parseHolidayCalendar('{"holidays": []}')).to.throw();
  });
});
