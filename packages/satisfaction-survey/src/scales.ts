import { msg } from '@lit/localize';

export type ScaleName = 'five-level' | 'helpful' | 'csat' | 'ces' | 'nps';
export const scaleNames: readonly ScaleName[] = ['five-level', 'helpful', 'csat', 'ces', 'nps'];

export interface ScaleOption {
  value: number;
  /** The visible label: a word for the 好差评 grades and Yes/No, the number on numeric scales. */
  label: () => string;
}

export interface Scale {
  name: ScaleName;
  /** In the order shown: the best first for words (as 好差评 lists them), lowest first for numbers. */
  options: ScaleOption[];
  /** Numeric scales show their options in a row with the ends explained; word scales as a list. */
  numeric: boolean;
  question: () => string;
  /** What the ends of a numeric scale mean. */
  anchors?: () => string;
  /** Ratings that ask what went wrong and may offer a call-back. */
  isLow: (rating: number) => boolean;
  /** Ratings counted as satisfied in public results, as the server counts them. */
  isSatisfied: (rating: number) => boolean;
  /** Whether a low rating asks for the 好差评 service indicators; a page's usefulness is not a service. */
  hasServiceReasons: boolean;
}

function numbers(from: number, to: number): ScaleOption[] {
  return Array.from({ length: to - from + 1 }, (_, index) => {
    const value = from + index;
    return { value, label: () => String(value) };
  });
}

/** 政务服务"好差评" (GB/T 39734-2020): five grades, always shown in words. */
const fiveLevel: Scale = {
  name: 'five-level',
  options: [
    { value: 5, label: () => msg('Very satisfied') },
    { value: 4, label: () => msg('Satisfied') },
    { value: 3, label: () => msg('Fairly satisfied') },
    { value: 2, label: () => msg('Dissatisfied') },
    { value: 1, label: () => msg('Very dissatisfied') },
  ],
  numeric: false,
  question: () => msg('How satisfied are you with this service?'),
  isLow: (rating) => rating <= 2,
  isSatisfied: (rating) => rating >= 3,
  hasServiceReasons: true,
};

const helpful: Scale = {
  name: 'helpful',
  options: [
    { value: 1, label: () => msg('Yes') },
    { value: 0, label: () => msg('No') },
  ],
  numeric: false,
  question: () => msg('Is this page useful?'),
  isLow: (rating) => rating === 0,
  isSatisfied: (rating) => rating === 1,
  hasServiceReasons: false,
};

const csat: Scale = {
  name: 'csat',
  options: numbers(1, 5),
  numeric: true,
  question: () => msg('How satisfied are you with this service?'),
  anchors: () => msg('1 means very dissatisfied, 5 very satisfied.'),
  isLow: (rating) => rating <= 2,
  isSatisfied: (rating) => rating >= 4,
  hasServiceReasons: true,
};

const ces: Scale = {
  name: 'ces',
  options: numbers(1, 7),
  numeric: true,
  question: () => msg('How easy was it to get this done?'),
  anchors: () => msg('1 means very difficult, 7 very easy.'),
  isLow: (rating) => rating <= 3,
  isSatisfied: (rating) => rating >= 5,
  hasServiceReasons: true,
};

const nps: Scale = {
  name: 'nps',
  options: numbers(0, 10),
  numeric: true,
  question: () => msg('How likely are you to recommend this service to a friend or neighbour?'),
  anchors: () => msg('0 means not at all likely, 10 extremely likely.'),
  isLow: (rating) => rating <= 6,
  isSatisfied: (rating) => rating >= 9,
  hasServiceReasons: true,
};

const scales: Record<ScaleName, Scale> = { 'five-level': fiveLevel, helpful, csat, ces, nps };

export function isScaleName(name: string): name is ScaleName {
  return (scaleNames as readonly string[]).includes(name);
}

export function scaleOf(name: ScaleName): Scale {
  return scales[name];
}
