import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { resolveLocale } from './locale/resolve-locale.js';
import { activeLocale, requestPageLocale } from './locale/page-locale.js';
import { toSupportedLocale, type SupportedLocale } from './locale/supported-locales.js';
import { observePageAttributes, pageCareMode } from './page-attributes.js';
import { booleanAttribute } from './boolean-attribute.js';

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
