import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { resolveLocale } from './locale/resolve-locale.js';
import { activeLocale, requestPageLocale } from './locale/page-locale.js';
import { toSupportedLocale, type SupportedLocale } from './locale/supported-locales.js';
import { observePageAttributes, pageCareMode } from './page-attributes.js';
import { booleanAttribute } from './boolean-attribute.js';
import { headingLevels, isHeadingLevel, type HeadingLevels } from './heading.js';
import { logProblem } from './problem.js';

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
  private requestedLocale?: SupportedLocale;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopObservingPage = observePageAttributes(() => {
      this.pageCareMode = pageCareMode();
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingPage?.();
  }

  /** The locale whose strings are rendered: use it for `Intl` and the inner `lang`. */
  protected get locale(): SupportedLocale {
    return activeLocale();
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
   * Holds the render back until this widget's locale is loaded, so a Chinese page
   * never flashes English. The page locale is requested only when this widget's
   * own resolution changes; two widgets set to different languages therefore do
   * not fight: the last change wins for both.
   */
  protected override async scheduleUpdate(): Promise<void> {
    // The property first: set as a property, `lang` never reaches the attribute.
    const wanted = (this.lang && toSupportedLocale(this.lang)) || resolveLocale(this);
    if (wanted !== this.requestedLocale) {
      this.requestedLocale = wanted;
      await requestPageLocale(wanted);
    }
    super.scheduleUpdate();
  }
}
