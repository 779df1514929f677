import { npsDetractorsTo, scaleRanges, type Scale } from './survey-schema.js';

export interface SurveySummary {
  service: string;
  scale: Scale;
  from: string;
  to: string;
  total: number;
  /** Every grade of the scale, "0" or "1" upwards, with 0 where nobody chose it. */
  counts: Record<string, number>;
  satisfied: number;
  satisfiedShare: number | null;
  /** nps only: % promoters − % detractors, −100 to 100. */
  netPromoterScore?: number | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** What gets published about a service (好差评 results are public), from the per-grade counts. */
export function summarize(
  service: string,
  scale: Scale,
  from: string,
  to: string,
  byRating: Map<number, number>,
): SurveySummary {
  const { min, max, satisfiedFrom } = scaleRanges[scale];
  const counts: Record<string, number> = {};
  let total = 0;
  let satisfied = 0;
  let detractors = 0;
  for (let grade = min; grade <= max; grade++) {
    const n = byRating.get(grade) ?? 0;
    counts[String(grade)] = n;
    total += n;
    if (grade >= satisfiedFrom) satisfied += n;
    if (grade <= npsDetractorsTo) detractors += n;
  }
  const summary: SurveySummary = {
    service,
    scale,
    from,
    to,
    total,
    counts,
    satisfied,
    satisfiedShare: total === 0 ? null : round(satisfied / total, 4),
  };
  if (scale === 'nps') summary.netPromoterScore = total === 0 ? null : round(((satisfied - detractors) / total) * 100, 1);
  return summary;
}
