import { createPointMap, MapSettingsError, type MapOptions, type MapPoint, type PointMap } from './map-view.js';

/**
 * The map file's entry (civic-service-locator-map.js): everything the map
 * does after the widget's update, so that the widget's own file keeps only
 * the map's place and words (map-controller.ts). The widget hands over what
 * it has worked out; this side makes the map, remakes it for new settings,
 * and passes on only what changed.
 */

/** What the map shows after each update of the widget, worked out by the widget. */
export interface MapScene<K> {
  points: readonly K[];
  selected: K | undefined;
  position: { latitude: number; longitude: number } | undefined;
}

/** What the widget gives after each update. */
export interface MapLink<K extends MapPoint> extends Pick<MapOptions<K>, 'locale' | 'words' | 'onChoose'> {
  /** Asked only when the map is there to show it. */
  scene: () => MapScene<K>;
}

/** The widget's settings the map is made with, read from the widget itself. */
export interface MapHost extends HTMLElement {
  tileUrl: string;
  tileAttribution: string;
  tileCrs: string;
  requestUpdate(): void;
}

/** What the widget's file lends the map file, so that neither imports it twice (a third file in the shared folder). */
export interface MapLoan {
  host: MapHost;
  /** One console error, in the widget's voice. */
  problem: (text: string) => void;
  toGcj02: MapOptions<MapPoint>['toGcj02'];
}

export interface MapSession<K extends MapPoint> {
  /** `tile-url` or `tile-crs` cannot be used: the map's place says so until they change. */
  unusable: boolean;
  /** After each update of the widget (a map only while the widget renders its frame); none: the widget left the page. */
  update(link: MapLink<K> | undefined): void;
  focusMarker(key: K): void;
}

export function openMap<K extends MapPoint>({ host, problem, toGcj02 }: MapLoan): MapSession<K> {
  let view: PointMap<K> | undefined;
  let frame: HTMLElement | undefined;
  /** The settings the map was made with: new ones (another language, other tiles) make a new map. */
  let made: string | undefined;
  let shown: MapScene<K> | undefined;

  const drop = () => {
    view?.destroy();
    view = shown = undefined;
  };

  const sync = (scene: MapScene<K>) => {
    if (!view) return;
    // A chosen point the filters have since hidden is no longer chosen on the map.
    if (!scene.points.includes(scene.selected!)) scene.selected = undefined;
    const before = shown;
    if (!before || before.points.length !== scene.points.length || before.points.some((point, index) => point !== scene.points[index])) view.setPoints(scene.points);
    if (!before || before.selected !== scene.selected || before.points !== scene.points) view.select(scene.selected);
    if (before?.position !== scene.position) view.setPosition(scene.position);
    shown = scene;
  };

  const session: MapSession<K> = {
    unusable: false,
    update(link) {
      if (!link) return drop();
      const { tileUrl, tileAttribution, tileCrs } = host;
      const settings = [link.locale, tileUrl, tileAttribution, tileCrs].join('\n');
      if (settings !== made) {
        drop();
        made = settings;
        // New settings get a new try: the frame comes back with the next update.
        if (session.unusable) return void ((session.unusable = false), host.requestUpdate());
      }
      // The empty element the map goes in, once rendered.
      const rendered = host.shadowRoot?.querySelector<HTMLElement>('.map-frame');
      if (session.unusable || !rendered) return drop();
      if (rendered !== frame) drop();
      if (!view) {
        frame = rendered;
        try {
          view = createPointMap({ ...link, frame: rendered, tileUrl, tileAttribution, tileCrs, toGcj02 });
        } catch (error) {
          if (!(error instanceof MapSettingsError)) throw error;
          session.unusable = true;
          problem(error.message);
          return host.requestUpdate();
        }
      }
      sync(link.scene());
    },
    focusMarker(key) {
      view?.focusMarker(key);
    },
  };
  return session;
}
