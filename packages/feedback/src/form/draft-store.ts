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
    if (typeof draft.attributes === 'object' && draft.attributes !== null) values.attributes = draft.attributes;
    return values;
  } catch {
    return undefined;
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing to clear when storage is disabled.
  }
}
