import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  baseStyles,
  CivicElement,
  fetchWithTimeout,
  focusProgrammatically,
  LoadController,
  notConfigured,
  PoliteAnnouncer,
  readTextLimited,
  reportProblem,
  ResponseTooLargeError,
} from '@civic-widgets/core';
import { registerNoticeBoardCatalogs } from './catalog.js';
import { version } from './version.js';
import { noticeBoardStyles } from './notice-board-styles.js';
import { CivicAlertDismissEvent, CivicNoticeOpenEvent } from './events.js';
import { parseFeed } from './feeds/parse-feed.js';
import { FeedFormatError, limits, type Notice } from './feeds/notice.js';
import { parseAlertSource, type CapAlert } from './alerts/cap.js';
import { activeAlerts, type ActiveAlert } from './alerts/active-alerts.js';
import { categoriesOf, inBoard, isCurrent, matches, prepareSearch, searchWords, sortNotices } from './notice-query.js';
import { isDismissed, isUnread, markRead, rememberDismissed } from './read-state.js';
import { alertBanner } from './views/alert-banner.js';
import { noticeItem } from './views/notice-item.js';

/** At most this many linked CAP documents are fetched from an Atom alerts feed. */
const maxAlertLinks = 10;
const acceptFeeds = 'application/feed+json, application/json;q=0.9, application/rss+xml, application/atom+xml, application/xml;q=0.8, text/xml;q=0.8';

/**
 * District notices from a JSON Feed, RSS or Atom feed, with category chips,
 * search, unread marks and paging; and, above them, emergency warnings from
 * CAP 1.2 alerts.
 *
 * @summary Notices from JSON Feed, RSS or Atom, and warnings from CAP 1.2.
 *
 * @fires {CivicNoticeOpenEvent} civic-notice-open - A notice was opened (`detail.item`).
 * @fires {CivicAlertDismissEvent} civic-alert-dismiss - A warning was dismissed (`detail.identifier`).
 *
 * @csspart alert - Each warning banner.
 * @csspart filters - The category chips and the search box.
 * @csspart notice - Each notice in the list.
 * @csspart status - Messages: loading, nothing found, problems.
 *
 * @cssprop --civic-color-primary - Links, chips and unread marks. Default #005ea5.
 * @cssprop --civic-color-on-primary - Text on a chosen chip. Default #ffffff.
 * @cssprop --civic-color-text - Body text. Default #1b1b1b.
 * @cssprop --civic-color-text-muted - Dates and file facts. Default #505a5f.
 * @cssprop --civic-color-background - Widget background. Default #ffffff.
 * @cssprop --civic-color-surface - Opened notices and advisory banners. Default #f3f2f1.
 * @cssprop --civic-color-border - Lines between notices. Default #6b7378.
 * @cssprop --civic-color-focus - Focus halo. Default #ffbf47.
 * @cssprop --civic-color-error - Severe and extreme warnings. Default #b10e1e.
 * @cssprop --civic-color-scheme - The `color-scheme` native controls are drawn for; set `dark` only with a dark `--civic-color-background`. Default light, whatever the page's scheme.
 * @cssprop --civic-font-family - Typeface. Default the system UI font with CJK fallbacks.
 * @cssprop --civic-font-size - Base text size. Default `medium`: the reader's own default size, whatever the page's root font size (care mode: 1.25 times, at least 18px).
 * @cssprop --civic-line-height - Line height. Default 1.5.
 * @cssprop --civic-space - Base spacing unit. Default 1em (of the widget's text size).
 * @cssprop --civic-radius - Corner radius. Default 4px.
 * @cssprop --civic-target-size - Minimum size of buttons and chips. Default 44px (care mode: at least 48px).
 * @cssprop --civic-max-width - Widest the board grows. Default 40em (of the widget's text size, so wider in care mode).
 * @cssprop --civic-care-color-text - Text in care mode. Default #000000.
 * @cssprop --civic-care-color-background - Background in care mode. Default #ffffff.
 * @cssprop --civic-care-color-primary - Primary colour in care mode. Default #00366b.
 * @cssprop --civic-care-font-size - Base text size in care mode (never below 18px). Default 1.25em (of the base text size).
 */
