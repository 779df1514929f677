/**
 * What a person can use, whatever the server sends: a category picker past a
 * few hundred entries, or a question with thousands of choices, helps nobody and
 * freezes a phone. Past these, the form keeps the first ones and says so once in
 * the console.
 */
export const maxServices = 500;
export const maxQuestions = 100;
export const maxValuesPerList = 200;

/** The first `max` items; a console warning (once per call) when there were more. */
export function capped<T>(items: T[], max: number, what: string): T[] {
  if (items.length <= max) return items;
  console.warn(`[civic-widgets] <civic-feedback>: ${what}: ${items.length} entries, of which the form uses the first ${max}.`);
  return items.slice(0, max);
}
