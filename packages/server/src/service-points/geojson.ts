import type { ServicePointData } from '../db/seed-types.js';
import { localize, type ContentLocale, type Localized } from '../http/locale.js';
import { searchKeys } from './search-keys.js';

/** What a service point may carry beyond the base seed shape: the properties the locator documents. */
export interface ServicePointRecord extends ServicePointData {
  /** The subdistrict (街道) or town (镇) it belongs to. */
  subdistrict?: Localized;
  /** As OpenStreetMap's `wheelchair` tag. */
  wheelchair?: 'yes' | 'limited' | 'no';
  url?: string;
  /** When the point's details were last checked (ISO 8601 date). */
  updated?: string;
}

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
    wheelchair: string | null;
    url: string | null;
    subdistrict: string | null;
    updated: string | null;
    search: string[];
  };
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: PointFeature[];
}

/**
 * One service point as a GeoJSON Feature, with the properties the
 * `<civic-service-locator>` README documents. Positions are [longitude,
 * latitude] (RFC 7946 §3.1.1), the opposite of how people say them; WGS 84,
 * as the data is kept. Texts in the asked-for language, Chinese where there is
 * none; `search` holds the pinyin and initials of the Chinese name, address
 * and subdistrict whatever the language, so that "xjh" finds 徐家汇 on the
 * English page too, with no pinyin dictionary in the browser.
 */
export function pointFeature(point: ServicePointRecord, locale: ContentLocale): PointFeature {
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
      wheelchair: point.wheelchair ?? null,
      url: point.url ?? null,
      subdistrict: localize(point.subdistrict, locale) ?? null,
      updated: point.updated ?? null,
      search: searchKeys([point.name['zh-Hans'], point.address['zh-Hans'], point.subdistrict?.['zh-Hans']]),
    },
  };
}

export function featureCollection(points: ServicePointRecord[], locale: ContentLocale): FeatureCollection {
  return { type: 'FeatureCollection', features: points.map((point) => pointFeature(point, locale)) };
}
