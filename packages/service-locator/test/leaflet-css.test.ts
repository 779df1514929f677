import { expect } from '@open-wc/testing';
import { version } from 'leaflet';
import { leafletCss, leafletVersion } from '../src/generated/leaflet-css.js';

// The map adopts Leaflet's stylesheet as text generated from the installed
// Leaflet (scripts/leaflet-css.mjs): it must follow a Leaflet upgrade, and it
// must never make the browser fetch a file.

describe('Leaflet stylesheet of the map', () => {
  it('was generated from the Leaflet version installed (run scripts/leaflet-css.mjs after an upgrade)', () => {
    expect(leafletVersion).to.equal(version);
  });

  it('loads no file and keeps the rules the map uses', () => {
    expect(leafletCss).to.not.include('url(');
    expect(leafletCss).to.not.match(/leaflet-(control|popup|tooltip)/);
    for (const selector of ['.leaflet-container', '.leaflet-pane', '.leaflet-tile', '.leaflet-marker-icon', '.leaflet-zoom-anim']) expect(leafletCss).to.include(selector);
  });
});
