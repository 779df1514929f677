import seed from '../packages/server/seed/service-points.json';
import holidays from '../packages/server/seed/holidays.json';

/**
 * A fake service-point server inside the Storybook preview, for
 * <civic-service-locator>, installed like the other fakes (a `window.fetch`
 * fake, see fake-open311.ts). Everything is a GET under `/fake-points/`;
 * `{lang}` is `zh` or `en`:
 *
 * - `points.{lang}.geojson`: the demo district's 60 service points (the reference server's seed) as GeoJSON;
 * - `unusual-hours.{lang}.geojson`: the first points, and two whose hours are outside the subset the widget reads;
 * - `bad.{lang}.geojson`: five good points and four features that cannot be shown;
 * - `broken.json`: not JSON; `slow.geojson`: never answers;
 * - `many.geojson?count=10000`: `count` generated points (at most 100,000);
 * - `holidays.json`: the State Council's 2026 holidays and make-up workdays (the server's seed), holiday-cn format.
 */
export const fakePoints = {
  points: (language: 'zh' | 'en') => `/fake-points/points.${language}.geojson`,
  unusualHours: (language: 'zh' | 'en') => `/fake-points/unusual-hours.${language}.geojson`,
  bad: (language: 'zh' | 'en') => `/fake-points/bad.${language}.geojson`,
  broken: '/fake-points/broken.json',
  slow: '/fake-points/slow.geojson',
  many: (count = 10_000) => `/fake-points/many.geojson?count=${count}`,
  holidays: '/fake-points/holidays.json',
} as const;

type SeedPoint = (typeof seed)[number];
type Localized = { 'zh-Hans'?: string; en?: string };

const local = (text: Localized | undefined, language: 'zh' | 'en') => (language === 'en' ? (text?.en ?? text?.['zh-Hans']) : text?.['zh-Hans']) ?? null;

function feature(point: SeedPoint, language: 'zh' | 'en') {
  const extra = point as SeedPoint & { subdistrict?: Localized; wheelchair?: string; url?: string; updated?: string };
  return {
    type: 'Feature',
    id: point.id,
    geometry: { type: 'Point', coordinates: [point.long, point.lat] },
    properties: {
      kind: point.kind,
      name: local(point.name, language),
      address: local(point.address, language),
      phone: point.phone,
      opening_hours: point.opening_hours,
      services: (language === 'en' ? point.services?.en : point.services?.['zh-Hans']) ?? [],
      wheelchair: extra.wheelchair ?? null,
      url: extra.url ?? null,
      subdistrict: local(extra.subdistrict, language),
      updated: extra.updated ?? null,
    },
  };
}

const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

function unusualHours(language: 'zh' | 'en') {
  const [first, second, ...rest] = seed.slice(0, 6).map((point) => feature(point, language));
  first!.properties.opening_hours = 'Mo-Fr 08:30-17:00; Jul-Aug Mo-Fr 08:30-12:00';
  second!.properties.opening_hours = 'Mo-Fr 09:00-17:00 || "by appointment"';
  return collection([first, second, ...rest]);
}

function bad(language: 'zh' | 'en') {
  return collection([
    ...seed.slice(0, 5).map((point) => feature(point, language)),
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.43, 31.19], [121.44, 31.2]] }, properties: { name: 'A road' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [31.19, 121.43] }, properties: { name: 'Swapped coordinates' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [121.44, 31.19] }, properties: { kind: 'health-centre' } },
    'not a feature',
  ]);
}

function many(count: number) {
  const kinds = ['community-affairs-centre', 'party-community-centre', 'elderly-care-station', 'elderly-care-home', 'community-canteen', 'health-centre'];
  const hours = ['Mo-Fr 08:30-11:30,13:00-17:00; Sa 09:00-12:00; PH off', 'Mo-Su 10:30-13:00,16:30-18:30', '24/7', 'Tu-Su 09:00-20:00'];
  const subdistricts = ['徐家汇街道', '枫林路街道', '湖南路街道', '天平路街道', '斜土路街道', '漕河泾街道', '康健新村街道', '田林街道'];
  return collection(
    Array.from({ length: count }, (_, i) => ({
      type: 'Feature',
      id: `gen-${i}`,
      geometry: { type: 'Point', coordinates: [121.35 + ((i * 7919) % 10007) / 50035, 31.1 + ((i * 104729) % 10009) / 50045] },
      properties: { name: `第${i}号服务点`, kind: kinds[i % kinds.length], address: `示范路${i}号`, opening_hours: hours[i % hours.length], subdistrict: subdistricts[i % subdistricts.length] },
    })),
  );
}

const fakePath = /^\/fake-points\/(?:(points|unusual-hours|bad)\.(zh|en)\.geojson|(broken\.json|slow\.geojson|many\.geojson|holidays\.json))$/;
// As in the other fakes: "Loading…" shows briefly, as on a real network.
const latencyMs = 80;

let installed = false;

export function installFakeServicePoints(): void {
  if (installed) return;
  installed = true;
  const nextFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.origin !== window.location.origin || !url.pathname.startsWith('/fake-points/')) return nextFetch(input, init);
    return answer(url, init?.signal ?? undefined);
  };
}

async function answer(url: URL, signal: AbortSignal | undefined): Promise<Response> {
  await new Promise((resolve) => setTimeout(resolve, latencyMs));
  const match = fakePath.exec(url.pathname);
  const json = (body: string, type = 'application/geo+json; charset=utf-8') => new Response(body, { status: 200, headers: { 'Content-Type': type } });
  if (!match) return new Response('Not found', { status: 404 });
  const [, name, language, other] = match;
  const lang = language as 'zh' | 'en';
  if (name === 'points') return json(collection(seed.map((point) => feature(point, lang))));
  if (name === 'unusual-hours') return json(unusualHours(lang));
  if (name === 'bad') return json(bad(lang));
  if (other === 'broken.json') return json('{"type": "FeatureCollection", "features": [', 'application/json');
  if (other === 'holidays.json') return json(JSON.stringify(holidays), 'application/json; charset=utf-8');
  if (other === 'many.geojson') return json(many(Math.min(Number(url.searchParams.get('count') ?? 10_000) || 0, 100_000)));
  return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
}
