import { msg, str } from '@lit/localize';
import type { HoursState } from '../hours/hours-state.js';
import { clockTime } from '../hours/zoned-clock.js';
import { holidayName } from '../kinds.js';

/** Under this many minutes before closing, the state counts down ("Closes in 20 minutes"). */
const countdownMinutes = 30;

export interface StateWords {
  /** `open`, `closing`, `closed` or `unknown`: the class of the line, for its colour. */
  tone: 'open' | 'closing' | 'closed' | 'unknown';
  text: string;
}

/** The weekday (or, a week or more ahead, the date) of a day that opens, in the page's language. */
export type DayName = (date: { year: number; month: number; day: number }, withDate: boolean) => string;

function opening(state: Extract<HoursState, { kind: 'closed' }>, dayName: DayName): string {
  const next = state.next;
  if (!next) return msg('Closed');
  const time = clockTime(next.at);
  if (next.inDays === 0) return msg(str`Opens at ${time}`);
  if (next.inDays === 1) return msg(str`Opens tomorrow at ${time}`);
  const day = dayName(next.date, next.inDays >= 7);
  return msg(str`Opens ${day} ${time}`);
}

/** The state in words: "Open until 17:00", "Closes in 20 minutes", "Opens at 13:00", "Closed today: National Day. Opens Thursday 08:30". */
export function stateWords(state: HoursState, dayName: DayName): StateWords {
  if (state.kind === 'unknown') return { tone: 'unknown', text: msg('Hours not confirmed: please call to check before you go.') };
  if (state.kind === 'open') {
    if (state.allDay) return { tone: 'open', text: msg('Open 24 hours') };
    if (state.closesIn <= countdownMinutes) {
      const minutes = state.closesIn;
      return { tone: 'closing', text: minutes === 1 ? msg('Closes in 1 minute') : msg(str`Closes in ${minutes} minutes`) };
    }
    const time = clockTime(state.closesAt);
    return { tone: 'open', text: msg(str`Open until ${time}`) };
  }
  const next = opening(state, dayName);
  if (state.holiday) {
    const name = holidayName(state.holiday);
    return { tone: 'closed', text: msg(str`Closed today: ${name}. ${next}`) };
  }
  return { tone: 'closed', text: next };
}