export class CivicNoticeBoard extends CivicElement {
  static readonly version: string = version;
  static override styles = [baseStyles, noticeBoardStyles];

  // Registered with the class, not by a bare import, so no bundler can drop it as a side effect.
  static {
    registerNoticeBoardCatalogs();
  }

  /** URL of a JSON Feed 1.1, RSS 2.0 or Atom 1.0 feed, recognised by its content. */
  @property() src = '';

  /** URL of a CAP 1.2 alert, or of an Atom feed of CAP alerts (its entries carry them or link to them). */
  @property({ attribute: 'alerts-src' }) alertsSrc = '';

  /** Notices shown at first and added by each "show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** Comma-separated categories (tags): only notices with one of them are shown. */
  @property() categories = '';

  /** Seconds between background refreshes; 0 never refreshes. */
  @property({ type: Number }) refresh = 0;

  /** IANA time zone for dates. */
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Shanghai';

  /** Milliseconds to wait for a feed. */
  @property({ type: Number }) timeout = 15_000;

  /** The largest feed read, in bytes (5 MB, some 10,000 notices); a larger one is not read past this and a message says so. */
  @property({ type: Number, attribute: 'feed-max-bytes' }) feedMaxBytes = 5_000_000;

  /** The largest alert document read (each linked one too), in bytes (1 MB); a larger one is not read past this and a message says so. */
  @property({ type: Number, attribute: 'alerts-max-bytes' }) alertsMaxBytes = 1_000_000;

  /**
   * The feed; its value is the URL the feed came from (relative links and
   * images in notices are resolved against it). A new `src` aborts the request
   * for the old one; a refresh keeps the notices shown.
   */
  private readonly feedLoad = new LoadController<string>(this);
  @state() private notices: Notice[] = [];
  /** New notices from a refresh, held back until the reader asks for them, so nothing moves under them. */
  @state() private arrived: Notice[] = [];
  /** The warnings: a new `alerts-src` aborts the requests for the old one; a refresh that fails keeps those shown. */
  private readonly alertsLoad = new LoadController<CapAlert[]>(this);
  @state() private chosen: ReadonlySet<string> = new Set();
  @state() private search = '';
  @state() private shown = 0;
  @state() private open: ReadonlySet<string> = new Set();
  @state() private dismissed: ReadonlySet<string> = new Set();
  private readonly announcer = new PoliteAnnouncer(this);
  /** A warning was dismissed with nothing after it to take the focus: a confirmation takes it. */
  @state() private alertDismissedNote = false;

  /** How many notices the current filter and search found, for the announcement. */
  private foundCount = 0;
  private lastFeedText?: string;
  /** How many notices the feed had when it had more than a board lists (limits.items); else 0. */
  @state() private truncatedFrom = 0;
  /** The board (current notices within `categories`) and its chips, kept until either changes. */
  private boardCache?: { notices: Notice[]; categories: string; day: number; board: Notice[]; chips: string[] };
  private formatters = new Map<string, Intl.DateTimeFormat>();
  private stopPreparingSearch?: () => void;
  private refreshTimer?: ReturnType<typeof setInterval>;

  private allowedCache: { from: string; allowed: string[] } = { from: '', allowed: [] };

  private get allowed(): string[] {
    if (this.allowedCache.from !== this.categories) {
      const allowed = this.categories
        .split(',')
        .map((category) => category.trim())
        .filter(Boolean);
      this.allowedCache = { from: this.categories, allowed };
    }
    return this.allowedCache.allowed;
  }

