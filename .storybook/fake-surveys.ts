import type { ScaleName, SurveyResponse } from '@civic-widgets/satisfaction-survey';

/**
 * A fake of the reference server's survey API (packages/server/src/surveys)
 * inside the Storybook preview, installed like the fake Open311 server (see
 * fake-open311.ts for why a `window.fetch` fake and not a service worker):
 *
 * - `POST /fake-surveys/{scenario}/responses` takes a rating as JSON;
 * - `GET /fake-surveys/{scenario}/summary?service=…&scale=…` answers the
 *   public results, as `{counts: {"5": 1286, …}, …}`.
 *
 * Scenarios:
 * - `ok`: 201 with a receipt; realistic results;
 * - `empty`: 201; results of a service nobody has rated yet (all counts 0);
 * - `slow`: never answers (until the widget's own timeout aborts), for "Sending…" and "Loading…";
 * - `down`: no connection (fetch rejects), so a rating is kept in the outbox and results fail;
 * - `refused`: 400 problem+json whose title is in the language of the rating
 *   (its `locale`), as the reference server answers in the client's language; results as `ok`.
 *
 * A rating the real server would refuse (unknown scale, grade out of range,
 * extra fields, a malformed call-back) is refused here too, with the reason in
 * English: a story that expects thanks then fails and says why.
 * Only same-origin URLs under `/fake-surveys/` are answered.
 */

export type SurveyScenario = 'ok' | 'empty' | 'slow' | 'down' | 'refused';
const scenarios: readonly string[] = ['ok', 'empty', 'slow', 'down', 'refused'];
const fakePath = /^\/fake-surveys\/([a-z]+)\/(responses|summary)$/;

// As in fake-open311.ts: "Loading…" shows briefly, as on a real network.
const latencyMs = 80;

/** The `endpoint` attribute for a scenario. */
export function surveyEndpoint(scenario: SurveyScenario): string {
  return `/fake-surveys/${scenario}/responses`;
}

/** The `summary-src` attribute for a scenario; `scale` must be the widget's own, as with the real server. */
export function summarySource(scenario: SurveyScenario, service: string, scale: ScaleName = 'five-level'): string {
  return `/fake-surveys/${scenario}/summary?${new URLSearchParams({ service, scale })}`;
}

const received: SurveyResponse[] = [];

/** The last rating the fake accepted, for a story's play function to check what was sent. */
export function lastSurveyResponse(): SurveyResponse | undefined {
  return received.at(-1);
}

let installed = false;

export function installFakeSurveys(): void {
  if (installed) return;
  installed = true;
  const nextFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const match = url.origin === window.location.origin ? fakePath.exec(url.pathname) : null;
    if (!match) return nextFetch(input, init);
    const [, scenario = '', resource = ''] = match;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
    return answer(scenario, resource, method, url.searchParams, init?.body, signal);
  };
}

async function answer(
  scenario: string,
  resource: string,
  method: string,
  query: URLSearchParams,
  body: BodyInit | null | undefined,
  signal: AbortSignal | undefined,
): Promise<Response> {
  await wait(latencyMs, signal);
  if (!scenarios.includes(scenario)) return problem(404, `There is no scenario "${scenario}" in the fake survey API.`);
  if (scenario === 'down') throw new TypeError('Failed to fetch');
  if (scenario === 'slow') return hang(signal);
  if (resource === 'responses') {
    if (method !== 'POST') return problem(405, `${method} is not allowed here.`);
    return receive(scenario as SurveyScenario, body);
  }
  if (method !== 'GET') return problem(405, `${method} is not allowed here.`);
  return summary(scenario as SurveyScenario, query);
}

// ---- POST /responses

const ranges: Record<ScaleName, { min: number; max: number; satisfiedFrom: number }> = {
  'five-level': { min: 1, max: 5, satisfiedFrom: 3 },
  helpful: { min: 0, max: 1, satisfiedFrom: 1 },
  csat: { min: 1, max: 5, satisfiedFrom: 4 },
  ces: { min: 1, max: 7, satisfiedFrom: 5 },
  nps: { min: 0, max: 10, satisfiedFrom: 9 },
};
const reasonCodes = ['efficiency', 'guide-accuracy', 'convenience', 'usability', 'attitude', 'other'];
const allowedFields = ['scale', 'rating', 'reasons', 'comment', 'callback', 'serviceId', 'pageUrl', 'locale', 'submittedAt'];

/** 好差评 ratings are taken for a limited time after a service is done: a refusal a citizen can act on. */
const refusalTitles = {
  'zh-Hans': '该事项的评价期限已过：办结后 15 日内可以评价。如需反映问题，请拨打 12345 市民服务热线。',
  'zh-Hant': '該事項的評價期限已過：辦結後 15 日內可以評價。如需反映問題，請撥打 12345 市民服務熱線。',
  en: 'The time to rate this service has passed: ratings are taken within 15 days of it being done. To raise a problem, call the 12345 citizen hotline.',
};

let nextId = 20_417;

