/** Earth's mean radius (IUGG), metres. */
const earthRadius = 6_371_008.8;

/**
 * Walking: 4.5 km/h, that is 75 metres a minute (slower than the 5 km/h often
 * assumed, because many who use this are older), over a path 1.3 times the
 * straight line (the usual detour of a city's street network against the
 * crow's flight; studies of urban circuity find 1.2 to 1.4). A "15-minute
 * walk" is therefore about 865 m in a straight line.
 */
export const walking = { metresPerMinute: 75, detourFactor: 1.3 } as const;

/** Great-circle distance in metres (haversine), WGS-84 degrees. */
export function distanceMetres(from: { latitude: number; longitude: number }, to: { latitude: number; longitude: number }): number {
  const radians = Math.PI / 180;
  const dLat = (to.latitude - from.latitude) * radians;
  const dLong = (to.longitude - from.longitude) * radians;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(from.latitude * radians) * Math.cos(to.latitude * radians) * Math.sin(dLong / 2) ** 2;
  return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Estimated walking minutes for a straight-line distance, at least 1. */
export function walkingMinutes(metres: number): number {
  return Math.max(1, Math.ceil((metres * walking.detourFactor) / walking.metresPerMinute));
}
