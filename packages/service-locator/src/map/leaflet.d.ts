// The part of Leaflet 2's ES module API the map uses (see leaflet-parts.ts).
// Leaflet 2 ships no types yet, and @types/leaflet describes 1.x (its `L`
// namespace, not these classes).
declare module 'leaflet/src/map/handler/Map.Drag.js';
declare module 'leaflet/src/map/handler/Map.ScrollWheelZoom.js';
declare module 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
declare module 'leaflet/src/map/handler/Map.PinchZoom.js';
declare module 'leaflet/src/map/Map.js' {
  export { LeafletMap as Map } from 'leaflet';
}
declare module 'leaflet/src/geo/LatLngBounds.js' {
  export { LatLngBounds } from 'leaflet';
}
declare module 'leaflet/src/layer/LayerGroup.js' {
  export { LayerGroup } from 'leaflet';
}
declare module 'leaflet/src/layer/marker/Marker.js' {
  export { Marker } from 'leaflet';
}
declare module 'leaflet/src/layer/marker/DivIcon.js' {
  export { DivIcon } from 'leaflet';
}
declare module 'leaflet/src/layer/tile/GridLayer.js' {
  export { GridLayer } from 'leaflet';
}
declare module 'leaflet/src/layer/tile/TileLayer.js' {
  export { TileLayer } from 'leaflet';
}

declare module 'leaflet' {
  export const version: string;
  export type LatLngExpression = LatLng | [number, number];
  export type PointExpression = Point | [number, number];

  export class LatLng {
    lat: number;
    lng: number;
  }
  export class Point {
    x: number;
    y: number;
  }
  export class LatLngBounds {
    constructor(points: LatLngExpression[]);
  }

  interface Evented {
    on(types: string, handler: (event: unknown) => void): this;
    fire(type: string, data?: object): this;
  }

  export interface MapOptions {
    zoomControl?: boolean;
    attributionControl?: boolean;
    keyboard?: boolean;
    zoomAnimation?: boolean;
    fadeAnimation?: boolean;
    markerZoomAnimation?: boolean;
    minZoom?: number;
    maxZoom?: number;
  }
  export interface PanOptions {
    animate?: boolean;
    padding?: PointExpression;
    maxZoom?: number;
  }
  export class LeafletMap implements Evented {
    constructor(element: HTMLElement, options?: MapOptions);
    on(types: string, handler: (event: unknown) => void): this;
    fire(type: string, data?: object): this;
    setView(center: LatLngExpression, zoom: number, options?: PanOptions): this;
    fitBounds(bounds: LatLngBounds, options?: PanOptions): this;
    panTo(at: LatLngExpression, options?: PanOptions): this;
    panBy(offset: PointExpression): this;
    panInside(at: LatLngExpression, options?: PanOptions): this;
    zoomIn(): this;
    zoomOut(): this;
    getZoom(): number;
    getMinZoom(): number;
    getMaxZoom(): number;
    getSize(): Point;
    getCenter(): LatLng;
    distance(a: LatLngExpression, b: LatLngExpression): number;
    containerPointToLatLng(point: PointExpression): LatLng;
    latLngToContainerPoint(at: LatLngExpression): Point;
    invalidateSize(): this;
    remove(): this;
  }

  export class Layer implements Evented {
    on(types: string, handler: (event: unknown) => void): this;
    fire(type: string, data?: object): this;
    addTo(map: LeafletMap | LayerGroup): this;
    remove(): this;
  }
  export class LayerGroup extends Layer {
    addLayer(layer: Layer): this;
    clearLayers(): this;
  }
  export class GridLayer extends Layer {}
  export class TileLayer extends GridLayer {
    constructor(urlTemplate: string, options?: { maxZoom?: number });
  }

  export interface DivIconOptions {
    html: HTMLElement;
    className: string;
    iconSize: null;
  }
  export class DivIcon {
    constructor(options: DivIconOptions);
  }
  export class Marker extends Layer {
    constructor(at: LatLngExpression, options: { icon: DivIcon; keyboard?: boolean; interactive?: boolean });
    getLatLng(): LatLng;
  }
}
