import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { locatorOrigin } from '/locator-test-config.js';
import { wgs84ToGcj02 } from '../src/geo/gcj02.js';
import { captureConsole, click, LocatorServer, names, pointsUrl, renderLocator, shadow, squash, useClock, type Locator } from './helpers/locator.js';

// The optional map: loaded only with `map`, tiles only from the host, markers
// that are buttons in the list's order, a keyboard path in and out, and the
// list and the map choosing the same point.

/** Files of the map (its module and Leaflet) the page has fetched so far. */
function mapFilesFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/map\/map-(session|view)\.|\/leaflet\//.test(name));
}

function markers(el: Locator): HTMLButtonElement[] {
  return [...shadow(el).querySelectorAll<HTMLButtonElement>('.civic-marker button')];
}

/** What a screen reader says for each marker drawn: a point's name, or "2 service points: A and B" for a group. */
function drawnNames(el: Locator): string[] {
  return markers(el).map((button) => button.getAttribute('aria-label') ?? squash(button.textContent));
}

async function renderWithMap(attrs: Record<string, string | number | boolean> = {}): Promise<Locator> {
  const el = await renderLocator({ map: true, ...attrs });
  await waitUntil(() => markers(el).length > 0, 'the map drew no markers', { timeout: 8000 });
  return el;
}

