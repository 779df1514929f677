import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { textIn } from '../data/service-point.js';
import { directionsUrl, type DirectionsService } from '../geo/directions.js';
import { kindLabel } from '../kinds.js';
import type { PreparedPoint } from '../point-query.js';
import type { StateWords } from './state-words.js';

export interface PointItemProps {
  prepared: PreparedPoint;
  index: number;
  locale: string;
  headingLevel: number;
  state: StateWords;
  /** "1.2 km · about 16 minutes' walk", when a position is known. */
  distance: string | undefined;
  directions: DirectionsService;
  formatList: (items: string[]) => string;
  onChoose: (prepared: PreparedPoint) => void;
  /** Chosen on the map or with "Show on map". */
  selected: boolean;
  /** With a map: "Show on map" highlights the point's marker. */
  onShowOnMap: ((prepared: PreparedPoint) => void) | undefined;
}

function wheelchairText(value: string | undefined): string | undefined {
  if (value === 'yes') return msg('Wheelchair accessible');
  if (value === 'limited') return msg('Partly wheelchair accessible');
  if (value === 'no') return msg('Not wheelchair accessible');
  return undefined;
}

/** One service point: every value is rendered as text, links only to `tel:`, `http(s):` and the chosen map. */
export function pointItem(props: PointItemProps) {
  const { prepared, locale } = props;
  const { point } = prepared;
  const address = textIn(point.address, locale);
  const services = point.services.map((service) => textIn(service, locale)).filter(Boolean);
  const wheelchair = wheelchairText(point.wheelchair);
  const directions = directionsUrl(props.directions, point, prepared.name);
  const choose = () => props.onChoose(prepared);
  const onShowOnMap = props.onShowOnMap;
  return html`<li class="point ${props.selected ? 'selected' : ''}" part="point" data-index=${props.index}>
    <div class="name" role="heading" aria-level=${props.headingLevel} tabindex="-1">${prepared.name}</div>
    <p class="kind">${[kindLabel(point.kind), prepared.subdistrict].filter(Boolean).join(' · ')}</p>
    <p class="state ${props.state.tone}">${props.state.text}</p>
    ${props.state.tone === 'unknown' && point.openingHours ? html`<p class="verbatim">${point.openingHours}</p>` : nothing}
    ${props.distance ? html`<p class="distance">${props.distance}</p>` : nothing}
    ${address ? html`<p class="address">${address}</p>` : nothing}
    ${wheelchair ? html`<p class="wheelchair">${wheelchair}</p>` : nothing}
    ${services.length > 0 ? html`<p class="services">${msg(str`Services: ${props.formatList(services)}`)}</p>` : nothing}
    <ul class="actions">
      ${point.phones.map(
        (phone) => html`<li><a href="tel:${phone.replace(/\s/g, '')}" @click=${choose}>${msg(str`Call ${phone}`)}</a></li>`,
      )}
      ${point.url
        ? html`<li><a href=${point.url} target="_blank" rel="noopener noreferrer" @click=${choose}>${msg('Website')}<span class="visually-hidden">${msg(' (opens in a new tab)')}</span></a></li>`
        : nothing}
      ${directions
        ? html`<li><a class="directions" href=${directions} target="_blank" rel="noopener noreferrer" @click=${choose}>${msg('Directions')}<span class="visually-hidden">${msg(' (opens in a new tab)')}</span></a></li>`
        : nothing}
      ${onShowOnMap ? html`<li><button type="button" class="link show-on-map" @click=${() => onShowOnMap(prepared)}>${msg('Show on map')}</button></li>` : nothing}
    </ul>
  </li>`;
}
