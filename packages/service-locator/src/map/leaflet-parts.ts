/**
 * The parts of Leaflet the map uses, from its source modules: Leaflet's
 * bundle registers every control, layer and handler as it loads, so
 * importing from it ships them all (about twice the bytes). The handlers
 * register themselves with the map when imported: dragging, the mouse wheel,
 * double click and two-finger zoom; not the keyboard handler (the map's
 * buttons do its work without an extra tab stop) nor box and long-press zoom.
 */
import 'leaflet/src/map/handler/Map.Drag.js';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom.js';
import 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
import 'leaflet/src/map/handler/Map.PinchZoom.js';

export { Map as LeafletMap } from 'leaflet/src/map/Map.js';
export { LatLngBounds } from 'leaflet/src/geo/LatLngBounds.js';
export { LayerGroup } from 'leaflet/src/layer/LayerGroup.js';
export { Marker } from 'leaflet/src/layer/marker/Marker.js';
export { DivIcon } from 'leaflet/src/layer/marker/DivIcon.js';
export { GridLayer } from 'leaflet/src/layer/tile/GridLayer.js';
export { TileLayer } from 'leaflet/src/layer/tile/TileLayer.js';
export type { LatLngExpression } from 'leaflet';
