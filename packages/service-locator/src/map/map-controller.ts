import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { MapOptions, MapPoint, PointMap } from './map-view.js';

type MapModule = typeof import('./map-view.js');

/** What the map shows after each update of the widget, worked out by the widget. */
export interface MapScene<K> {
  points: ReadonlyArray<MapPoint<K>>;
  selected: K | undefined;
  position: { latitude: number; longitude: number } | undefined;
}

export interface MapSettings<K> extends Omit<MapOptions<K>, 'frame'> {
  /** The empty element the map goes in, once rendered. */
  frame: () => HTMLElement | null | undefined;
  scene: () => MapScene<K> | undefined;
}

/**
 * The optional map: its file (Leaflet and the map view) is loaded by import()
 * the first time a widget with `map` has points to show, beside the widget's
 * own file; never without `map`. Created in the rendered frame after an
 * update, and brought up to date after every update (render itself stays
 * free of side effects). If the file cannot be loaded, the frame says so and
 * the console gets one error; the list works on.
 */
export class MapController<K> implements ReactiveController {
  status: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  private view?: PointMap<K>;
  private frame?: HTMLElement;
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
    const frame = settings?.frame();
    if (!settings || !frame) return this.drop();
    if (this.status === 'idle') return void this.load();
    if (this.status !== 'ready') return;
    if (frame !== this.frame) {
      this.drop();
      this.status = 'ready';
    }
    if (!this.view) {
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
      // Tried again with the next widget or page load, not on every update.
      this.status = 'failed';
      console.error(`[civic-widgets] <${this.host.localName}>: the map file could not be loaded; the list works without it.`, error);
    }
    this.host.requestUpdate();
  }

  private create(module: MapModule, settings: MapSettings<K>, frame: HTMLElement): void {
    if (this.view || !frame.isConnected) return;
    this.frame = frame;
    this.view = module.createPointMap({ ...settings, frame });
    this.sync(settings.scene());
  }

  private sync(scene: MapScene<K> | undefined): void {
    const view = this.view;
    if (!view || !scene) return;
    const before = this.shown;
    if (!before || before.points.length !== scene.points.length || before.points.some((point, index) => point.key !== scene.points[index]!.key)) view.setPoints(scene.points);
    if (!before || before.selected !== scene.selected || before.points !== scene.points) view.select(scene.selected);
    if (before?.position !== scene.position) view.setPosition(scene.position);
    this.shown = scene;
  }

  private drop(): void {
    this.view?.destroy();
    this.view = undefined;
    this.frame = undefined;
    this.shown = undefined;
  }

  /** The map's place in the widget, after the list: a labelled region, its frame filled by the map file. */
  render() {
    if (this.status === 'failed') {
      return html`<section class="map" aria-label=${msg('Map of the service points')} part="map">
        <p class="notice map-failed">${msg('The map could not be loaded. The list above has every service point.')}</p>
      </section>`;
    }
    return html`<section class="map" aria-label=${msg('Map of the service points')} part="map">
      <p class="hint">${msg('The map shows the service points listed above. The list has all their details.')}</p>
      <div class="map-frame"></div>
    </section>`;
  }
}

/** Every word the map shows, in the page's language. */
export function mapWords(): MapOptions<unknown>['words'] {
  return {
    zoomIn: msg('Zoom in'),
    zoomOut: msg('Zoom out'),
    panNorth: msg('Move the map up'),
    panSouth: msg('Move the map down'),
    panWest: msg('Move the map left'),
    panEast: msg('Move the map right'),
    position: msg('Your position'),
  };
}
