import { readFileSync } from 'node:fs';

/** One year of the holiday-cn format: `isOffDay: false` is a make-up workday (调休上班). */
export interface HolidayYear {
  year: number;
  /** Where the arrangement was published. */
  source: string;
  days: Array<{ name: string; date: string; isOffDay: boolean }>;
}

const seedFile = new URL('../../seed/holidays.json', import.meta.url);

/** The State Council's arrangements, one object per year, as kept in seed/holidays.json. */
export function holidayYears(): HolidayYear[] {
  return JSON.parse(readFileSync(seedFile, 'utf8')) as HolidayYear[];
}
