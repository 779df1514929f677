import { DivIcon, LatLngBounds, LayerGroup, LeafletMap, Marker, type LatLngExpression } from './leaflet-parts.js';
import { leafletCss } from '../generated/leaflet-css.js';
import { mapCss } from './map-styles.js';
import { HostTileLayer } from './host-tile-layer.js';
import { scaleBar } from './scale-bar.js';
import { groupNear } from './marker-groups.js';

/**
 * The optional map of <civic-service-locator>, a file of its own that the
 * widget loads only with its `map` attribute. No Lit and no localize here:
 * the widget gives every word already translated. The list stays the widget;
 * everything the map shows, the list says too.
 */

/** A point of the list (the widget's own objects: each is its own key). */
export interface MapPoint {
  name: string;
  /** WGS-84, as the data gives it. */
  point: { longitude: number; latitude: number };
}

export interface MapWords {
  zoomIn: string;
  zoomOut: string;
  panNorth: string;
  panSouth: string;
  panWest: string;
  panEast: string;
  position: string;
  /** The name of a marker standing for several points: "3 service points: …". */
  group: (names: string[]) => string;
}

export interface MapOptions<K extends MapPoint> {
  /** Where the map goes: an empty element of the widget's shadow root. */
  frame: HTMLElement;
  locale: string;
  words: MapWords;
  /** `{z}/{x}/{y}` template of the host's tiles; none: a plain background, no request. */
  tileUrl: string;
  /** The tile provider's credit, shown as text. */
  tileAttribution: string;
  /** `gcj02` when the tiles are drawn in GCJ-02 (Amap, Tencent): points are shifted to match. */
  tileCrs: string;
  /**
   * The WGS-84 to GCJ-02 shift, given by the widget, which has it for its
   * directions links: imported here too, the bundler would split it into a
   * third file that every page with the widget fetches.
   */
  toGcj02: (longitude: number, latitude: number) => [number, number];
  /** A marker was activated. */
  onChoose: (key: K) => void;
}

export interface PointMap<K extends MapPoint> {
  /** The points of the list, in its order (markers are in the tab order as in the list). */
  setPoints(points: readonly K[]): void;
  /** Highlights the point's marker and moves the map to it. */
  select(key: K | undefined): void;
  focusMarker(key: K): void;
  /** The citizen's own position (only once they chose to share it); drawn, never followed. */
  setPosition(position: { latitude: number; longitude: number } | undefined): void;
  destroy(): void;
}

let sheet: CSSStyleSheet | undefined;

