import { GridLayer, TileLayer } from './leaflet-parts.js';

interface Tile {
  el: HTMLImageElement;
  coords: { z: number };
}

interface TileLayerInternals {
  _tiles: Record<string, Tile>;
  _tileZoom: number;
}

/**
 * The host's tiles, as Leaflet's TileLayer draws them, except that a tile it
 * gives up on is emptied by removing its `src` rather than pointing it at
 * Leaflet's `data:` GIF: a district's CSP may refuse `data:` images, and
 * removing `src` cancels the request just as well. (Leaflet's own methods,
 * pinned with its exact version in package.json.)
 */
export class HostTileLayer extends TileLayer {
  _abortLoading(this: HostTileLayer & TileLayerInternals): void {
    for (const [key, tile] of Object.entries(this._tiles)) {
      if (tile.coords.z === this._tileZoom || tile.el.complete) continue;
      tile.el.onload = tile.el.onerror = null;
      tile.el.removeAttribute('src');
      tile.el.remove();
      delete this._tiles[key];
      this.fire('tileabort', { tile: tile.el, coords: tile.coords });
    }
  }

  _removeTile(this: HostTileLayer & TileLayerInternals, key: string): void {
    this._tiles[key]?.el.removeAttribute('src');
    (GridLayer.prototype as unknown as { _removeTile(key: string): void })._removeTile.call(this, key);
  }

  _tileReady(coords: unknown, error: unknown, tile: HTMLImageElement | undefined): void {
    // A tile emptied above reports an error or a load: it is gone already.
    if (tile && !tile.hasAttribute('src')) return;
    (GridLayer.prototype as unknown as { _tileReady(...args: unknown[]): void })._tileReady.call(this, coords, error, tile);
  }
}
