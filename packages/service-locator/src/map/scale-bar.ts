import type { LeafletMap } from './leaflet-parts.js';

/** The widest the bar grows, in CSS pixels. */
const maxWidth = 120;

/**
 * A scale bar in the page's language ("500 m", "2 km"): its width set through
 * the CSSOM (allowed under a strict CSP, unlike a `style` attribute), its text
 * with `textContent` (Leaflet's own scale writes innerHTML, refused under
 * Trusted Types). Measured across the middle of the map.
 */
export function scaleBar(map: LeafletMap, locale: string) {
  const element = document.createElement('span');
  element.className = 'scale';
  // The bar is as long as the distance; the words beside it, whatever their size (care mode).
  const bar = document.createElement('span');
  bar.className = 'scale-bar';
  const words = document.createElement('span');
  element.append(bar, words);
  const metres = new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', unitDisplay: 'short' });
  const kilometres = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', unitDisplay: 'short' });
  return {
    element,
    update(): void {
      const y = map.getSize().y / 2;
      const across = map.distance(map.containerPointToLatLng([0, y]), map.containerPointToLatLng([maxWidth, y]));
      if (!(across > 0)) return;
      // The longest round distance (1, 2 or 5 × a power of ten) that fits.
      const power = 10 ** Math.floor(Math.log10(across));
      const round = [5, 2, 1].map((step) => step * power).find((distance) => distance <= across)!;
      bar.style.width = `${Math.round((maxWidth * round) / across)}px`;
      words.textContent = round >= 1000 ? kilometres.format(round / 1000) : metres.format(round);
    },
  };
}
