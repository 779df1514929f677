import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { logProblem } from '@civic-widgets/core';
import type { MapOptions, MapPoint, PointMap } from './map-view.js';
import { wgs84ToGcj02 } from '../geo/gcj02.js';

type MapModule = typeof import('./map-view.js');

/** What the map shows after each update of the widget, worked out by the widget. */
export interface MapScene<K> {
  points: readonly K[];
  selected: K | undefined;
  position: { latitude: number; longitude: number } | undefined;
}

export interface MapSettings<K extends MapPoint> extends Omit<MapOptions<K>, 'frame' | 'toGcj02'> {
  /** The empty element the map goes in, once rendered. */
  frame: () => HTMLElement | null | undefined;
  scene: () => MapScene<K> | undefined;
}

/**
 * The optional map: its file (Leaflet and the map view) is loaded by import()
 * the first time a widget with `map` has points to show, beside the widget's
 * own file; never without `map`. Created in the rendered frame after an
 * update, and brought up to date after every update (render itself stays
 * free of side effects). If the file cannot be loaded, or `tile-url` or
 * `tile-crs` cannot be used, the map's place says so and the console gets one
 * error; the list works on.
 */
export class MapController<K extends MapPoint> implements ReactiveController {
  /** `failed`: the file did not load; `unusable`: the tile settings cannot be used (until they change). */
  status: 'idle' | 'loading' | 'ready' | 'failed' | 'unusable' = 'idle';
  private view?: PointMap<K>;
  private frame?: HTMLElement;
  /** The settings the map was made with: new ones (another language, other tiles) make a new map. */
  private made?: string;
  private shown?: MapScene<K>;
  private static module?: Promise<MapModule>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => MapSettings<K> | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const settings = this.settings();
    if (!settings) return this.drop();
    if (this.status === 'idle') return void this.load();
    const made = [settings.locale, settings.tileUrl, settings.tileAttribution, settings.tileCrs].join('\n');
    if (made !== this.made) {
      this.drop();
      this.made = made;
      // New settings get a new try: the frame comes back with the next update.
      if (this.status === 'unusable') return void ((this.status = 'ready'), this.host.requestUpdate());
    }
    const frame = settings.frame();
    if (this.status !== 'ready' || !frame) return this.drop();
    if (frame !== this.frame) this.drop();
    if (!this.view) {
      this.frame = frame;
      // The module is in: this resolves at once.
      void MapController.module!.then((module) => this.create(module, settings, frame));
      return;
    }
    this.sync(settings.scene());
  }

  hostDisconnected(): void {
    this.drop();
  }

  focusMarker(key: K): void {
    this.view?.focusMarker(key);
  }

  private async load(): Promise<void> {
    this.status = 'loading';
    try {
      await (MapController.module ??= import('./map-view.js'));
      this.status = 'ready';
    } catch (error) {
      // Tried again with the next page load, not on every update.
      this.fail('failed', 'the map file could not be loaded; the list works without it.', error);
    }
    this.host.requestUpdate();
  }

  private fail(status: 'failed' | 'unusable', problem: string, detail?: unknown): void {
    this.status = status;
    logProblem(this.host, problem, detail);
  }

  private create(module: MapModule, settings: MapSettings<K>, frame: HTMLElement): void {
    if (this.view || !frame.isConnected) return;
    try {
      this.view = module.createPointMap({ ...settings, frame, toGcj02: wgs84ToGcj02 });
    } catch (error) {
      if (!(error instanceof module.MapSettingsError)) throw error;
      this.fail('unusable', error.message);
      return this.host.requestUpdate();
    }
    this.sync(settings.scene());
  }

  private sync(scene: MapScene<K> | undefined): void {
    const view = this.view;
    if (!view || !scene) return;
    const before = this.shown;
    if (!before || before.points.length !== scene.points.length || before.points.some((point, index) => point !== scene.points[index])) view.setPoints(scene.points);
    if (!before || before.selected !== scene.selected || before.points !== scene.points) view.select(scene.selected);
    if (before?.position !== scene.position) view.setPosition(scene.position);
    this.shown = scene;
  }

  private drop(): void {
    this.view?.destroy();
    this.view = undefined;
    this.shown = undefined;
  }

  /** The map's place in the widget, after the list: a labelled region, its frame filled by the map file, or why there is no map. */
  render() {
    const failed = this.status === 'failed' || this.status === 'unusable';
    return html`<section class="map" aria-label=${msg('Map of the service points')} part="map">
      ${failed
        ? html`<p class="notice map-failed">${msg('The map cannot be shown. The list above has every service point.')}</p>`
        : html`<p class="hint">${msg('The map shows the service points listed above.')}</p>
            <div class="map-frame"></div>`}
    </section>`;
  }
}

/** Every word the map shows, in the page's language. */
export function mapWords(formatList: (items: string[]) => string): MapOptions<MapPoint>['words'] {
  return {
    group: (names) => msg(str`${names.length} service points: ${formatList(names)}`),
    zoomIn: msg('Zoom in'),
    zoomOut: msg('Zoom out'),
    panNorth: msg('Move the map up'),
    panSouth: msg('Move the map down'),
    panWest: msg('Move the map left'),
    panEast: msg('Move the map right'),
    position: msg('Your position'),
  };
}
