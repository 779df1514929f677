/**
 * What a satisfaction survey may send, and the scales it may answer on.
 * The body schema is strict (no field it does not name: app.ts turns off Ajv's removeAdditional, so extra fields are refused, not dropped):
 * a rating must not carry anything that identifies the citizen beyond an
 * optional call-back they typed in themselves.
 */

export const scales = ['five-level', 'helpful', 'csat', 'ces', 'nps'] as const;
export type Scale = (typeof scales)[number];

/**
 * Each scale's grades and the lowest grade that counts as satisfied:
 * - five-level: 好差评 (GB/T 39734), 5 非常满意, 4 满意, 3 基本满意, 2 不满意,
 *   1 非常不满意; 好评 is 3 and above.
 * - helpful: "was this page helpful?", 1 yes, 0 no.
 * - csat: 1–5, satisfied is 4 and 5 (the usual top-two-box).
 * - ces: customer effort, 1–7 where 7 is "very easy"; 5 and above is easy.
 * - nps: 0–10; promoters 9–10, detractors 0–6.
 */
export const scaleRanges: Record<Scale, { min: number; max: number; satisfiedFrom: number }> = {
  'five-level': { min: 1, max: 5, satisfiedFrom: 3 },
  helpful: { min: 0, max: 1, satisfiedFrom: 1 },
  csat: { min: 1, max: 5, satisfiedFrom: 4 },
  ces: { min: 1, max: 7, satisfiedFrom: 5 },
  nps: { min: 0, max: 10, satisfiedFrom: 9 },
};

/** NPS detractors are 0 to this grade. */
export const npsDetractorsTo = 6;

/**
 * 好差评 indicators for online services, and 服务态度 from the on-site ones:
 * efficiency 办事效率, guide-accuracy 办事指南准确度, convenience 办事便捷度,
 * usability 平台操作性, attitude 服务态度, other 其他.
 */
export const reasons = ['efficiency', 'guide-accuracy', 'convenience', 'usability', 'attitude', 'other'] as const;
export type Reason = (typeof reasons)[number];

export const maxComment = 1000;

/** `POST /surveys/responses`. The rating's range per scale is checked in survey-routes.ts, with a message that names it. */
export const surveyResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['scale', 'rating', 'serviceId'],
  properties: {
    scale: { type: 'string', enum: scales },
    rating: { type: 'integer', minimum: 0, maximum: 10 },
    reasons: { type: 'array', uniqueItems: true, maxItems: reasons.length, items: { type: 'string', enum: reasons } },
    comment: { type: 'string', maxLength: maxComment },
    // Only when the citizen asks to be called back about a bad rating (差评回访).
    callback: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'phone'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100 },
        phone: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9+()\\- ]+$' },
      },
    },
    serviceId: { type: 'string', minLength: 1, maxLength: 200 },
    pageUrl: { type: 'string', maxLength: 2048, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' },
    locale: { type: 'string', maxLength: 35 },
    submittedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export interface SurveyResponseBody {
  scale: Scale;
  rating: number;
  reasons?: Reason[];
  comment?: string;
  callback?: { name: string; phone: string };
  serviceId: string;
  pageUrl?: string;
  locale?: string;
  submittedAt?: string;
}

export const defaultSummaryDays = 90;

/** `GET /surveys/summary`. */
export const summaryQuerySchema = {
  type: 'object',
  required: ['service'],
  properties: {
    service: { type: 'string', minLength: 1, maxLength: 200 },
    scale: { type: 'string', enum: scales, default: 'five-level' },
    // Checked as text: coercion would take "0x10" or "1e3" as numbers.
    days: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' },
    lang: { type: 'string', maxLength: 35 },
  },
} as const;

export interface SummaryQuery {
  service: string;
  scale: Scale;
  days?: string;
}

/** The summary's window asked for, or the default; refused (undefined) past ten years. */
export function summaryDays(days: string | undefined): number | undefined {
  const value = Number(days ?? defaultSummaryDays);
  return value <= 3650 ? value : undefined;
}