  /**
   * Current notices within `categories`, and the chips for them. Rebuilt only
   * when the notices or `categories` change, or at most once a minute for
   * expiry, not at every keystroke.
   */
  private boardOf(now: number): { board: Notice[]; chips: string[] } {
    const minute = Math.floor(now / 60_000);
    const cache = this.boardCache;
    if (cache && cache.notices === this.notices && cache.categories === this.categories && cache.day === minute) return cache;
    const allowed = this.allowed;
    const board = this.notices.filter((notice) => isCurrent(notice, now) && inBoard(notice, allowed));
    this.boardCache = { notices: this.notices, categories: this.categories, day: minute, board, chips: categoriesOf(board) };
    return this.boardCache;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refreshTimer);
    this.stopPreparingSearch?.();
    this.refreshTimer = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: refresh again, as set (what was loading when it left loads again by itself).
    if (this.hasUpdated) this.scheduleRefresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.loadFeed(false);
    if (changed.has('alertsSrc')) this.loadAlerts(false);
    if (changed.has('refresh')) this.scheduleRefresh();
    if (changed.has('pageSize') || changed.has('categories')) this.shown = this.validPageSize ? this.pageSize : 0;
  }

  private get validPageSize(): boolean {
    return Number.isInteger(this.pageSize) && this.pageSize > 0;
  }

  private scheduleRefresh(): void {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
    if (!(this.refresh > 0) || !Number.isFinite(this.refresh)) return;
    this.refreshTimer = setInterval(() => {
      this.loadFeed(true);
      this.loadAlerts(true);
    }, Math.max(this.refresh, 10) * 1000);
  }

  /** `no-cache`: the browser revalidates with the feed's ETag / Last-Modified, and an unchanged feed costs a 304. */
  private async fetchText(url: string, maxBytes: number, signal: AbortSignal): Promise<{ text: string; base: string }> {
    const response = await fetchWithTimeout(new URL(url, document.baseURI), { cache: 'no-cache', headers: { Accept: acceptFeeds }, signal }, this.timeout);
    if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
    return { text: await readTextLimited(response, maxBytes), base: response.url || new URL(url, document.baseURI).href };
  }

  /** `refresh`: a timed reload, whose new notices wait behind "show N new notices" and whose failure changes nothing shown. */
  private loadFeed(refresh: boolean): void {
    const src = this.src;
    if (!src) return;
    void this.feedLoad.load(
      async (signal) => {
        const { text, base } = await this.fetchText(src, this.feedMaxBytes, signal);
        // The same text as the notices listed (a revalidated refresh, or another URL with the same feed): nothing to parse.
        // Parsed and applied without awaiting anything more, so a newer load cannot begin in between.
        if (signal.aborted || text === this.lastFeedText) return base;
        const { notices: parsed, total } = parseFeed(text, base);
        const notices = sortNotices(parsed);
        this.truncatedFrom = total > limits.items ? total : 0;
        this.lastFeedText = text;
        if (refresh && this.feedLoad.state.kind === 'loaded') this.holdNewNotices(notices);
        else this.notices = notices;
        this.stopPreparingSearch?.();
        this.stopPreparingSearch = prepareSearch(notices);
        return base;
      },
      refresh,
    );
  }

  /** Why the feed cannot be shown: once in the console, and in plain words. */
  private feedProblem(error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof FeedFormatError) return reportProblem(this, `The feed at ${this.src} cannot be read: ${detail}`, msg('The notices cannot be shown: the feed is not in a format this board reads.'));
    if (error instanceof ResponseTooLargeError) {
      return reportProblem(this, `The feed at ${this.src} is not read: ${detail} Raise feed-max-bytes, or publish fewer notices.`, msg('The notices cannot be shown: the feed is too large for this board to read.'));
    }
    return reportProblem(this, `The feed at ${this.src} could not be loaded: ${detail}`, msg('The notices could not be loaded. Check your connection and try again later.'));
  }

  /** A refresh: notices already listed are updated in place; new ones wait behind "show N new notices". */
  private holdNewNotices(fresh: Notice[]): void {
    const known = new Set(this.notices.map((notice) => notice.id));
    const byId = new Map(fresh.map((notice) => [notice.id, notice]));
    this.notices = this.notices.flatMap((notice) => (byId.has(notice.id) ? [byId.get(notice.id)!] : []));
    const arrived = fresh.filter((notice) => !known.has(notice.id) && inBoard(notice, this.allowed) && isCurrent(notice, Date.now()));
    // Replaced, not added to: a notice offered by the last refresh and withdrawn since is no longer offered.
    this.arrived = arrived;
    if (arrived.length === 0) return;
    this.announce(arrived.length === 1 ? msg('1 new notice') : msg(str`${arrived.length} new notices`));
  }

  private loadAlerts(refresh: boolean): void {
    const src = this.alertsSrc;
    if (!src) return;
    void this.alertsLoad.load(
      async (signal) => {
        const { text, base } = await this.fetchText(src, this.alertsMaxBytes, signal);
        const source = parseAlertSource(text, base);
        const linked = await Promise.allSettled(
          source.links.slice(0, maxAlertLinks).map(async (link) => {
            const document = await this.fetchText(link, this.alertsMaxBytes, signal);
            return parseAlertSource(document.text, document.base).alerts;
          }),
        );
        return [...source.alerts, ...linked.flatMap((result) => (result.status === 'fulfilled' ? result.value : []))];
      },
      // A refresh that fails keeps the warnings already shown: a warning must not vanish because the network blinked.
      refresh,
    );
  }

  /** Why the warnings could not be checked: once in the console, and in plain words. */
  private alertsProblem(error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    return error instanceof ResponseTooLargeError
      ? reportProblem(
          this,
          `The alerts at ${this.alertsSrc} are not read: ${detail} Raise alerts-max-bytes, or publish fewer info blocks.`,
          msg('Warnings cannot be shown here: the warnings file is too large for this board. Official channels such as radio and SMS still apply.'),
        )
      : reportProblem(this, `The alerts at ${this.alertsSrc} could not be read: ${detail}`, msg('Warnings could not be checked just now. Official channels such as radio and SMS still apply.'));
  }

  /** One Intl.DateTimeFormat per locale, zone and style: making one per date was a large part of every render. */
  private formatter(timeStyle: boolean): Intl.DateTimeFormat {
    const key = `${this.locale}|${this.timeZone}|${timeStyle}`;
    let formatter = this.formatters.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', ...(timeStyle ? { timeStyle: 'short' } : {}), timeZone: this.timeZone });
      this.formatters.set(key, formatter);
    }
    return formatter;
  }

  private formatDate = (date: Date): string => this.formatter(false).format(date);

  private formatDateTime = (date: Date): string => this.formatter(true).format(date);

  private formatCount = (count: number): string => new Intl.NumberFormat(this.locale).format(count);

  private formatSize = (bytes: number): string => {
    // Intl's short "byte" is singular in English ("830 byte") and English in zh-Hant: say it ourselves.
    if (bytes < 1000) return msg(str`${this.formatCount(bytes)} bytes`);
    const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1000, 'kilobyte'];
    return new Intl.NumberFormat(this.locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  };

  private announce(text: string): void {
    this.announcer.announce(text);
  }

  override render() {
    return html`<div class="root ${this.careModeActive ? 'care' : ''}" lang=${this.locale}>
      ${this.renderBody()}
      ${this.announcer.render()}
    </div>`;
  }

  /** A set-up mistake, in English for the web team's console; the reader sees notSetUp(). */
  private configurationProblem(): string | undefined {
    if (!this.src && !this.alertsSrc) return 'Neither src nor alerts-src is set.';
    if (!this.validPageSize || !(this.refresh >= 0) || !(this.timeout > 0 && this.timeout <= 2_147_483_647)) {
      return `page-size must be a whole number above 0, refresh 0 or more seconds, and timeout a number of milliseconds above 0 (not "${this.pageSize}", "${this.refresh}" and "${this.timeout}").`;
    }
    if (!(this.feedMaxBytes > 0) || !(this.alertsMaxBytes > 0)) {
      return `feed-max-bytes and alerts-max-bytes must be numbers of bytes above 0 (not "${this.feedMaxBytes}" and "${this.alertsMaxBytes}").`;
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: this.timeZone });
    } catch {
      return `time-zone "${this.timeZone}" is not an IANA time zone.`;
    }
    return undefined;
  }

  /** The reader's words for any set-up mistake: no attribute names, and another way to find out. */
  private notSetUp(problem: string) {
    return notConfigured(this, problem, msg('The notices cannot be shown here at the moment. For urgent questions, please call the 12345 hotline.'));
  }

  private renderBody() {
    const configuration = this.configurationProblem();
    if (configuration) return this.notSetUp(configuration);
    return html`${this.renderAlerts()} ${this.src ? this.renderNotices() : nothing}`;
  }

  private renderAlerts() {
    const alerts = this.alertsLoad.state;
    if (alerts.kind === 'failed') return this.alertsProblem(alerts.error);
    const shown = activeAlerts(alerts.kind === 'loaded' ? alerts.value : [], this.locale, Date.now()).filter((alert) => alert.urgent || !(this.dismissed.has(alert.version) || isDismissed(alert.version)));
    return html`${shown.map((alert) => alertBanner(alert, this.formatDateTime, this.dismissAlert, this.formatCount, this.headings))}
    ${this.alertDismissedNote && shown.length === 0
      ? html`<p id="alert-dismissed" class="alert-dismissed" part="status" tabindex="-1">${msg('Warning dismissed. It will not show again on this device.')}</p>`
      : nothing}`;
  }

  /**
   * The banner is gone: the reader goes on at what follows it (the next
   * warning's dismiss button, or the search box), else at the urgent warning
   * above it, never at nothing (the top of the page). With nothing after it, a short confirmation in its
   * place takes the focus.
   */
  private readonly dismissAlert = (alert: ActiveAlert): void => {
    rememberDismissed(alert.version);
    this.dismissed = new Set([...this.dismissed, alert.version]);
    this.dispatchEvent(new CivicAlertDismissEvent(alert.identifier));
    void this.updateComplete.then(async () => {
      const next = ['.alert button', '#notice-search', '.alert h2'].map((selector) => this.shadowRoot?.querySelector<HTMLElement>(selector)).find(Boolean);
      if (next) return focusProgrammatically(next);
      this.alertDismissedNote = true;
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#alert-dismissed')?.focus();
    });
  };

  private renderNotices() {
    const feed = this.feedLoad.state;
    if (feed.kind === 'failed') return this.feedProblem(feed.error);
    if (feed.kind !== 'loaded') return html`<p class="loading" part="status" role="status">${msg('Loading notices…')}</p>`;
    const { board, chips: categories } = this.boardOf(Date.now());
    // Only chips on screen filter: a chosen category gone from the board (after a refresh or a new
    // `categories`), or a lone category without chips, would hide notices with no way to undo it.
    const chosen = categories.length > 1 ? new Set([...this.chosen].filter((category) => categories.includes(category))) : new Set<string>();
    const words = searchWords(this.search);
    const filter = { allowed: this.allowed, chosen };
    const found = chosen.size === 0 && words.length === 0 ? board : board.filter((notice) => matches(notice, filter, words));
    const visible = found.slice(0, this.shown);
    this.foundCount = found.length;
    return html`${this.renderFilters(categories)}
      <div class="list-status" part="status">
        ${this.arrived.length > 0
          ? html`<button type="button" class="link" @click=${this.showArrived}>
              ${this.arrived.length === 1 ? msg('Show 1 new notice') : msg(str`Show ${this.arrived.length} new notices`)}
            </button>`
          : html`<span>${board.length === 0 ? msg('There are no notices at the moment.') : found.length === 0 ? msg('No notices match.') : msg(str`Showing ${this.formatCount(visible.length)} of ${this.formatCount(found.length)}`)}</span>`}
      </div>
      ${this.truncatedFrom > 0
        ? html`<p class="truncated">${msg(str`This feed has ${this.formatCount(this.truncatedFrom)} notices; the first ${this.formatCount(limits.items)} are listed here.`)}</p>`
        : nothing}
      <ul class="notices">
        ${visible.map((notice, index) =>
          noticeItem({
            notice,
            index,
            open: this.open.has(notice.id),
            unread: isUnread(notice),
            formatDate: this.formatDate,
            formatSize: this.formatSize,
            base: feed.value,
            onToggle: this.toggle,
            onFollow: this.follow,
            levels: this.headings,
            onSanitizerReady: () => this.requestUpdate(),
          }),
        )}
      </ul>
      ${found.length > visible.length
        ? html`<button type="button" class="more" @click=${() => this.showMore(visible.length)}>${msg('Show more notices')}</button>`
        : nothing}`;
  }

  private renderFilters(categories: string[]) {
    return html`<div class="filters" part="filters">
      ${categories.length > 1
        ? html`<div class="chips" role="group" aria-label=${msg('Categories')}>
            ${categories.map(
              (category) => html`<button type="button" class="chip" aria-pressed=${this.chosen.has(category) ? 'true' : 'false'} @click=${() => this.toggleCategory(category)}>
                ${category}
              </button>`,
            )}
          </div>`
        : nothing}
      <div class="search field">
        <label for="notice-search">${msg('Search notices')}</label>
        <input id="notice-search" type="search" autocomplete="off" .value=${this.search} @input=${this.onSearch} />
      </div>
    </div>`;
  }

  private toggleCategory(category: string): void {
    const chosen = new Set(this.chosen);
    if (!chosen.delete(category)) chosen.add(category);
    this.chosen = chosen;
    this.shown = this.pageSize;
    this.announceCount();
  }

  private readonly onSearch = (event: Event): void => {
    this.search = (event.target as HTMLInputElement).value;
    this.shown = this.pageSize;
    this.announceCount();
  };

  /** The number of results, said once the reader pauses, not at every keystroke. */
  private announceCount(): void {
    this.announcer.announceWhenPaused(() => {
      const count = this.foundCount;
      return count === 0 ? msg('No notices match.') : count === 1 ? msg('1 notice found') : msg(str`${this.formatCount(count)} notices found`);
    }, 600);
  }

  private readonly toggle = (notice: Notice): void => {
    const open = new Set(this.open);
    if (open.delete(notice.id)) {
      this.open = open;
      return;
    }
    open.add(notice.id);
    this.open = open;
    markRead(notice);
    this.dispatchEvent(new CivicNoticeOpenEvent(notice));
  };

  private readonly follow = (notice: Notice): void => {
    markRead(notice);
    // Read state lives in storage, not in a reactive property: redraw the mark (the link may open in a new tab).
    this.requestUpdate();
    this.dispatchEvent(new CivicNoticeOpenEvent(notice));
  };

  private async showMore(from: number): Promise<void> {
    this.shown = from + this.pageSize;
    await this.updateComplete;
    // Focus the first notice that just appeared, so a keyboard reader carries on where the list grew.
    this.shadowRoot?.querySelector<HTMLElement>(`.notices > li[data-index="${from}"] .title`)?.focus();
  }

  /** Focus goes to the first of the new notices, not to whatever is on top (a pinned one, say). */
  private readonly showArrived = async (): Promise<void> => {
    const arrived = new Set(this.arrived.map((notice) => notice.id));
    this.notices = sortNotices([...this.arrived, ...this.notices]);
    this.arrived = [];
    await this.updateComplete;
    const first = [...(this.shadowRoot?.querySelectorAll<HTMLElement>('.notices > li') ?? [])].find((item) => arrived.has(item.dataset.id ?? ''));
    first?.querySelector<HTMLElement>('.title')?.focus();
  };
}
