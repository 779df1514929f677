import type { HolidayCalendar } from './holidays.js';
import type { Span, WeeklyHours } from './opening-hours.js';
import { addDays, isoDate, weekdayOf, type CivilDate, type CivilMoment } from './zoned-clock.js';

/** What a point's hours mean right now. Times are minutes after the named day's midnight. */
export type HoursState =
  | { kind: 'unknown' }
  | { kind: 'open'; allDay: boolean; closesAt: number; closesIn: number }
  | { kind: 'closed'; holiday?: string; next?: { inDays: number; date: CivilDate; at: number } };

/** How far ahead "opens …" looks: past the longest Chinese holiday (9 days) with its weekends. */
const lookAheadDays = 14;

/**
 * The hours that apply on `date`. A public holiday (`isOffDay: true`) is `PH`:
 * the `PH` rule's hours if there is one, else the weekday's, as the spec says.
 * A make-up workday (`isOffDay: false`) has the hours of a regular working day:
 * Monday's.
 */
export function hoursOn(hours: WeeklyHours, date: CivilDate, calendar: HolidayCalendar | undefined): Span[] {
  const special = calendar?.days.get(isoDate(date));
  if (special?.off && hours.holiday) return hours.holiday;
  if (special && !special.off) return hours.week[0]!;
  return hours.week[weekdayOf(date)]!;
}

/** The spans that run on `date`, including the part past midnight of the day before's. */
function runningOn(hours: WeeklyHours, date: CivilDate, calendar: HolidayCalendar | undefined): Span[] {
  const carried = hoursOn(hours, addDays(date, -1), calendar)
    .filter((span) => span.to > 1440)
    .map((span) => ({ from: 0, to: span.to - 1440 }));
  return [...carried, ...hoursOn(hours, date, calendar)];
}

/** When an open spell that runs at `minutes` on `date` ends, following spans that join on, up to a week. */
function closingTime(hours: WeeklyHours, date: CivilDate, minutes: number, calendar: HolidayCalendar | undefined): number | undefined {
  let end = minutes;
  for (let offset = 0; offset <= 7; offset++) {
    const day = addDays(date, offset);
    const base = offset * 1440;
    let moved = true;
    while (moved) {
      moved = false;
      for (const span of runningOn(hours, day, calendar)) {
        if (base + span.from <= end && base + span.to > end) {
          end = base + span.to;
          moved = true;
        }
      }
    }
    if (end < base + 1440) return end;
  }
  return undefined;
}

/** The state at `now`, the district's wall-clock time (one civilMoment per render, not per point). */
export function hoursState(hours: WeeklyHours | undefined, now: CivilMoment, calendar: HolidayCalendar | undefined): HoursState {
  if (!hours) return { kind: 'unknown' };
  const today = runningOn(hours, now.date, calendar);
  if (today.some((span) => span.from <= now.minutes && now.minutes < span.to)) {
    const closesAt = closingTime(hours, now.date, now.minutes, calendar);
    return closesAt === undefined ? { kind: 'open', allDay: true, closesAt: 0, closesIn: Infinity } : { kind: 'open', allDay: false, closesAt, closesIn: closesAt - now.minutes };
  }
  const special = calendar?.days.get(isoDate(now.date));
  const holiday = special?.off && hours.holiday?.length === 0 ? special.name : undefined;
  const later = today.find((span) => span.from > now.minutes);
  if (later) return { kind: 'closed', holiday, next: { inDays: 0, date: now.date, at: later.from } };
  for (let inDays = 1; inDays <= lookAheadDays; inDays++) {
    const date = addDays(now.date, inDays);
    const first = hoursOn(hours, date, calendar)[0];
    if (first) return { kind: 'closed', holiday, next: { inDays, date, at: first.from } };
  }
  return { kind: 'closed', holiday };
}

/** Today's entry in the calendar: a public holiday or a make-up workday, with its name. */
export function specialDay(now: CivilMoment, calendar: HolidayCalendar | undefined): { name: string; off: boolean } | undefined {
  return calendar?.days.get(isoDate(now.date));
}
