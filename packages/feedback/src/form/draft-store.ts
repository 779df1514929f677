import { emptyValues, type FeedbackValues } from './feedback-values.js';

/**
 * An unfinished report survives a reload, but a shared computer (a community
 * centre, a library) must not hand one citizen's words to the next. A draft
 * keeps only what the citizen wrote about the problem: never name, phone or
 * email, photos, the position or consent. It lives in sessionStorage (gone with
 * the tab) and is forgotten after 30 minutes without activity.
 */
interface Draft {
  serviceCode: string;
  description: string;
  attributes: Record<string, string | string[]>;
  address: string;
  /** How many photos were attached: the photos themselves cannot be kept, the citizen is told to add them again. */
  photos: number;
  /** When the citizen last changed the form (epoch ms): the expiry counts from here. */
  savedAt: number;
}

export const draftLifetimeMs = 30 * 60_000;

export function draftKey(endpoint: string, serviceCode: string): string {
  return `civic-feedback-draft:${endpoint}:${serviceCode}`;
}

export interface RestoredDraft {
  values: FeedbackValues;
  /** Photos attached before the reload, now gone. */
  droppedPhotos: number;
}

export function saveDraft(key: string, values: FeedbackValues, photos: number, now = Date.now()): void {
  const { serviceCode, description, attributes, address } = values;
  // An empty form has nothing to keep.
  if (!serviceCode && !description && !address && !photos && Object.keys(attributes).length === 0) return clearDraft(key);
  try {
    sessionStorage.setItem(key, JSON.stringify({ serviceCode, description, attributes, address, photos, savedAt: now } satisfies Draft));
  } catch {
    // Storage full or disabled: the draft is a convenience, the form still works.
  }
}

/** The draft under `key`, unless it is older than 30 minutes (then it is removed). */
export function loadDraft(key: string, now = Date.now()): RestoredDraft | undefined {
  try {
    const stored = sessionStorage.getItem(key);
    if (!stored) return undefined;
    const draft = JSON.parse(stored) as Partial<Draft>;
    const savedAt = typeof draft.savedAt === 'number' ? draft.savedAt : 0;
    // A draft without a time is from an older version, which kept contact details: gone too.
    if (!(now - savedAt < draftLifetimeMs)) {
      clearDraft(key);
      return undefined;
    }
    const values = emptyValues();
    for (const name of ['serviceCode', 'description', 'address'] as const) {
      if (typeof draft[name] === 'string') values[name] = draft[name];
    }
    values.attributes = answersOf(draft.attributes);
    const droppedPhotos = typeof draft.photos === 'number' && Number.isInteger(draft.photos) && draft.photos > 0 ? draft.photos : 0;
    return { values, droppedPhotos };
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
