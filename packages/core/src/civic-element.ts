import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resolveLocale } from './locale/resolve-locale.js';
import { loadCatalogs } from './locale/catalogs.js';
import { inLocale, setAmbientLocale } from './locale/rendering-locale.js';
import { sourceLocale, toSupportedLocale, type SupportedLocale } from './locale/supported-locales.js';
import { observePageAttributes, pageCareMode } from './page-attributes.js';
import { booleanAttribute } from './boolean-attribute.js';
import { headingLevels, isHeadingLevel, type HeadingLevels } from './heading.js';
import { logProblem } from './problem.js';
import { adoptPropertyNamedAttributes } from './property-named-attributes.js';

/**
 * What every Civic widget shares: the language it speaks and care mode (适老化).
 * This is a base class, not a custom element: each widget registers its own tag.
 */
export abstract class CivicElement extends LitElement {
  /**
   * Overrides the language; otherwise the closest `[lang]`, then the browser.
   * Not reflected: an empty `lang=""` on the host would mark slotted content as
   * of unknown language.
   */
  @property() override lang = '';

  /**
   * Large text, large targets and high contrast; `data-civic-care-mode` on `<html>` turns it on page-wide.
   * `care-mode="false"` (as frameworks write it) is off.
   */
  @property({ type: Boolean, reflect: true, attribute: 'care-mode', converter: booleanAttribute }) careMode = false;

  /**
   * The level (1–6) of the widget's top headings, to fit the page's outline: under
   * the page's `<h1>` 2, inside a section with its own `<h2>` 3. Headings inside
   * the widget are one level below. Another value is read as 2, with one console error.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private pageCareMode = pageCareMode();

  private stopObservingPage?: () => void;
  /** The locale this widget resolved to, and the one it renders (English until that one's catalog is in). */
  private wantedLocale?: SupportedLocale;
  private renderedLocale: SupportedLocale = sourceLocale;

  override connectedCallback(): void {
    // Once, before the first render: a framework that rendered the tag before it was defined left its props as attributes.
    if (!this.hasUpdated) adoptPropertyNamedAttributes(this);
    super.connectedCallback();
    this.addEventListener('focusin', this.noteInteraction);
    this.stopObservingPage = observePageAttributes(() => {
      this.pageCareMode = pageCareMode();
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingPage?.();
    this.removeEventListener('focusin', this.noteInteraction);
  }

  /** The locale whose strings are rendered: use it for `Intl` and the inner `lang`. */
  protected get locale(): SupportedLocale {
    return this.renderedLocale;
  }

  /** The levels to render headings at (see topHeading and innerHeading). */
  protected get headings(): HeadingLevels {
    return headingLevels(this.headingLevel);
  }

  // In update(), not willUpdate(): widgets override willUpdate without calling super.
  protected override update(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel') && !isHeadingLevel(this.headingLevel)) {
      logProblem(this, `heading-level must be a whole number from 1 to 6, not "${this.getAttribute('heading-level') ?? this.headingLevel}"; headings start at level 2.`);
    }
    super.update(changed);
  }

  protected get careModeActive(): boolean {
    return this.careMode || this.pageCareMode;
  }

  /**
   * Holds the render back until this widget's catalog is loaded, so a Chinese
   * page does not flash English; after `localeWait` ms (a slow link) it renders
   * in English and again when the catalog arrives. A catalog that fails leaves
   * the widget in English. Each widget keeps its own locale (see inLocale()).
   */
  protected override async scheduleUpdate(): Promise<void> {
    let wanted = this.resolveOwnLocale();
    while (wanted !== this.wantedLocale) {
      this.wantedLocale = wanted;
      this.renderedLocale = await this.prepareLocale(wanted);
      // `lang` may have changed while the catalog was loading.
      wanted = this.resolveOwnLocale();
    }
    super.scheduleUpdate();
  }

  /** Every msg() in willUpdate, render and updated speaks this widget's locale. */
  protected override performUpdate(): void {
    setAmbientLocale(this.renderedLocale);
    inLocale(this.renderedLocale, () => super.performUpdate());
  }

  private resolveOwnLocale(): SupportedLocale {
    // The property first: set as a property, `lang` never reaches the attribute.
    return (this.lang && toSupportedLocale(this.lang)) || resolveLocale(this);
  }

  private async prepareLocale(locale: SupportedLocale): Promise<SupportedLocale> {
    const loaded = loadCatalogs(locale, this.constructor);
    const outcome = await Promise.race([loaded, new Promise<'late'>((resolve) => setTimeout(resolve, localeWait, 'late'))]);
    if (outcome !== 'late') return outcome ? locale : sourceLocale;
    void loaded.then((ok) => {
      if (!ok || this.wantedLocale !== locale) return;
      this.wantedLocale = undefined;
      this.requestUpdate();
    });
    return sourceLocale;
  }

  /** Whatever a citizen does in a widget starts with focus there: what it announces later speaks its language. */
  private readonly noteInteraction = (): void => setAmbientLocale(this.renderedLocale);
}

/** How long a widget waits for its catalog before it renders in English meanwhile. */
const localeWait = 3000;