function receive(scenario: SurveyScenario, body: BodyInit | null | undefined): Response {
  let rating: Record<string, unknown>;
  try {
    rating = JSON.parse(typeof body === 'string' ? body : '') as Record<string, unknown>;
  } catch {
    return problem(400, 'The body must be a survey response in JSON.');
  }
  const wrong = whatIsWrong(rating);
  if (wrong) return problem(400, wrong);
  if (scenario === 'refused') {
    const locale = String(rating.locale ?? '');
    return problem(400, refusalTitles[locale === 'zh-Hant' ? 'zh-Hant' : locale.startsWith('zh') ? 'zh-Hans' : 'en']);
  }
  received.push(rating as unknown as SurveyResponse);
  return json(201, { id: nextId++, receivedAt: new Date().toISOString() });
}

/** The reference server's schema (packages/server/src/surveys/survey-schema.ts), in short. */
function whatIsWrong(rating: Record<string, unknown>): string | undefined {
  if (typeof rating !== 'object' || rating === null || Array.isArray(rating)) return 'The body must be a JSON object.';
  const extra = Object.keys(rating).find((field) => !allowedFields.includes(field));
  if (extra) return `The field "${extra}" is not accepted.`;
  const range = ranges[rating.scale as ScaleName];
  if (!range) return `"${String(rating.scale)}" is not a scale.`;
  if (!Number.isInteger(rating.rating) || (rating.rating as number) < range.min || (rating.rating as number) > range.max) {
    return `On the "${String(rating.scale)}" scale the rating must be a whole number from ${range.min} to ${range.max}.`;
  }
  if (typeof rating.serviceId !== 'string' || rating.serviceId === '') return 'serviceId is required.';
  const reasons = rating.reasons ?? [];
  if (!Array.isArray(reasons) || reasons.some((reason) => !reasonCodes.includes(reason as string)) || new Set(reasons).size !== reasons.length) {
    return 'reasons must be distinct reason codes.';
  }
  if (typeof (rating.comment ?? '') !== 'string' || String(rating.comment ?? '').length > 1000) return 'comment must be text of at most 1000 characters.';
  if (rating.callback !== undefined) {
    const { name, phone, ...rest } = rating.callback as Record<string, unknown>;
    if (typeof name !== 'string' || !name || typeof phone !== 'string' || !/^[0-9+()\- ]+$/.test(phone) || Object.keys(rest).length > 0) {
      return 'callback must be {name, phone}, with a phone number of digits, spaces, +, (, ) and -.';
    }
  }
  if (rating.pageUrl !== undefined && !/^https?:\/\//i.test(String(rating.pageUrl))) return 'pageUrl must be an http(s) URL.';
  return undefined;
}

// ---- GET /summary

/** What a district service might collect in 90 days, per scale: mostly content, as 好差评 results usually are. */
const sampleCounts: Record<ScaleName, number[]> = {
  'five-level': [21, 38, 97, 342, 1286], // 1 非常不满意 … 5 非常满意
  helpful: [57, 412], // 0 No, 1 Yes
  csat: [14, 22, 61, 208, 377],
  ces: [9, 12, 25, 48, 96, 171, 203],
  nps: [6, 2, 3, 5, 7, 19, 21, 48, 77, 96, 134],
};

function summary(scenario: SurveyScenario, query: URLSearchParams): Response {
  const service = query.get('service') ?? '';
  if (!service) return problem(400, 'The query parameter "service" is required.');
  const scale = (query.get('scale') ?? 'five-level') as ScaleName;
  const range = ranges[scale];
  if (!range) return problem(400, `"${scale}" is not a scale.`);
  const counts: Record<string, number> = {};
  let total = 0;
  let satisfied = 0;
  let detractors = 0;
  for (let grade = range.min; grade <= range.max; grade++) {
    // Ratings sent in this Storybook count too, so a results view refreshed after one shows it.
    const sentHere = received.filter((rating) => rating.serviceId === service && rating.scale === scale && rating.rating === grade).length;
    const count = (scenario === 'empty' ? 0 : (sampleCounts[scale][grade - range.min] ?? 0)) + sentHere;
    counts[String(grade)] = count;
    total += count;
    if (grade >= range.satisfiedFrom) satisfied += count;
    if (grade <= 6) detractors += count;
  }
  const to = new Date();
  const from = new Date(to.getTime() - 90 * 86_400_000);
  return json(200, {
    service,
    scale,
    from: from.toISOString(),
    to: to.toISOString(),
    total,
    counts,
    satisfied,
    satisfiedShare: total === 0 ? null : Math.round((satisfied / total) * 10_000) / 10_000,
    ...(scale === 'nps' ? { netPromoterScore: total === 0 ? null : Math.round(((satisfied - detractors) / total) * 1000) / 10 } : {}),
  });
}

// ---- Plumbing

function json(status: number, payload: unknown): Response {
  return new Response(JSON.stringify(payload), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/** RFC 9457 problem details, as the reference server refuses: the reason in `title`. */
function problem(status: number, title: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
  });
}

/** No answer at all; the widget's own timeout ends the wait. */
function hang(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