/** Leaflet's and the map's styles, one constructed sheet for every locator on the page (no <link>, no inline style). */
function adoptStyles(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(leafletCss + mapCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

function element<T extends keyof HTMLElementTagNameMap>(tag: T, className: string, text = ''): HTMLElementTagNameMap[T] {
  const made = document.createElement(tag);
  made.className = className;
  made.textContent = text;
  return made;
}

/** A `tile-url` or `tile-crs` the map cannot use: the map says it cannot be shown, the list goes on. */
export class MapSettingsError extends Error {}

/** The tile template, absolute (against the page), or a MapSettingsError. */
function tileTemplate(template: string): string {
  let url: URL | undefined;
  try {
    url = new URL(template, document.baseURI);
  } catch {
    // Said below.
  }
  if (!url || !/^https?:$/.test(url.protocol) || !['{z}', '{x}', '{y}'].every((part) => template.includes(part))) {
    throw new MapSettingsError(`tile-url must be an http(s) URL template with {z}, {x} and {y}, not "${template}".`);
  }
  return url.href.replace(/%7B([xyz])%7D/g, '{$1}');
}

export function createPointMap<K extends MapPoint>(options: MapOptions<K>): PointMap<K> {
  const { frame, words } = options;
  if (!['wgs84', 'gcj02'].includes(options.tileCrs)) throw new MapSettingsError(`tile-crs must be wgs84 or gcj02, not "${options.tileCrs}".`);
  const tileUrl = options.tileUrl && tileTemplate(options.tileUrl);
  adoptStyles(frame.getRootNode() as ShadowRoot);
  const shift = options.tileCrs === 'gcj02';
  const place = (longitude: number, latitude: number): LatLngExpression => {
    const [x, y] = shift ? options.toGcj02(longitude, latitude) : [longitude, latitude];
    return [y, x];
  };

  const controls = element('div', 'map-controls');
  const view = element('div', 'map-view');
  const footer = element('div', 'map-footer');
  frame.replaceChildren(controls, view, footer);

  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = new LeafletMap(view, {
    // Leaflet's own controls write markup with innerHTML (refused under Trusted
    // Types) and its keyboard handler adds a tab stop that only arrows use:
    // the buttons above do all of it, in the page's language.
    zoomControl: false,
    attributionControl: false,
    keyboard: false,
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
    minZoom: 3,
    maxZoom: 18,
  });
  // Shanghai until the points arrive, so the map is never an empty world.
  map.setView([31.23, 121.47], 11);
  if (tileUrl) new HostTileLayer(tileUrl, { maxZoom: 18 }).addTo(map);

  const zoomButtons: HTMLButtonElement[] = [];
  const button = (label: string, symbol: string, act: () => void) => {
    const made = element('button', '', symbol);
    made.type = 'button';
    made.setAttribute('aria-label', label);
    made.title = label;
    made.addEventListener('click', () => made.getAttribute('aria-disabled') !== 'true' && act());
    controls.append(made);
    return made;
  };
  const pan = (x: number, y: number) => () => {
    const size = map.getSize();
    map.panBy([(x * size.x) / 3, (y * size.y) / 3]);
  };
  zoomButtons.push(button(words.zoomIn, '+', () => map.zoomIn()), button(words.zoomOut, '−', () => map.zoomOut()));
  button(words.panNorth, '↑', pan(0, -1));
  button(words.panWest, '←', pan(-1, 0));
  button(words.panEast, '→', pan(1, 0));
  button(words.panSouth, '↓', pan(0, 1));
  // Busy-style, not disabled, at the limits: a disabled button would drop the focus to the page.
  const limits = () => {
    zoomButtons[0]!.setAttribute('aria-disabled', String(map.getZoom() >= map.getMaxZoom()));
    zoomButtons[1]!.setAttribute('aria-disabled', String(map.getZoom() <= map.getMinZoom()));
  };

  const scale = scaleBar(map, options.locale);
  footer.append(scale.element);
  if (options.tileAttribution) footer.append(element('span', 'attribution', options.tileAttribution));
  map.on('zoomend moveend', () => {
    limits();
    scale.update();
  });
  limits();
  scale.update();

  const markers = new Map<K, { marker: Marker; button: HTMLButtonElement }>();
  const layer = new LayerGroup().addTo(map);
  let points: readonly K[] = [];
  let groups: K[][] = [];
  let selected: K | undefined;
  let position: Marker | undefined;
  let fitted = false;

  const markerAt = (at: LatLngExpression, pin: HTMLButtonElement, className: string) => {
    pin.type = 'button';
    // A keyboard reader's marker is always in view (WCAG 2.4.11).
    pin.addEventListener('focus', () => map.panInside(at, { padding: [48, 48] }));
    // Size and offset come from the stylesheet (larger in care mode), not from Leaflet's inline sizes.
    return new Marker(at, { icon: new DivIcon({ html: pin, className, iconSize: null }), keyboard: false, interactive: false });
  };

  const markerFor = (point: K) => {
    const pin = element('button', selected === point ? 'selected' : '');
    pin.append(element('span', 'label', point.name));
    pin.addEventListener('click', () => options.onChoose(point));
    return { marker: markerAt(place(point.point.longitude, point.point.latitude), pin, 'civic-marker'), button: pin };
  };

  /** Points too close to tell apart at this zoom: one button with their number, which zooms in on them. */
  const groupMarker = (members: K[]) => {
    const pin = element('button', 'group', String(members.length));
    pin.setAttribute('aria-label', words.group(members.map((member) => member.name)));
    pin.title = pin.getAttribute('aria-label')!;
    pin.addEventListener('click', () => {
      const bounds = new LatLngBounds(members.map((member) => markers.get(member)!.marker.getLatLng()));
      map.fitBounds(bounds, { padding: [48, 48], maxZoom: map.getMaxZoom(), animate: false });
      focusMarker(members[0]!);
    });
    return markerAt(markers.get(members[0]!)!.marker.getLatLng(), pin, 'civic-marker');
  };

  const groupOf = (point: K) => groups.find((group) => group.includes(point));

  const focusMarker = (point: K) => {
    const group = groupOf(point);
    if (group?.length === 1) markers.get(point)!.button.focus();
    else if (group) frame.querySelectorAll<HTMLButtonElement>('.civic-marker button')[groups.indexOf(group)]?.focus();
  };

  /** Draws the markers, grouping those that would overlap (not at the last zoom, where they are as far apart as they get). */
  const regroup = () => {
    const root = frame.getRootNode() as ShadowRoot;
    const focused = root.activeElement?.closest('.civic-marker') ? groups[[...frame.querySelectorAll('.civic-marker button')].indexOf(root.activeElement)]?.[0] : undefined;
    const care = Boolean(frame.closest('.care'));
    // Centres further apart than a marker is wide (24 px, 48 px in care mode), and a little more.
    groups = map.getZoom() >= map.getMaxZoom() ? points.map((point) => [point]) : groupNear(points, (point) => map.latLngToContainerPoint(markers.get(point)!.marker.getLatLng()), care ? 50 : 26);
    layer.clearLayers();
    for (const group of groups) layer.addLayer(group.length === 1 ? markers.get(group[0]!)!.marker : groupMarker(group));
    if (focused !== undefined) focusMarker(focused);
  };
  map.on('zoomend', regroup);

  return {
    setPoints(shown) {
      points = shown;
      markers.clear();
      for (const point of points) markers.set(point, markerFor(point));
      // The first points shown frame the map; after that the citizen's view is left alone.
      if (!fitted && points.length > 0) {
        fitted = true;
        const bounds = new LatLngBounds(points.map(({ point }) => place(point.longitude, point.latitude)));
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
      }
      regroup();
    },
    select(key) {
      if (selected !== undefined) markers.get(selected)?.button.classList.remove('selected');
      selected = key;
      const chosen = key === undefined ? undefined : markers.get(key);
      if (!chosen) return;
      chosen.button.classList.add('selected');
      const at = chosen.marker.getLatLng();
      // Closer until the chosen point has a marker of its own.
      while (groupOf(key!)!.length > 1 && map.getZoom() < map.getMaxZoom()) map.setView(at, map.getZoom() + 1, { animate: false });
      map.panTo(at, { animate: !still });
    },
    focusMarker,
    setPosition(at) {
      position?.remove();
      position = undefined;
      if (!at) return;
      const dot = element('span', '');
      dot.setAttribute('role', 'img');
      dot.setAttribute('aria-label', words.position);
      position = new Marker(place(at.longitude, at.latitude), {
        icon: new DivIcon({ html: dot, className: 'civic-position', iconSize: null }),
        keyboard: false,
        interactive: false,
      }).addTo(map);
    },
    destroy() {
      map.remove();
      frame.replaceChildren();
    },
  };
}
