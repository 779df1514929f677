/** Coordinate systems of map tiles the map can draw on; see geo/gcj02.ts. */
export const tileCrsValues = ['wgs84', 'gcj02'];

/** What is wrong with a `tile-url`, in English for the console, or undefined. */
export function tileUrlProblem(template: string): string | undefined {
  let url: URL;
  try {
    url = new URL(template, document.baseURI);
  } catch {
    return 'is not a URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL.';
  if (!['{z}', '{x}', '{y}'].every((part) => template.includes(part))) return 'must hold {z}, {x} and {y}.';
  return undefined;
}
