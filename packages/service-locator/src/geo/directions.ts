import { wgs84ToGcj02 } from './gcj02.js';

export type DirectionsService = 'amap' | 'baidu' | 'tencent' | 'apple' | 'osm' | 'geo' | 'none';

export const directionsServices: readonly DirectionsService[] = ['amap', 'baidu', 'tencent', 'apple', 'osm', 'geo', 'none'];

/** Names the calling site to Baidu and Tencent, whose URI APIs ask for one (`src`, `referer`). */
const caller = 'civic-widgets';

/**
 * A link that shows the point in the chosen map service. The data is WGS-84;
 * each link says so where the service has a parameter for it (Amap
 * `coordinate=wgs84`, Baidu `coord_type=wgs84`, Tencent `coord_type=1`, GPS),
 * OpenStreetMap and `geo:` (RFC 5870) are WGS-84 already, and Apple Maps,
 * which has no such parameter and draws China in GCJ-02, gets GCJ-02.
 */
export function directionsUrl(service: DirectionsService, point: { longitude: number; latitude: number }, name: string): string | undefined {
  const { longitude, latitude } = point;
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  switch (service) {
    case 'amap':
      return `https://uri.amap.com/marker?${query({ position: `${longitude},${latitude}`, name, coordinate: 'wgs84' })}`;
    case 'baidu':
      return `https://api.map.baidu.com/marker?${query({ location: `${latitude},${longitude}`, title: name, content: name, coord_type: 'wgs84', output: 'html', src: caller })}`;
    case 'tencent':
      return `https://apis.map.qq.com/uri/v1/marker?${query({ marker: `coord:${latitude},${longitude};title:${name}`, coord_type: '1', referer: caller })}`;
    case 'apple': {
      const [gcjLongitude, gcjLatitude] = wgs84ToGcj02(longitude, latitude);
      return `https://maps.apple.com/?${query({ ll: `${round(gcjLatitude)},${round(gcjLongitude)}`, q: name })}`;
    }
    case 'osm':
      return `https://www.openstreetmap.org/?${query({ mlat: String(latitude), mlon: String(longitude) })}#map=18/${latitude}/${longitude}`;
    case 'geo':
      return `geo:${latitude},${longitude}?q=${encodeURIComponent(`${latitude},${longitude}(${name})`)}`;
    default:
      return undefined;
  }
}

/** Seven decimals: about a centimetre, no float noise in the link. */
function round(value: number): string {
  return String(Math.round(value * 1e7) / 1e7);
}
