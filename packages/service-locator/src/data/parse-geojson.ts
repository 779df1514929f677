import type { DataText, ServicePoint, Wheelchair } from './service-point.js';

/** The data is not a GeoJSON FeatureCollection at all: nothing can be shown. */
export class NotGeoJsonError extends Error {
  override name = 'NotGeoJsonError';
}

export interface ParsedPoints {
  points: ServicePoint[];
  /** Features that could not be shown, with why (English, for the console). */
  skipped: Array<{ index: number; reason: string }>;
}

const maxTextLength = 2000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strings only, trimmed and bounded; numbers become text; anything else is dropped. */
function plainText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
  const trimmed = text?.trim().slice(0, maxTextLength);
  return trimmed ? trimmed : undefined;
}

/** A string, or an object of language → string (other members ignored). */
function dataText(value: unknown): DataText | undefined {
  const text = plainText(value);
  if (text !== undefined) return text;
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).flatMap(([language, item]) => {
    const itemText = plainText(item);
    return itemText === undefined ? [] : [[language, itemText] as const];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** `tel:` allows digits, `+`, `-` and spaces; a number with anything else (or fewer than 3 digits) is not offered. */
function phones(value: unknown): string[] {
  return list(value)
    .flatMap((item) => (typeof item === 'string' ? item.split(/[;,，；/]/) : [plainText(item) ?? '']))
    .map((phone) => phone.trim())
    .filter((phone) => /^[+\d][\d\s-]*$/.test(phone) && (phone.match(/\d/g)?.length ?? 0) >= 3);
}

function webUrl(value: unknown): string | undefined {
  const text = plainText(value);
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function wheelchair(value: unknown): Wheelchair | undefined {
  return value === 'yes' || value === 'limited' || value === 'no' ? value : undefined;
}

function searchKeys(value: unknown): string[] {
  return list(value).flatMap((item) => plainText(item) ?? []);
}

function position(geometry: unknown): [number, number] | string {
  if (!isRecord(geometry)) return 'no geometry';
  if (geometry.type !== 'Point') return `not a Point: ${String(geometry.type)}`;
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates) || coordinates.length < 2) return 'no coordinates';
  const [longitude, latitude] = coordinates;
  if (typeof longitude !== 'number' || typeof latitude !== 'number' || !Number.isFinite(longitude) || !Number.isFinite(latitude)) return 'coordinates not numbers';
  if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) return 'coordinates out of range';
  return [longitude, latitude];
}

function point(feature: unknown): ServicePoint | string {
  if (!isRecord(feature) || feature.type !== 'Feature') return 'not a Feature';
  const where = position(feature.geometry);
  if (typeof where === 'string') return where;
  const properties = isRecord(feature.properties) ? feature.properties : {};
  const name = dataText(properties.name);
  if (name === undefined) return 'no name';
  return {
    longitude: where[0],
    latitude: where[1],
    name,
    kind: plainText(properties.kind) ?? '',
    address: dataText(properties.address),
    phones: phones(properties.phone),
    openingHours: plainText(properties.opening_hours),
    services: list(properties.services).flatMap((service): DataText[] => {
      const text = dataText(service);
      return text === undefined ? [] : [text];
    }),
    wheelchair: wheelchair(properties.wheelchair),
    url: webUrl(properties.url),
    subdistrict: dataText(properties.subdistrict),
    search: searchKeys(properties.search),
    feature,
  };
}

/**
 * The service points of a GeoJSON FeatureCollection (RFC 7946). Features that
 * cannot be shown are skipped and counted; a document that is not a
 * FeatureCollection throws NotGeoJsonError. Unknown members are ignored.
 */
export function parseGeoJson(text: string): ParsedPoints {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NotGeoJsonError('it is not JSON');
  }
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new NotGeoJsonError('it is not a GeoJSON FeatureCollection');
  }
  const points: ServicePoint[] = [];
  const skipped: ParsedPoints['skipped'] = [];
  json.features.forEach((feature: unknown, index: number) => {
    const result = point(feature);
    if (typeof result === 'string') skipped.push({ index, reason: result });
    else points.push(result);
  });
  return { points, skipped };
}
