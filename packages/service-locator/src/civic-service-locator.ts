import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { baseStyles, booleanAttribute, CivicElement, fetchWithTimeout, focusProgrammatically, GeolocationController, LoadController, notConfigured, PoliteAnnouncer, reportProblem } from '@civic-widgets/core';
import { registerLocatorCatalogs } from './catalog.js';
import { version } from './version.js';
import { locatorStyles } from './locator-styles.js';
import { CivicLocatorLocateEvent, CivicLocatorSelectEvent, type LocateOutcome } from './events.js';
import { NotGeoJsonError, parseGeoJson, type ParsedPoints } from './data/parse-geojson.js';
import { parseHolidayCalendar, type HolidayCalendar } from './hours/holidays.js';
import { hoursState, specialDay } from './hours/hours-state.js';
import { civilMoment, type CivilMoment } from './hours/zoned-clock.js';
import { directionsServices, type DirectionsService } from './geo/directions.js';
import { distanceMetres, walking, walkingMinutes } from './geo/distance.js';
import { kindLabel, holidayName } from './kinds.js';
import { matchesWords, preparePoints, searchWords, type PreparedPoint } from './point-query.js';
import type { WeeklyHours } from './hours/opening-hours.js';
import { pointItem } from './views/point-item.js';
import { MapController, mapWords } from './map/map-controller.js';
import { stateWords, type DayName, type StateWords } from './views/state-words.js';

/** Straight-line metres within which a point counts as "within a 15-minute walk" (see geo/distance.ts). */
const walkLimitMetres = (15 * walking.metresPerMinute) / walking.detourFactor;

interface Listing {
  found: PreparedPoint[];
  /** Per kind, how many points the other filters leave: the count beside each kind's checkbox. */
  kindCounts: Map<string, number>;
}

/**
 * The nearest community service points from a GeoJSON FeatureCollection: open
 * now (with China's public holidays and make-up workdays, in the district's
 * time zone), distance and walking time from the citizen's position (asked
 * only on a button press, never sent), search (also by pinyin), kind and
 * subdistrict filters, and links to call, to the website and to directions.
 *
 * @summary The nearest community service points, open now, within a 15-minute walk.
 *
 * @fires {CivicLocatorSelectEvent} civic-locator-select - A citizen followed a point's directions, phone or website link (`detail.feature`).
 * @fires {CivicLocatorLocateEvent} civic-locator-locate - "Use my location" ended (`detail.outcome`: found, denied, unavailable or timed-out); never the position.
 *
 * @csspart locate - The "Use my location" area.
 * @csspart filters - Search, subdistrict, kinds, open now and walking distance.
 * @csspart point - Each service point in the list.
 * @csspart status - Messages: loading, counts, nothing found, problems.
 * @csspart map - The map's region (with `map`), after the list.
 *
 * @cssprop --civic-color-primary - Links, buttons and focus marks. Default #005ea5.
 * @cssprop --civic-color-text - Body text. Default #1b1b1b.
 * @cssprop --civic-color-text-muted - Kinds, distances and counts. Default #505a5f.
 * @cssprop --civic-color-background - Widget background. Default #ffffff.
 * @cssprop --civic-color-surface - Notes (holiday hours). Default #f3f2f1.
 * @cssprop --civic-color-border - Lines between points. Default #6b7378.
 * @cssprop --civic-color-success - "Open" states. Default #00703c.
 * @cssprop --civic-color-error - "Closed" states and problems. Default #b10e1e.
 * @cssprop --civic-color-focus - Focus halo. Default #ffbf47.
 * @cssprop --civic-font-family - Typeface. Default the system UI font with CJK fallbacks.
 * @cssprop --civic-font-size - Base text size. Default 1rem (care mode: at least 18px).
 * @cssprop --civic-space - Base spacing unit. Default 1rem.
 * @cssprop --civic-target-size - Minimum size of buttons and links. Default 44px (care mode: at least 48px).
 * @cssprop --civic-max-width - Widest the widget grows. Default 40rem (care mode: 48rem).
 */
export class CivicServiceLocator extends CivicElement {
  static readonly version: string = version;
  static override styles = [baseStyles, locatorStyles];

  // Registered with the class, not by a bare import, so no bundler can drop it as a side effect.
  static {
    registerLocatorCatalogs();
  }

  /** URL of a GeoJSON FeatureCollection of Point features (RFC 7946, WGS-84); see the README for the properties read. */
  @property() src = '';

