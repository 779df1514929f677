import type { ServicePointData } from '../db/seed-types.js';
import { localize, type ContentLocale } from '../http/locale.js';

/** RFC 7946 types, as far as this server writes them. */
export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    kind: string;
    name: string | null;
    address: string | null;
    phone: string | null;
    opening_hours: string | null;
    services: string[];
  };
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: PointFeature[];
}

/**
 * One service point as a GeoJSON Feature. Positions are [longitude, latitude]
 * (RFC 7946 §3.1.1), the opposite of how people say them; WGS 84, as the data
 * is kept. Texts in the asked-for language, Chinese where there is none.
 */
export function pointFeature(point: ServicePointData, locale: ContentLocale): PointFeature {
  return {
    type: 'Feature',
    id: point.id,
    geometry: { type: 'Point', coordinates: [point.long, point.lat] },
    properties: {
      kind: point.kind,
      name: localize(point.name, locale) ?? null,
      address: localize(point.address, locale) ?? null,
      phone: point.phone ?? null,
      // OpenStreetMap opening_hours syntax, which the widget reads.
      opening_hours: point.opening_hours ?? null,
      services: point.services?.[locale] ?? point.services?.['zh-Hans'] ?? [],
    },
  };
}

export function featureCollection(points: ServicePointData[], locale: ContentLocale): FeatureCollection {
  return { type: 'FeatureCollection', features: points.map((point) => pointFeature(point, locale)) };
}
