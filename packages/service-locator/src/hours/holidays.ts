/**
 * China's public holidays and make-up workdays (调休上班) in the `holiday-cn`
 * JSON format: `{"year": 2026, "days": [{"name": "国庆节", "date": "2026-10-01",
 * "isOffDay": true}, …]}`, where `isOffDay: false` is a make-up workday. One
 * year, several years in one object, or an array of such objects.
 */
export interface HolidayCalendar {
  /** Years the calendar speaks for: outside them, holiday hours are not confirmed. */
  years: ReadonlySet<number>;
  /** `YYYY-MM-DD` → the day. */
  days: ReadonlyMap<string, { name: string; off: boolean }>;
}

const datePattern = /^(\d{4})-\d{2}-\d{2}$/;

export function parseHolidayCalendar(text: string): HolidayCalendar {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  const years = new Set<number>();
  const days = new Map<string, { name: string; off: boolean }>();
  for (const entry of Array.isArray(json) ? json : [json]) {
    const record = entry as { year?: unknown; days?: unknown };
    if (typeof record !== 'object' || record === null || !Array.isArray(record.days)) {
      throw new Error('not in the holiday-cn format');
    }
    if (typeof record.year === 'number') years.add(record.year);
    for (const day of record.days as Array<{ name?: unknown; date?: unknown; isOffDay?: unknown }>) {
      const match = typeof day?.date === 'string' ? datePattern.exec(day.date) : null;
      if (!match || typeof day.isOffDay !== 'boolean') continue;
      years.add(Number(match[1]));
      days.set(day.date as string, { name: typeof day.name === 'string' ? day.name.slice(0, 100) : '', off: day.isOffDay });
    }
  }
  return { years, days };
}