  /** URL of a holiday calendar in the holiday-cn JSON format (public holidays and make-up workdays). */
  @property({ attribute: 'holidays-src' }) holidaysSrc = '';

  /** IANA time zone the opening hours are in. */
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Shanghai';

  /** Map service of the "Directions" link: amap, baidu, tencent, apple, osm, geo or none. */
  @property() directions: DirectionsService = 'amap';

  /** Service points shown at first and added by each "show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** Milliseconds to wait for the data and the calendar. */
  @property({ type: Number }) timeout = 15_000;

  /** Shows the listed points on a map too, after the list; its file (civic-service-locator-map.js) is only loaded with this attribute. */
  @property({ type: Boolean, converter: booleanAttribute }) map = false;

  /** `{z}/{x}/{y}` URL template of the host's map tiles. Without it the map has a plain background and asks no one for anything. */
  @property({ attribute: 'tile-url' }) tileUrl = '';

  /** The tile provider's credit line, shown as text under the map. */
  @property({ attribute: 'tile-attribution' }) tileAttribution = '';

  /** Coordinate system of the tiles: wgs84 (OpenStreetMap, Tianditu) or gcj02 (Amap, Tencent), to which the points are shifted. */
  @property({ attribute: 'tile-crs' }) tileCrs = 'wgs84';

  @state() private query = '';
  @state() private subdistrict = '';
  @state() private chosenKinds: ReadonlySet<string> = new Set();
  @state() private openNow = false;
  @state() private withinWalk = false;
  @state() private shown = 10;
  /** The point chosen with "Show on map" or on the map: highlighted in both. */
  @state() private selected?: PreparedPoint;

  private readonly points = new LoadController<ParsedPoints>(this);
  private readonly calendar = new LoadController<HolidayCalendar>(this);
  // Coarse is enough to sort by distance, and quicker and kinder to the battery.
  private readonly geolocation = new GeolocationController(this, { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 });
  private readonly announcer = new PoliteAnnouncer(this);
  private readonly pointMap = new MapController<PreparedPoint>(this, () => ({
    // The points the list shows: the listing render just made.
    scene: () => ({ points: this.listingCache?.listing.found.slice(0, this.shown) ?? [], selected: this.selected, position: this.geolocation.position }),
    locale: this.locale,
    words: mapWords(this.formatList),
    onChoose: (point) => this.select(point, true),
  }));

