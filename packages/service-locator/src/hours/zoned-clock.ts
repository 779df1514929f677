/** A day on the calendar, with no time zone: what a district's opening hours speak of. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface CivilMoment {
  date: CivilDate;
  /** 0 = Monday … 6 = Sunday, as in opening_hours. */
  weekday: number;
  /** Minutes after midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time in `timeZone` at `instant`, whatever the device's own zone. */
export function civilMoment(instant: number, timeZone: string): CivilMoment {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const date = { year: parts.year!, month: parts.month!, day: parts.day! };
  return { date, weekday: weekdayOf(date), minutes: (parts.hour! % 24) * 60 + parts.minute! };
}

/** Calendar arithmetic on the date alone (UTC is only the counting frame here). */
export function addDays(date: CivilDate, days: number): CivilDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function weekdayOf(date: CivilDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

export function isoDate(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** `08:30`: opening hours are written in 24-hour time in every language the widget speaks. */
export function clockTime(minutes: number): string {
  const wrapped = minutes % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}
