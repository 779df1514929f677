/**
 * The subset of OpenStreetMap's `opening_hours` syntax that districts write
 * (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification):
 *
 *   24/7
 *   Mo-Fr 08:30-11:30,13:00-17:00; Sa 09:00-12:00; PH off
 *   Mo,We,Fr 09:00-17:00; Tu,Th 13:00-20:00
 *   Fr-Mo 18:00-02:00          (spans past midnight, ranges across Sunday)
 *   08:00-20:00; Su closed     (no days: every day)
 *   Sa,Su,PH 09:00-12:00
 *
 * Rules are separated by `;`; a later rule replaces what earlier ones said
 * for the days it names (the spec's "normal rules"). Anything else (month or
 * week selectors, comments, `||` fallbacks, `+`, sunrise…) is outside the
 * subset: `parseOpeningHours` returns undefined and the widget shows the text
 * as written, never guessing open or closed.
 */

/** Minutes after the day's midnight; `to` may pass 1440 for a span past midnight. */
export interface Span {
  from: number;
  to: number;
}

/** Hours of each weekday (0 = Monday … 6 = Sunday), and of public holidays when a `PH` rule gives them. */
export interface WeeklyHours {
  week: Span[][];
  /** Undefined when no rule names `PH`: a holiday then keeps its weekday's hours, as the spec says. */
  holiday?: Span[];
}

const weekdays = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const fullDay: Span[] = [{ from: 0, to: 1440 }];

function time(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

/** `08:30-11:30,13:00-17:00` → spans; `18:00-02:00` ends on the next day. */
function spans(text: string): Span[] | undefined {
  const result: Span[] = [];
  for (const part of text.split(',')) {
    const [fromText, toText, extra] = part.trim().split('-');
    if (extra !== undefined || fromText === undefined || toText === undefined) return undefined;
    const from = time(fromText);
    let to = time(toText);
    if (from === undefined || to === undefined || from === 1440) return undefined;
    if (to <= from) to += 1440;
    result.push({ from, to });
  }
  return result.sort((a, b) => a.from - b.from);
}

/** `Mo-Fr,Su,PH` → the weekdays named (with wrap-around ranges such as `Fr-Mo`) and whether PH is. */
function days(text: string): { weekdays: number[]; holiday: boolean } | undefined {
  const named = new Set<number>();
  let holiday = false;
  for (const part of text.split(',')) {
    if (part === 'PH') {
      holiday = true;
      continue;
    }
    const [first, last, extra] = part.split('-');
    const start = weekdays.indexOf(first ?? '');
    const end = last === undefined ? start : weekdays.indexOf(last);
    if (extra !== undefined || start < 0 || end < 0) return undefined;
    for (let day = start; ; day = (day + 1) % 7) {
      named.add(day);
      if (day === end) break;
    }
  }
  return { weekdays: [...named], holiday };
}

/** The weekly hours, or undefined when the text is outside the subset. */
export function parseOpeningHours(text: string): WeeklyHours | undefined {
  const hours: WeeklyHours = { week: weekdays.map(() => []) };
  const rules = text.split(';').map((rule) => rule.trim().replace(/\s+/g, ' ').replace(/ ?([,-]) ?/g, '$1'));
  // A trailing `;` is common and harmless; an empty rule elsewhere is not.
  if (rules.at(-1) === '' && rules.length > 1) rules.pop();
  for (const rule of rules) {
    if (rule === '24/7') {
      hours.week = weekdays.map(() => fullDay);
      continue;
    }
    const words = rule.split(' ');
    if (words.length === 0 || words.length > 2 || words[0] === '') return undefined;
    const [first, second] = words as [string, string | undefined];
    const selector = second === undefined && /\d/.test(first) ? { weekdays: [0, 1, 2, 3, 4, 5, 6], holiday: false } : days(first);
    const timesText = second === undefined ? (/\d/.test(first) ? first : 'open') : second;
    if (!selector) return undefined;
    const dayHours = timesText === 'off' || timesText === 'closed' ? [] : timesText === 'open' ? undefined : spans(timesText);
    // A day selector alone (`Mo-Fr`) means open all day in the spec, which no district means: outside the subset.
    if (dayHours === undefined) return undefined;
    for (const day of selector.weekdays) hours.week[day] = dayHours;
    if (selector.holiday) hours.holiday = dayHours;
  }
  return hours;
}