  private preparedCache?: { points: ParsedPoints; locale: string; prepared: PreparedPoint[]; subdistricts: string[]; kinds: string[] };
  private distanceCache?: { prepared: PreparedPoint[]; latitude: number; longitude: number; metres: Map<PreparedPoint, number>; byDistance: PreparedPoint[] };
  private listingCache?: { key: unknown[]; listing: Listing };
  private stateCache?: { key: string; calendar: HolidayCalendar | undefined; states: Map<WeeklyHours | undefined, StateWords> };
  private formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat | Intl.DateTimeFormat>();
  private tick?: ReturnType<typeof setTimeout>;
  /** A "Try again" is under way: its button stays, busy, so the focus stays on it. */
  private retrying = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleTick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.tick);
    // The geolocation controller forgets the position on leaving the page; so does what was worked out from it.
    this.dropPosition();
  }

  /** Nothing worked out from the citizen's position is kept: distances, the list sorted by them, the walking filter. */
  private dropPosition(): void {
    this.withinWalk = false;
    this.distanceCache = undefined;
    this.listingCache = undefined;
  }

  /** States change on the minute: re-render then, and every minute after, while on the page. */
  private scheduleTick(): void {
    clearTimeout(this.tick);
    this.tick = setTimeout(() => {
      this.requestUpdate();
      this.scheduleTick();
    }, 60_000 - (Date.now() % 60_000) + 50);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) void this.loadPoints();
    if (changed.has('holidaysSrc')) this.loadCalendar();
    if (changed.has('pageSize')) this.shown = this.pageSize;
  }

  private async fetchText(url: string, signal: AbortSignal, accept: string): Promise<string> {
    const response = await fetchWithTimeout(new URL(url, document.baseURI), { signal, headers: { Accept: accept } }, this.timeout);
    if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
    return response.text();
  }

  private loadPoints(): Promise<void> {
    const src = this.src;
    if (!src) return Promise.resolve();
    return this.points.load(async (signal) => {
      const points = parseGeoJson(await this.fetchText(src, signal, 'application/geo+json, application/json;q=0.9'));
      // Said once per load in the console (with why), and in the widget while the points are shown.
      if (points.skipped.length > 0) console.warn(`[civic-widgets] <${this.localName}>: ${points.skipped.length} of the features at ${src} were skipped.`, points.skipped.slice(0, 20));
      // Prepared here, not in the first render, so that render stays within a frame with 10,000 points.
      this.prepared(points);
      return points;
    });
  }

  private loadCalendar(): void {
    if (!this.holidaysSrc) return;
    const src = this.holidaysSrc;
    void this.calendar.load(async (signal) => {
      try {
        return parseHolidayCalendar(await this.fetchText(src, signal, 'application/json'));
      } catch (error) {
        // Once per load, for the web team; the citizen reads that holiday hours are not confirmed.
        if (!signal.aborted) console.error(`[civic-widgets] <${this.localName}>: holiday calendar ${src} could not be used: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    });
  }

  private formatter<T extends Intl.NumberFormat | Intl.ListFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
    const full = `${this.locale}|${key}`;
    let formatter = this.formatters.get(full);
    if (!formatter) this.formatters.set(full, (formatter = make()));
    return formatter as T;
  }

  private formatCount = (count: number): string => this.formatter('count', () => new Intl.NumberFormat(this.locale)).format(count);

  private formatList = (items: string[]): string => this.formatter('list', () => new Intl.ListFormat(this.locale)).format(items);

  private dayName: DayName = (date, withDate) => {
    const format = this.formatter(`day${withDate}`, () => new Intl.DateTimeFormat(this.locale, withDate ? { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' } : { weekday: 'long', timeZone: 'UTC' }));
    return format.format(Date.UTC(date.year, date.month - 1, date.day));
  };

  /** "850 m · about 12 minutes' walk"; metres under 1 km (to 10 m), kilometres above (to 0.1 km). */
  private distanceText(metres: number): string {
    const unit = (name: string, digits: number) => this.formatter(name, () => new Intl.NumberFormat(this.locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits }));
    const distance = metres < 1000 ? unit('meter', 0).format(Math.max(10, Math.round(metres / 10) * 10)) : unit('kilometer', 1).format(metres / 1000);
    const minutes = walkingMinutes(metres);
    return minutes === 1 ? msg(str`${distance} · about 1 minute's walk`) : msg(str`${distance} · about ${minutes} minutes' walk`);
  }

  private prepared(points: ParsedPoints) {
    const cache = this.preparedCache;
    if (cache && cache.points === points && cache.locale === this.locale) return cache;
    const prepared = preparePoints(points.points, this.locale);
    const collator = new Intl.Collator(this.locale);
    const subdistricts = [...new Set(prepared.map((point) => point.subdistrict).filter(Boolean))];
    const kinds = [...new Set(prepared.map((point) => point.point.kind))].sort((a, b) => collator.compare(kindLabel(a), kindLabel(b)));
    this.preparedCache = { points, locale: this.locale, prepared, subdistricts, kinds };
    return this.preparedCache;
  }

  /** Distances from the position, and the points nearest first: once per position, not per keystroke. */
  private distances(prepared: PreparedPoint[]) {
    const position = this.geolocation.position;
    if (!position) return undefined;
    const cache = this.distanceCache;
    if (cache && cache.prepared === prepared && cache.latitude === position.latitude && cache.longitude === position.longitude) return cache;
    const metres = new Map(prepared.map((point) => [point, distanceMetres(position, point.point)] as const));
    const byDistance = [...prepared].sort((a, b) => metres.get(a)! - metres.get(b)!);
    this.distanceCache = { prepared, latitude: position.latitude, longitude: position.longitude, metres, byDistance };
    return this.distanceCache;
  }

  /** State words of each point at this minute, worked out once per distinct hours (points share a few), when first needed. */
  private stateOf(point: PreparedPoint, now: CivilMoment, calendar: HolidayCalendar | undefined): StateWords {
    const key = `${now.date.day}|${now.minutes}|${this.locale}|${this.timeZone}`;
    if (this.stateCache?.key !== key || this.stateCache.calendar !== calendar) this.stateCache = { key, calendar, states: new Map() };
    let words = this.stateCache.states.get(point.hours);
    if (!words) {
      words = stateWords(hoursState(point.hours, now, calendar), this.dayName);
      this.stateCache.states.set(point.hours, words);
    }
    return words;
  }

  private listing(base: PreparedPoint[], metres: Map<PreparedPoint, number> | undefined, now: CivilMoment, calendar: HolidayCalendar | undefined): Listing {
    // With "Open now" the list changes with the minute: the minute is part of the key.
    const key = [base, this.query, this.subdistrict, this.chosenKinds, this.openNow && `${now.date.day}|${now.minutes}|${this.timeZone}`, this.withinWalk && metres, calendar];
    const cached = this.listingCache;
    if (cached && cached.key.length === key.length && cached.key.every((part, index) => part === key[index])) return cached.listing;
    const words = searchWords(this.query);
    const kindCounts = new Map<string, number>();
    const found: PreparedPoint[] = [];
    for (const point of base) {
      if (this.subdistrict && point.subdistrict !== this.subdistrict) continue;
      if (this.withinWalk && metres && metres.get(point)! > walkLimitMetres) continue;
      if (words.length > 0 && !matchesWords(point, words)) continue;
      if (this.openNow) {
        const tone = this.stateOf(point, now, calendar).tone;
        if (tone !== 'open' && tone !== 'closing') continue;
      }
      kindCounts.set(point.point.kind, (kindCounts.get(point.point.kind) ?? 0) + 1);
      if (this.chosenKinds.size === 0 || this.chosenKinds.has(point.point.kind)) found.push(point);
    }
    const listing = { found, kindCounts };
    this.listingCache = { key, listing };
    return listing;
  }

  override render() {
    return html`<div class="root ${this.careModeActive ? 'care' : ''}" lang=${this.locale}>
      ${this.renderBody()} ${this.announcer.render()}
    </div>`;
  }

  /** A set-up mistake, in English for the web team's console; the citizen sees notSetUp(). */
  private configurationProblem(): string | undefined {
    if (!this.src) return 'src is not set.';
    const badValue = (attribute: string, value: unknown) => `${attribute} has a value it cannot use: "${String(value)}".`;
    if (!directionsServices.includes(this.directions)) return badValue('directions', this.directions);
    if (!(Number.isInteger(this.pageSize) && this.pageSize > 0)) return badValue('page-size', this.pageSize);
    if (!(this.timeout > 0 && this.timeout <= 2_147_483_647)) return badValue('timeout', this.timeout);
    try {
      civilMoment(0, this.timeZone);
    } catch {
      return badValue('time-zone', this.timeZone);
    }
    return undefined;
  }

  /** The citizen's words for any set-up mistake: no attribute names, and another way to find a service point. */
  private notSetUp(problem: string) {
    return notConfigured(this, problem, msg('Service points cannot be shown here at the moment. To find one near you, please call the 12345 hotline.'));
  }

  private renderBody() {
    const configuration = this.configurationProblem();
    if (configuration) return this.notSetUp(configuration);
    const loaded = this.points.state;
    const loading = html`<p class="loading" part="status" role="status">${msg('Loading service points…')}</p>`;
    if (loaded.kind === 'failed' && loaded.error instanceof NotGeoJsonError) {
      return reportProblem(this, `${this.src} cannot be read: ${loaded.error.message}`, msg('The service points cannot be shown: the data is not in a format this widget reads.'));
    }
    if (loaded.kind === 'failed' || (loaded.kind === 'loading' && this.retrying)) {
      const detail = loaded.kind === 'failed' ? (loaded.error instanceof Error ? loaded.error.message : String(loaded.error)) : '';
      return html`${loaded.kind === 'failed' ? reportProblem(this, `${this.src} could not be loaded: ${detail}`, msg('The service points could not be loaded. Check your connection and try again.')) : loading}
        <button type="button" class="retry" aria-disabled=${this.retrying ? 'true' : nothing} @click=${this.retry}>${msg('Try again')}</button>`;
    }
    if (loaded.kind !== 'loaded') return loading;
    const points = loaded.value;
    const { prepared, subdistricts, kinds } = this.prepared(points);
    if (prepared.length === 0) return reportProblem(this, `${this.src} has no point that can be shown.`, msg('There are no service points to show.'));
    const calendar = this.calendar.state.kind === 'loaded' ? this.calendar.state.value : undefined;
    const now = civilMoment(Date.now(), this.timeZone);
    const distances = this.distances(prepared);
    const { found, kindCounts } = this.listing(distances?.byDistance ?? prepared, distances?.metres, now, calendar);
    const visible = found.slice(0, this.shown);
    return html`${this.renderNotes(points, now, calendar)} ${this.renderLocate()} ${this.renderFilters(subdistricts, kinds, kindCounts)}
      <div class="list-status" part="status">
        <span>${found.length === 0 ? msg('No service points match.') : msg(str`Showing ${this.formatCount(visible.length)} of ${this.formatCount(found.length)} service points`)}</span>
        ${found.length === 0 ? html`<button type="button" class="link" @click=${this.clearFilters}>${msg('Clear search and filters')}</button>` : nothing}
      </div>
      <ul class="points">
        ${visible.map((point, index) =>
          pointItem({
            prepared: point,
            index,
            locale: this.locale,
            headingLevel: this.headingLevel,
            state: this.stateOf(point, now, calendar),
            distance: distances ? this.distanceText(distances.metres.get(point)!) : undefined,
            directions: this.directions,
            formatList: this.formatList,
            onChoose: this.choose,
            selected: point === this.selected,
            onShowOnMap: this.pointMap.session ? this.select : undefined,
          }),
        )}
      </ul>
      ${found.length > visible.length
        ? html`<button type="button" class="more" @click=${() => this.showMore(visible.length)}>
            ${msg(str`Show ${this.formatCount(Math.min(this.pageSize, found.length - visible.length))} more`)}
          </button>`
        : nothing}
      ${this.map ? this.pointMap.render() : nothing}`;
  }

  /**
   * A point chosen with "Show on map" or on the map, highlighted in both: its
   * marker takes the focus, or, chosen on the map, its result does (which
   * brings it into view).
   */
  private readonly select = async (point: PreparedPoint, onMap?: boolean): Promise<void> => {
    this.selected = point;
    await this.updateComplete;
    if (onMap) this.shadowRoot?.querySelector<HTMLElement>('.points > .selected .name')?.focus();
    else this.pointMap.session?.focusMarker(point);
  };

  /** The focus stays on the busy button while it loads, then goes to the start of the list's controls, or back to the button. */
  private readonly retry = async (): Promise<void> => {
    if (this.retrying) return;
    this.retrying = true;
    await this.loadPoints();
    this.retrying = false;
    this.requestUpdate();
    await this.updateComplete;
    // A retry that loads a file with nothing to show has neither: its message takes the focus, never <body>.
    const next = this.points.state.kind === 'loaded' ? '#locate' : '.retry';
    focusProgrammatically(this.shadowRoot?.querySelector<HTMLElement>(next) ?? this.shadowRoot?.querySelector<HTMLElement>('.problem'));
  };

  private renderNotes(points: ParsedPoints, now: CivilMoment, calendar: HolidayCalendar | undefined) {
    const notes: string[] = [];
    const skipped = points.skipped.length;
    if (skipped > 0) notes.push(skipped === 1 ? msg('1 service point cannot be shown: its data is incomplete.') : msg(str`${this.formatCount(skipped)} service points cannot be shown: their data is incomplete.`));
    const today = specialDay(now, calendar);
    if (today && !today.off) {
      const name = holidayName(today.name);
      notes.push(msg(str`Today is a make-up workday (${name}): service points keep their weekday hours.`));
    } else if (today?.off) {
      const name = holidayName(today.name);
      notes.push(msg(str`Today is a public holiday (${name}): holiday hours apply.`));
    }
    if (this.calendar.state.kind !== 'loading' && !calendar?.years.has(now.date.year)) notes.push(msg('Holiday opening hours are not confirmed: on public holidays, please call before you go.'));
    return notes.map((note) => html`<p class="notice" part="status">${note}</p>`);
  }

  private renderLocate() {
    const status = this.geolocation.status;
    const messages: Record<string, () => string> = {
      asking: () => msg('Finding your position…'),
      found: () => msg('Sorted by distance from your position, nearest first.'),
      denied: () => msg('Your position was not shared.'),
      unavailable: () => msg('Your position could not be found.'),
      'timed-out': () => msg('Finding your position took too long.'),
    };
    return html`<div class="locate" part="locate">
      ${status === 'found'
        ? html`<button type="button" id="forget-location" @click=${this.forgetLocation}>${msg('Stop using my location')}</button>`
        : html`<button type="button" id="locate" aria-describedby="locate-hint" aria-disabled=${status === 'asking' ? 'true' : nothing} @click=${this.locate}>
            ${msg('Use my location')}
          </button>`}
      <span class="hint" id="locate-hint">${msg('Your position stays on this device: it is only used to sort the list, and is never sent or stored.')}</span>
      ${messages[status]
        ? status === 'found' || status === 'asking'
          ? html`<p class="located">${messages[status]!()}</p>`
          : html`<p class="error-message">${messages[status]!()}</p>
              <p>${msg('You can choose a subdistrict or search instead.')}</p>`
        : nothing}
    </div>`;
  }

  private renderFilters(subdistricts: string[], kinds: string[], counts: Map<string, number>) {
    return html`<div class="filters" part="filters">
      <div class="field">
        <label for="search">${msg('Search by name, address or service')}</label>
        <span class="hint" id="search-hint">${msg('Pinyin works too, for example "xjh" or "xujiahui".')}</span>
        <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${this.query} @input=${this.onSearch} />
      </div>
      ${subdistricts.length > 1
        ? html`<div class="field">
            <label for="subdistrict">${msg('Subdistrict')}</label>
            <select id="subdistrict" @change=${this.onSubdistrict}>
              <option value="" ?selected=${this.subdistrict === ''}>${msg('All subdistricts')}</option>
              ${subdistricts.map((name) => html`<option .value=${name} ?selected=${this.subdistrict === name}>${name}</option>`)}
            </select>
          </div>`
        : nothing}
      ${kinds.length > 1
        ? html`<fieldset>
            <legend>${msg('Kind of service point')}</legend>
            <div class="kinds">
              ${kinds.map(
                (kind) => html`<label class="choice">
                  <input type="checkbox" .checked=${this.chosenKinds.has(kind)} @change=${() => this.toggleKind(kind)} />
                  <span>${kindLabel(kind)} <span class="count">(${this.formatCount(counts.get(kind) ?? 0)})</span></span>
                </label>`,
              )}
            </div>
          </fieldset>`
        : nothing}
      <label class="choice"><input type="checkbox" id="open-now" .checked=${this.openNow} @change=${this.onOpenNow} />${msg('Open now')}</label>
      ${this.geolocation.status === 'found'
        ? html`<label class="choice"><input type="checkbox" id="within-walk" .checked=${this.withinWalk} @change=${this.onWithinWalk} />${msg('Within a 15-minute walk')}</label>`
        : nothing}
    </div>`;
  }

  private filtered(): void {
    this.shown = this.pageSize;
    this.announcer.announceWhenPaused(() => {
      const count = this.listingCache?.listing.found.length ?? 0;
      return count === 0 ? msg('No service points match.') : count === 1 ? msg('1 service point found') : msg(str`${this.formatCount(count)} service points found`);
    });
  }

  private readonly onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.filtered();
  };

  private readonly onSubdistrict = (event: Event): void => {
    this.subdistrict = (event.target as HTMLSelectElement).value;
    this.filtered();
  };

  private toggleKind(kind: string): void {
    const chosen = new Set(this.chosenKinds);
    if (!chosen.delete(kind)) chosen.add(kind);
    this.chosenKinds = chosen;
    this.filtered();
  }

  private readonly onOpenNow = (event: Event): void => {
    this.openNow = (event.target as HTMLInputElement).checked;
    this.filtered();
  };

  private readonly onWithinWalk = (event: Event): void => {
    this.withinWalk = (event.target as HTMLInputElement).checked;
    this.filtered();
  };

  private readonly clearFilters = (): void => {
    this.query = '';
    this.subdistrict = '';
    this.chosenKinds = new Set();
    this.openNow = false;
    this.withinWalk = false;
    this.filtered();
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#search')?.focus());
  };

  /** Busy, not disabled, while asking: a disabled button would drop the focus to the page. */
  private readonly locate = async (): Promise<void> => {
    if (this.geolocation.status === 'asking') return;
    const outcome = (await this.geolocation.request()) as LocateOutcome;
    this.shown = this.pageSize;
    this.dispatchEvent(new CivicLocatorLocateEvent(outcome));
    if (outcome === 'found') {
      this.announcer.announce(msg('Sorted by distance from your position, nearest first.'));
      // The pressed button is replaced: its successor takes the focus.
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#forget-location')?.focus();
    } else {
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#locate')?.focus();
    }
  };

  private readonly forgetLocation = async (): Promise<void> => {
    this.geolocation.forget();
    this.dropPosition();
    this.shown = this.pageSize;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('#locate')?.focus();
  };

  private readonly choose = (point: PreparedPoint): void => {
    this.dispatchEvent(new CivicLocatorSelectEvent(point.point.feature));
  };

  private async showMore(from: number): Promise<void> {
    this.shown = from + this.pageSize;
    await this.updateComplete;
    // The first point that just appeared takes the focus, so a keyboard reader carries on where the list grew.
    this.shadowRoot?.querySelector<HTMLElement>(`.points > li[data-index="${from}"] .name`)?.focus();
  }
}
