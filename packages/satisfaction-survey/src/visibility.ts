import { readStored, removeStored, writeStored } from '@civic-widgets/core';

/**
 * Who sees the survey: a sample of visitors (drawn once per browser session),
 * not again for the same service once answered (for `cooldown-days`), and not
 * again this session once closed. Storage can be missing or full (private
 * windows, locked-down browsers): then the survey shows, and nothing is
 * remembered.
 */

/** The clock and the dice, replaceable so tests can move time and fix chance. */
export const surveyEnvironment = {
  now: (): number => Date.now(),
  random: (): number => Math.random(),
};

const answeredPrefix = 'civic-survey-answered:';
const dismissedPrefix = 'civic-survey-dismissed:';
const drawPrefix = 'civic-survey-draw:';
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Whether this visitor is in the sample for `subject`. The draw is made once
 * per browser session and kept in `sessionStorage`, so reloading the page or
 * coming back to it in the same visit neither shows nor hides the survey again.
 */
export function isSampled(subject: string, sampleRate: number): boolean {
  if (sampleRate >= 1) return true;
  if (sampleRate <= 0) return false;
  const kept = readStored(() => sessionStorage, drawPrefix + subject);
  const keptDraw = kept === null ? Number.NaN : Number(kept);
  if (keptDraw >= 0 && keptDraw < 1) return keptDraw < sampleRate;
  const draw = surveyEnvironment.random();
  writeStored(() => sessionStorage, drawPrefix + subject, String(draw));
  return draw < sampleRate;
}

export function answeredWithin(subject: string, cooldownDays: number): boolean {
  const answeredAt = Number(readStored(() => localStorage, answeredPrefix + subject));
  if (!answeredAt) return false;
  const age = surveyEnvironment.now() - answeredAt;
  return age >= 0 && age < cooldownDays * dayMs;
}

export function rememberAnswered(subject: string): void {
  writeStored(() => localStorage, answeredPrefix + subject, String(surveyEnvironment.now()));
}

/** The server refused the rating after all: it was not answered, so the cool-down does not apply. */
export function forgetAnswered(subject: string): void {
  removeStored(() => localStorage, answeredPrefix + subject);
}

export function dismissedThisSession(subject: string): boolean {
  return readStored(() => sessionStorage, dismissedPrefix + subject) !== null;
}

export function rememberDismissed(subject: string): void {
  writeStored(() => sessionStorage, dismissedPrefix + subject, '1');
}
