import { emptyValues, type FeedbackValues } from './feedback-values.js';

/**
 * An unfinished report survives a reload (text only: no photos, no position,
 * no consent, which must be given afresh). sessionStorage ends with the tab, so
 * nothing personal lingers on a shared computer.
 */
type Draft = Omit<FeedbackValues, 'position' | 'consent'>;

export function draftKey(endpoint: string, serviceCode: string): string {
  return `civic-feedback-draft:${endpoint}:${serviceCode}`;
}

export function saveDraft(key: string, values: FeedbackValues): void {
  const { position: _position, consent: _consent, ...draft } = values;
  try {
    sessionStorage.setItem(key, JSON.stringify(draft satisfies Draft));
  } catch {
    // Storage full or disabled: the draft is a convenience, the form still works.
  }
}

export function loadDraft(key: string): FeedbackValues | undefined {
  try {
    const stored = sessionStorage.getItem(key);
    if (!stored) return undefined;
    const draft = JSON.parse(stored) as Partial<Draft>;
    const values = emptyValues();
    for (const name of ['serviceCode', 'description', 'address', 'name', 'phone', 'email'] as const) {
      if (typeof draft[name] === 'string') values[name] = draft[name];
    }
    values.anonymous = draft.anonymous === true;
    values.attributes = answersOf(draft.attributes);
    return values;
  } catch {
    return undefined;
  }
}

/** Only strings and lists of strings survive: the stored draft is as untrusted as any input. */
function answersOf(stored: unknown): Record<string, string | string[]> {
  if (typeof stored !== 'object' || stored === null) return {};
  // fromEntries makes own properties, even for a code such as "__proto__".
  return Object.fromEntries(
    Object.entries(stored).filter(
      ([, answer]) => typeof answer === 'string' || (Array.isArray(answer) && answer.every((item) => typeof item === 'string')),
    ),
  );
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing to clear when storage is disabled.
  }
}
