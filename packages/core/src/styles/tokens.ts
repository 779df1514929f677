import { css } from 'lit';

/**
 * Public `--civic-*` properties are the theming API; components read only the
 * private `--_civic-*` ones, so a district re-themes with a handful of tokens and
 * care mode can raise sizes and contrast without fighting the district's values.
 *
 * Sizes start from the reader's own default text size (`medium`), never from the
 * host page's `rem`: many government themes set `html { font-size: 62.5% }` or
 * Bootstrap 3's `10px`, which would shrink every widget to 10 px text. Inside the
 * widget every size is in `em`, so it follows the widget's text size (and care mode).
 */
export const tokens = css`
  :host {
    --_civic-color-text: var(--civic-color-text, #1b1b1b);
    --_civic-color-text-muted: var(--civic-color-text-muted, #505a5f);
    --_civic-color-background: var(--civic-color-background, #ffffff);
    --_civic-color-surface: var(--civic-color-surface, #f3f2f1);
    --_civic-color-border: var(--civic-color-border, #6b7378);
    --_civic-color-primary: var(--civic-color-primary, #005ea5);
    --_civic-color-on-primary: var(--civic-color-on-primary, #ffffff);
    --_civic-color-focus: var(--civic-color-focus, #ffbf47);
    --_civic-color-error: var(--civic-color-error, #b10e1e);
    --_civic-color-success: var(--civic-color-success, #00703c);
    --_civic-color-scheme: var(--civic-color-scheme, light);
    --_civic-font-family: var(--civic-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --_civic-font-size: var(--civic-font-size, medium);
    --_civic-line-height: var(--civic-line-height, 1.5);
    --_civic-space: var(--civic-space, 1em);
    --_civic-radius: var(--civic-radius, 4px);
    --_civic-target-size: var(--civic-target-size, 44px);
    --_civic-max-width: var(--civic-max-width, 40em);
  }

  /* 适老化: at least 18 px text, 48 px targets, high contrast, one column. */
  .care {
    --_civic-color-text: var(--civic-care-color-text, #000000);
    --_civic-color-text-muted: var(--civic-care-color-text, #000000);
    --_civic-color-background: var(--civic-care-color-background, #ffffff);
    --_civic-color-border: #000000;
    --_civic-color-primary: var(--civic-care-color-primary, #00366b);
    --_civic-font-size: max(18px, var(--civic-care-font-size, 1.25em));
    --_civic-line-height: 1.6;
    --_civic-target-size: max(48px, var(--civic-target-size, 48px));
  }

  /* Traditional text in Traditional glyph shapes: TC fonts first (the default stack leads with SC fonts). */
  .root:lang(zh-Hant) {
    --_civic-font-family: var(--civic-font-family, system-ui, -apple-system, 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', sans-serif);
  }
`;
