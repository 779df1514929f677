/**
 * District palettes, applied only through the widgets' public `--civic-*`
 * properties, as a district web team would. Every pair meets WCAG AA: text and
 * links at least 4.5:1 on the background and on the surface, borders and the
 * focus colour at least 3:1, care-mode primary at least 7:1. Fonts are local
 * stacks (Storybook must not fetch web fonts from a third party), Latin faces
 * first: a CJK face first sets English apostrophes and quotes full-width.
 */
export interface Theme {
  title: string;
  properties: Record<string, string>;
}

export const themes = {
  default: { title: 'Default (widget’s own tokens)', properties: {} },
  riverside: {
    title: 'Riverside District (deep green)',
    properties: {
      '--civic-color-primary': '#0b5d3b', // 7.95:1 on white
      '--civic-color-on-primary': '#ffffff',
      '--civic-color-text': '#12261b',
      '--civic-color-text-muted': '#3f5247', // 7.36:1 on the surface
      '--civic-color-background': '#ffffff',
      '--civic-color-surface': '#e8f3ec',
      '--civic-color-border': '#587064', // 5.36:1
      '--civic-color-focus': '#b25000', // 4.57:1 on the surface: visible even where it is the only outline
      '--civic-color-success': '#0b5d3b',
      '--civic-care-color-primary': '#003d28', // 12.4:1
      '--civic-font-family': "'Helvetica Neue', Arial, 'Liberation Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
      '--civic-radius': '8px',
    },
  },
  oldTown: {
    title: 'Old Town District (red)',
    properties: {
      '--civic-color-primary': '#9b1b1b', // 7.99:1 on the background
      '--civic-color-on-primary': '#ffffff',
      '--civic-color-text': '#2a1a12',
      '--civic-color-text-muted': '#5a463a', // 7.70:1 on the surface
      '--civic-color-background': '#fffcf6',
      '--civic-color-surface': '#f8eedd',
      '--civic-color-border': '#7a6252', // 5.55:1
      '--civic-color-focus': '#1f4e9c', // 6.95:1 on the surface; blue, so it never reads as an error
      '--civic-color-success': '#1d6b3a',
      '--civic-care-color-primary': '#6e1010', // 11.8:1
      '--civic-font-family': "Georgia, 'Times New Roman', 'Liberation Serif', 'Songti SC', SimSun, 'Noto Serif CJK SC', serif",
      '--civic-radius': '0',
    },
  },
} satisfies Record<string, Theme>;

export type ThemeName = keyof typeof themes;

export function themeOf(name: unknown): Theme {
  return typeof name === 'string' && name in themes ? themes[name as ThemeName] : themes.default;
}
