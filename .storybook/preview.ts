import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { careModeAttribute } from '@civic-widgets/core';
import { installFakeFeeds } from './fake-feeds';
import { installFakeOpen311 } from './fake-open311';
import { installFakeServicePoints } from './fake-service-points';
import { installFakeSurveys } from './fake-surveys';
import { resetWidgetStorage } from './reset-widget-storage';
import { themeOf, themes } from './themes';
import { widgetManifest } from './widget-manifests';
// Registers <civic-feedback>, from packages/feedback/src through the "source" condition.
import '@civic-widgets/feedback/define.js';
// Registers <civic-satisfaction-survey>, likewise from packages/satisfaction-survey/src.
import '@civic-widgets/satisfaction-survey/define.js';
// Registers <civic-notice-board>, likewise from packages/notice-board/src.
import '@civic-widgets/notice-board/define.js';
// Registers <civic-service-locator>, likewise from packages/service-locator/src.
import '@civic-widgets/service-locator/define.js';

// Before any story renders, so no widget ever reaches for a real server.
installFakeOpen311();
installFakeSurveys();
installFakeFeeds();
installFakeServicePoints();
// Args tables (attributes, events, slot, CSS properties and parts) come from the widgets' manifests.
// setCustomElementsManifest is the renderer's function, re-exported by the framework
// package, which is the one this repository depends on.
setCustomElementsManifest(widgetManifest);

/**
 * The toolbar's page-wide settings go where a district page puts them: `lang`
 * and `data-civic-care-mode` on <html>, the palette on a wrapper through the
 * public `--civic-*` properties. Set on every render, so whatever one story
 * changed is undone by the next.
 */
const withPageSettings: Decorator = (story, { globals }) => {
  const page = document.documentElement;
  page.lang = typeof globals.locale === 'string' ? globals.locale : 'en';
  page.toggleAttribute(careModeAttribute, globals.careMode === 'on');
  const style = {
    ...themeOf(globals.theme).properties,
    // The page around the widget, and slotted content, follow the palette too.
    background: 'var(--civic-color-background, #ffffff)',
    color: 'var(--civic-color-text, #1b1b1b)',
    padding: '1rem',
  };
  return html`<div class="civic-story" style=${styleMap(style)}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withPageSettings],
  // Without it, text one story typed would reappear in the next with the same endpoint.
  beforeEach: resetWidgetStorage,
  parameters: {
    layout: 'fullscreen',
    // Alphabetical: each widget's English page, then its Chinese pages ("Feedback", "Feedback in 简体中文 …").
    options: { storySort: { method: 'alphabetical', order: ['Widgets', ['Feedback', '*']] } },
    controls: { expanded: true },
    // Violations fail the story's test (the test widget, Vitest) instead of being listed only.
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'Language of the page (<html lang>)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'zh-Hans', title: '简体中文', right: 'zh-Hans' },
          { value: 'zh-Hant', title: '繁體中文', right: 'zh-Hant' },
        ],
      },
    },
    theme: {
      description: 'District palette (public --civic-* custom properties)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: Object.entries(themes).map(([value, theme]) => ({ value, title: theme.title })),
      },
    },
    careMode: {
      description: 'Care mode (适老化) for the whole page: data-civic-care-mode on <html>',
      toolbar: {
        title: 'Care mode',
        icon: 'accessibility',
        dynamicTitle: true,
        items: [
          { value: 'off', title: 'Care mode off' },
          { value: 'on', title: 'Care mode on (适老化)' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'default', careMode: 'off' },
};

export default preview;
