/**
 * Dates and times as the district means them: in its own time zone (a UTC
 * laptop must see staff's 17:00 deadline as 17:00, not 09:00), in the page's language.
 */
export function formatDateTime(locale: string, timeZone: string, time: string | number, withTime = true): string {
  const date = new Date(time);
  if (time === '' || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone }).format(date);
}

/** Whether `Intl` knows `timeZone` as an IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
