import { readStored, removeStored, writeStored } from '@civic-widgets/core';

/**
 * Who sees the survey: a sample of visitors, not again for the same service
 * once answered (for `cooldown-days`), and not again this session once closed.
 * Storage can be missing or full (private windows, locked-down browsers): then
 * the survey shows, and nothing is remembered.
 */

/** The clock and the dice, replaceable so tests can move time and fix chance. */
export const surveyEnvironment = {
  now: (): number => Date.now(),
  random: (): number => Math.random(),
};

const answeredPrefix = 'civic-survey-answered:';
const dismissedPrefix = 'civic-survey-dismissed:';
const dayMs = 24 * 60 * 60 * 1000;

/** A fresh draw on every call: call it once per visit. */
export function isSampled(sampleRate: number): boolean {
  return surveyEnvironment.random() < sampleRate;
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