/** The element with the focus, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<civic-service-locator> map', () => {
  const setClock = useClock();
  const problems = captureConsole();
  beforeEach(() => setClock('2026-03-10T10:00:00+08:00'));

  // First in this file: no other test has loaded the map into this page yet.
  it('loads no map code without the map attribute', async () => {
    const el = await renderLocator();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(shadow(el).querySelector('.map')).to.equal(null);
    expect(mapFilesFetched()).to.deep.equal([]);
  });

  it('loads the map file with map, after the list, as a labelled region of buttons named after the listed points', async () => {
    const el = await renderWithMap();
    expect(mapFilesFetched().some((name) => name.includes('/map/map-session.'))).to.equal(true);
    const region = shadow(el).querySelector('section.map')!;
    expect(region.getAttribute('aria-label')).to.equal('Map of the service points');
    // The list comes first in the reading and tab order.
    expect(shadow(el).querySelector('.points')!.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // Each listed point: a marker of its own, or in a group of neighbours too close to tell apart ("2 service points: A and B").
    const drawn = drawnNames(el);
    expect(drawn.reduce((sum, name) => sum + (Number(/^(\d+) service points: /.exec(name)?.[1]) || 1), 0)).to.equal(names(el).length);
    for (const name of names(el)) expect(drawn.some((label) => label === name || (label.includes(name) && /^\d+ service points: /.test(label)))).to.equal(true, name);
    expect([...region.querySelectorAll('.map-controls button')].map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Zoom in',
      'Zoom out',
      'Move the map up',
      'Move the map left',
      'Move the map right',
      'Move the map down',
    ]);
    // Without tiles: a scale bar on a plain background, and not one image.
    expect(squash(region.querySelector('.scale')?.textContent)).to.match(/^\d+ (m|km)$/);
    expect(region.querySelectorAll('img').length).to.equal(0);
    expect(problems()).to.deep.equal([]);
  });

  it('asks no other origin for anything without tile-url, and no element carries a style attribute written as markup', async () => {
    const el = await renderWithMap();
    await click(el, '.map-controls button'); // zoom in: a map with tiles would now fetch more
    await new Promise((resolve) => setTimeout(resolve, 500));
    const origins = new Set(performance.getEntriesByType('resource').map((entry) => new URL(entry.name).origin));
    expect([...origins].sort()).to.deep.equal([location.origin, locatorOrigin].sort());
    const urls = [...shadow(el).querySelectorAll('[src], [href]')].map((node) => node.getAttribute('src') ?? node.getAttribute('href') ?? '');
    expect(urls.filter((url) => /^(data|blob):/.test(url))).to.deep.equal([]);
  });

  it('asks the configured tile server for tiles, and credits it as text', async () => {
    const server = new LocatorServer();
    const el = await renderWithMap({ 'tile-url': `${server.base}/tiles/{z}/{x}/{y}.png`, 'tile-attribution': '<b>Tiles</b> © District' });
    await waitUntil(() => shadow(el).querySelectorAll('.leaflet-tile-loaded').length > 0, 'no tile was drawn', { timeout: 8000 });
    const tiles = (await server.log()).filter((request) => request.path.startsWith('tiles/'));
    expect(tiles.length).to.be.greaterThan(0);
    for (const { path } of tiles) expect(path).to.match(/^tiles\/\d+\/\d+\/\d+\.png$/);
    expect(squash(shadow(el).querySelector('.attribution')?.textContent)).to.equal('<b>Tiles</b> © District');
    expect(shadow(el).querySelector('.attribution b')).to.equal(null);
    // Tiles dropped while zooming are emptied without Leaflet's data: image.
    await click(el, '.map-controls button');
    await click(el, '.map-controls button');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sources = [...shadow(el).querySelectorAll('img')].map((image) => image.getAttribute('src') ?? '');
    expect(sources.filter((src) => !src.startsWith(`${server.base}/tiles/`))).to.deep.equal([]);
  });

  /** Where the first marker sits on the tiles, as WGS-84 numbers of the tiles' own grid (Web Mercator): [longitude, latitude]. */
  function markerOnTiles(el: Locator): [number, number] {
    const at = markers(el)[0]!.parentElement!.getBoundingClientRect();
    const tile = shadow(el).querySelector<HTMLImageElement>('.leaflet-tile-loaded')!;
    const [z, x, y] = /tiles\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(tile.src)!.slice(1).map(Number) as [number, number, number];
    const box = tile.getBoundingClientRect();
    const world = 256 * 2 ** z;
    const px = x * 256 + (at.left - box.left);
    const py = y * 256 + (at.top - box.top);
    return [(px / world) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / world))) * 180) / Math.PI];
  }

  for (const crs of ['wgs84', 'gcj02']) {
    it(`puts the markers where ${crs} tiles draw the place (GCJ-02: shifted by the few hundred metres those tiles are off)`, async () => {
      const server = new LocatorServer();
      const el = await renderWithMap({ 'page-size': 1, 'tile-url': `${server.base}/tiles/{z}/{x}/{y}.png`, 'tile-crs': crs });
      await waitUntil(() => shadow(el).querySelector('.leaflet-tile-loaded'), 'no tile was drawn', { timeout: 8000 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const data = (await (await fetch(pointsUrl)).json()) as { features: Array<{ geometry: { coordinates: [number, number] }; properties: { name: Record<string, string> | string } }> };
      const shownName = names(el)[0]!;
      const feature = data.features.find((item) => JSON.stringify(item.properties.name).includes(JSON.stringify(shownName)))!;
      const [longitude, latitude] = feature.geometry.coordinates;
      const [expectedLongitude, expectedLatitude] = crs === 'gcj02' ? wgs84ToGcj02(longitude, latitude) : [longitude, latitude];
      const [drawnLongitude, drawnLatitude] = markerOnTiles(el);
      // Within about 5 m at the zoom the map opens at.
      expect(drawnLongitude).to.be.closeTo(expectedLongitude, 5e-5);
      expect(drawnLatitude).to.be.closeTo(expectedLatitude, 5e-5);
    });
  }

  it('with an unknown tile-crs or a tile-url without {z}/{x}/{y}, says the map cannot be shown, logs one console error, and the list works on', async () => {
    for (const attrs of [{ 'tile-crs': 'bd09' }, { 'tile-url': 'https://tiles.example/{z}.png' }] as Array<Record<string, string>>) {
      const el = await renderLocator({ map: true, ...attrs });
      await waitUntil(() => shadow(el).querySelector('.map-failed'), 'no message where the map would be');
      expect(squash(shadow(el).querySelector('.map-failed')?.textContent)).to.equal('The map cannot be shown. The list above has every service point.');
      expect(shadow(el).querySelectorAll('.points > li').length).to.be.greaterThan(0);
      expect(shadow(el).querySelector('.show-on-map')).to.equal(null);
    }
    expect(problems()).to.deep.equal([
      'error [civic-widgets] <civic-service-locator>: tile-crs must be wgs84 or gcj02, not "bd09".',
      'error [civic-widgets] <civic-service-locator>: tile-url must be an http(s) URL template with {z}, {x} and {y}, not "https://tiles.example/{z}.png".',
    ]);
  });

  it('draws the map once the host corrects its tile settings', async () => {
    const el = await renderLocator({ map: true, 'tile-crs': 'bd09' });
    await waitUntil(() => shadow(el).querySelector('.map-failed'), 'no message where the map would be');
    el.setAttribute('tile-crs', 'gcj02');
    await waitUntil(() => markers(el).length > 0, 'the map did not come back');
    expect(shadow(el).querySelector('.map-failed')).to.equal(null);
  });

  it('keyboard: Tab goes through the zoom and move buttons and the markers, then out of the map; Enter on a marker selects its result', async () => {
    const el = await renderWithMap();
    const after = await fixture<HTMLButtonElement>(html`<button type="button">after the widget</button>`);
    const names = drawnNames(el);
    // From the last link of the list into the map.
    const links = shadow(el).querySelectorAll<HTMLElement>('.points a, .points button');
    links[links.length - 1]!.focus();
    const path: string[] = [];
    for (let step = 0; step < 6 + names.length + 1; step++) {
      await sendKeys({ press: 'Tab' });
      const now = focused();
      path.push(now === after ? 'after' : (now?.getAttribute('aria-label') ?? squash(now?.textContent)));
    }
    expect(path).to.deep.equal(['Zoom in', 'Zoom out', 'Move the map up', 'Move the map left', 'Move the map right', 'Move the map down', ...names, 'after']);
    // Back into the map, onto the third point's own marker, and Enter.
    const third = markers(el).filter((marker) => !marker.classList.contains('group'))[2]!;
    third.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('.points > li.selected'), 'no result was selected');
    const selected = shadow(el).querySelector('.points > li.selected')!;
    expect(squash(selected.querySelector('.name')?.textContent)).to.equal(squash(third.textContent));
    expect(focused()).to.equal(selected.querySelector('.name'));
    expect(third.classList.contains('selected')).to.equal(true);
    after.remove();
  });

  it('"Show on map" highlights the marker, names it on the map, moves the map to it and puts the focus on it', async () => {
    const el = await renderWithMap();
    const item = shadow(el).querySelectorAll('.points > li')[4]!;
    const name = squash(item.querySelector('.name')?.textContent);
    (item.querySelector('.show-on-map') as HTMLButtonElement).click();
    await waitUntil(() => focused()?.classList.contains('selected'), 'the focus did not go to the marker');
    const marker = focused() as HTMLButtonElement;
    expect(squash(marker.textContent)).to.equal(name);
    expect(markers(el).filter((button) => button.classList.contains('selected'))).to.deep.equal([marker]);
    expect(item.classList.contains('selected')).to.equal(true);
    // The name shows beside the highlighted marker (not only to screen readers).
    expect(marker.querySelector('.label')!.getBoundingClientRect().width).to.be.greaterThan(20);
    // The map moves to it: it ends up in the middle of the map.
    const view = shadow(el).querySelector('.map-view')!.getBoundingClientRect();
    await waitUntil(() => {
      const at = marker.getBoundingClientRect();
      return Math.abs(at.left + at.width / 2 - (view.left + view.width / 2)) < 4 && Math.abs(at.top + at.height / 2 - (view.top + view.height / 2)) < 4;
    }, 'the map did not move to the marker');
  });

  it('a click on a marker selects its result', async () => {
    const el = await renderWithMap();
    const marker = markers(el).filter((button) => !button.classList.contains('group'))[1]!;
    shadow(el).querySelector('.map-view')!.scrollIntoView({ block: 'center' });
    const box = marker.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await waitUntil(() => shadow(el).querySelector('.points > li.selected'), 'the click did not select a result');
    expect(squash(shadow(el).querySelector('.points > li.selected .name')?.textContent)).to.equal(squash(marker.textContent));
    // Marked by a bar beside it, not by colour alone (the style comes with the map file).
    expect(getComputedStyle(shadow(el).querySelector('.points > li.selected')!).borderInlineStartWidth).to.equal('5px');
  });

  it('groups points too close to tell apart into one button that zooms in on them; no marker covers another', async () => {
    const server = new LocatorServer();
    const el = await renderWithMap({ src: server.generated(300), 'page-size': 60 });
    const drawn = () => [...shadow(el).querySelectorAll<HTMLButtonElement>('.civic-marker button')];
    const group = drawn().find((button) => button.classList.contains('group'));
    if (!group) throw new Error('no group at the zoom the map opens at');
    const count = Number(group.textContent);
    expect(count).to.be.greaterThan(1);
    expect(group.getAttribute('aria-label')).to.match(new RegExp(`^${count} service points: Service point|^${count} service points: 第`));
    const overlapping = (buttons: HTMLButtonElement[]) =>
      buttons.flatMap((a, i) => buttons.slice(i + 1).filter((b) => {
        const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        return p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
      }));
    expect(overlapping(drawn())).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // Activated, the group zooms in; the focus goes to its first point's marker (or the smaller group holding it).
    group.focus();
    group.click();
    await waitUntil(() => focused()?.closest('.civic-marker'), 'the focus left the map');
    expect(focused()).to.not.equal(group);
    expect(overlapping(drawn())).to.deep.equal([]);
  });

  it('"Show on map" on a point inside a group zooms in until it has a marker of its own', async () => {
    const server = new LocatorServer();
    const el = await renderWithMap({ src: server.generated(300), 'page-size': 60 });
    const grouped = shadow(el).querySelector<HTMLButtonElement>('.civic-marker .group')!.getAttribute('aria-label')!;
    const item = [...shadow(el).querySelectorAll('.points > li')].find((li) => grouped.includes(squash(li.querySelector('.name')?.textContent)))!;
    (item.querySelector('.show-on-map') as HTMLButtonElement).click();
    await waitUntil(() => focused()?.classList.contains('selected'), 'the chosen point has no marker of its own');
    expect(squash(focused()?.textContent)).to.equal(squash(item.querySelector('.name')?.textContent));
  });

  it('draws the map again when the page moves the widget elsewhere', async () => {
    const el = await renderWithMap();
    const count = markers(el).length;
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await waitUntil(() => markers(el).length === count, 'the map did not come back after the move');
    elsewhere.remove();
  });

  it('zooms and moves with buttons (no dragging needed), showing the scale as it changes', async () => {
    const el = await renderWithMap();
    const scale = () => squash(shadow(el).querySelector('.scale')?.textContent);
    const first = scale();
    await click(el, '.map-controls button:nth-child(2)');
    await waitUntil(() => scale() !== first, 'zooming out did not change the scale');
    const pane = () => shadow(el).querySelector<HTMLElement>('.leaflet-map-pane')!.style.transform;
    const at = pane();
    await click(el, '.map-controls button:nth-child(3)');
    await waitUntil(() => pane() !== at, 'the map did not move up');
  });

  it('draws the citizen’s position only once they chose to share it, and does not move the map there', async () => {
    await executeServerCommand('set-geolocation', { latitude: 31.193, longitude: 121.437 });
    const el = await renderWithMap();
    expect(shadow(el).querySelector('.civic-position')).to.equal(null);
    await click(el, '#locate');
    await waitUntil(() => shadow(el).querySelector('.civic-position [role="img"]'), 'no position on the map');
    expect(shadow(el).querySelector('.civic-position [role="img"]')!.getAttribute('aria-label')).to.equal('Your position');
    await click(el, '#forget-location');
    await waitUntil(() => !shadow(el).querySelector('.civic-position'), 'the position stayed on the map');
  });

  it('has targets of at least 24 px, and 48 px in care mode', async () => {
    const plain = await renderWithMap();
    expect(markers(plain)[0]!.getBoundingClientRect().width).to.be.at.least(24);
    // "Show on map" is as tall as the other targets (its size comes with the map file).
    expect(shadow(plain).querySelector('.show-on-map')!.getBoundingClientRect().height).to.be.at.least(44);
    const care = await renderWithMap({ 'care-mode': true });
    expect(markers(care)[0]!.getBoundingClientRect().width).to.be.at.least(48);
    for (const button of shadow(care).querySelectorAll('.map-controls button')) expect(button.getBoundingClientRect().height).to.be.at.least(48);
    expect(shadow(care).querySelector('.show-on-map')!.getBoundingClientRect().height).to.be.at.least(48);
  });

  for (const lang of ['en', 'zh-Hans']) {
    it(`has no axe violations with the map (${lang})`, async () => {
      const el = await renderWithMap({ lang });
      await expect(el).to.be.accessible();
      (shadow(el).querySelector('.show-on-map') as HTMLButtonElement).click();
      await waitUntil(() => markers(el).some((marker) => marker.classList.contains('selected')));
      await expect(el).to.be.accessible();
    });
  }

  it('speaks Chinese on the map', async () => {
    const el = await renderWithMap({ lang: 'zh-Hans' });
    expect(shadow(el).querySelector('section.map')!.getAttribute('aria-label')).to.equal('服务点地图');
    expect(shadow(el).querySelector('.map-controls button')!.getAttribute('aria-label')).to.equal('放大');
    expect(squash(shadow(el).querySelector('.scale')?.textContent)).to.match(/^\d+ ?(米|公里)$/);
    const hant = await renderWithMap({ lang: 'zh-Hant' });
    expect(shadow(hant).querySelector('section.map')!.getAttribute('aria-label')).to.equal('服務點地圖');
  });
});
