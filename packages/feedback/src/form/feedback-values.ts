/** Everything the citizen has entered, kept as they typed it. */
export interface FeedbackValues {
  serviceCode: string;
  /** Answers to the category's extra questions, by attribute code. */
  attributes: Record<string, string | string[]>;
  description: string;
  address: string;
  position?: { latitude: number; longitude: number };
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  consent: boolean;
}

export function emptyValues(serviceCode = ''): FeedbackValues {
  return {
    serviceCode,
    attributes: {},
    description: '',
    address: '',
    anonymous: false,
    name: '',
    phone: '',
    email: '',
    consent: false,
  };
}

/**
 * The citizen's answer to a category's question. Attribute codes come from the
 * server: `constructor` or `__proto__` must not reach Object.prototype.
 */
export function answerTo(values: FeedbackValues, code: string): string | string[] | undefined {
  return Object.hasOwn(values.attributes, code) ? values.attributes[code] : undefined;
}

/** Chinese input methods often produce full-width digits and letters (１２３); compare and send the plain forms. */
export function normalizeInput(value: string): string {
  return value.normalize('NFKC').trim();
}

export function givesContact(values: FeedbackValues): boolean {
  return !values.anonymous && [values.name, values.phone, values.email].some((value) => value.trim() !== '');
}

export function givesLocation(values: FeedbackValues): boolean {
  return values.address.trim() !== '' || values.position !== undefined;
}

/** Personal information is processed only with consent (PIPL, GDPR). */
export function needsConsent(values: FeedbackValues): boolean {
  return givesContact(values) || givesLocation(values);
}
