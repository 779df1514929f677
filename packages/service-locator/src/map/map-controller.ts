import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { logProblem } from '@civic-widgets/core';
import type { MapPoint, MapWords } from './map-view.js';
import type { MapHost, MapLink, MapSession } from './map-session.js';
import { wgs84ToGcj02 } from '../geo/gcj02.js';

/**
 * The optional map, as far as the widget's own file goes: its place and its
 * words, which must show before the map file arrives. The map file (Leaflet,
 * the map view and map-session.ts, which makes and updates the map after each
 * update of the widget) is loaded by import() the first time a widget with
 * `map` has points to show, beside the widget's own file; never without
 * `map`. If it cannot be loaded, or `tile-url` or `tile-crs` cannot be used,
 * the map's place says so and the console gets one error; the list works on.
 */
export class MapController<K extends MapPoint> implements ReactiveController {
  /** The map file's side once it is in; `false`: the file could not be loaded (tried again with the next page load). */
  private loaded?: MapSession<K> | false;
  private loading?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost & MapHost,
    private readonly link: () => MapLink<K>,
  ) {
    host.addController(this);
  }

  /** The map file's side while there is a map to show a point on. */
  get session(): MapSession<K> | undefined {
    return this.loaded && !this.loaded.unusable ? this.loaded : undefined;
  }

  hostUpdated(): void {
    if (this.loaded) return this.loaded.update(this.link());
    // The map's place is in the widget (with `map`, once there are points to list): time for its file.
    if (!this.host.shadowRoot?.querySelector('.map')) return;
    this.loading ??= import('./map-session.js')
      .then(
        (module) => void (this.loaded = module.openMap({ host: this.host, problem: (text) => logProblem(this.host, text), toGcj02: wgs84ToGcj02 })),
        (error) => {
          this.loaded = false;
          logProblem(this.host, 'the map file could not be loaded; the list works without it.', error);
        },
      )
      .then(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    if (this.loaded) this.loaded.update(undefined);
  }

  /** The map's place in the widget, after the list: a labelled region, its frame filled by the map file, or why there is no map. */
  render() {
    return html`<section class="map" aria-label=${msg('Map of the service points')} part="map">
      ${this.loaded !== undefined && !this.session
        ? html`<p class="notice map-failed">${msg('The map cannot be shown. The list above has every service point.')}</p>`
        : html`<p class="hint">${msg('The map shows the service points listed above.')}</p>
            <div class="map-frame"></div>`}
    </section>`;
  }
}

/** Every word the map shows, in the page's language. */
export function mapWords(formatList: (items: string[]) => string): MapWords {
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
