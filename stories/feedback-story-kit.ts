import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Decorator, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fakeEndpoint } from '../.storybook/fake-open311';
import { attributeArgTypes } from './manifest-arg-types';
import { earlierReportSent, reportWaiting } from './earlier-outcomes';

/** Args by attribute name, as the manifest lists them, plus the `notice` slot, CSS custom properties and the event actions. */
export interface FeedbackArgs {
  [cssProperty: `--${string}`]: string | undefined;
  endpoint?: string;
  'api-key'?: string;
  'jurisdiction-id'?: string;
  'service-code'?: string;
  'privacy-url'?: string;
  location?: string;
  'max-photos'?: number;
  timeout?: number;
  'min-fill-time'?: number;
  'time-zone'?: string;
  'max-response-bytes'?: number;
  lang?: string;
  'heading-level'?: number;
  'care-mode'?: boolean;
  notice?: string;
  onCivicFeedbackSubmit?: (event: Event) => void;
  onCivicFeedbackSuccess?: (event: Event) => void;
  onCivicFeedbackQueued?: (event: Event) => void;
  onCivicFeedbackError?: (event: Event) => void;
}

export type FeedbackStory = StoryObj<FeedbackArgs>;
export type Language = 'en' | 'zh';

export const feedbackArgTypes = attributeArgTypes('civic-feedback');

const text = (value: string | number | undefined) => ifDefined(value === undefined || value === '' ? undefined : String(value));

/** `--civic-*` args set on the element itself, where they win over the toolbar's palette. */
function customProperties(args: FeedbackArgs): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter((entry): entry is [string, string] => entry[0].startsWith('--') && typeof entry[1] === 'string' && entry[1] !== ''),
  );
}

/** Plain attributes through lit bindings: values are escaped, nothing is parsed as HTML. */
export function renderFeedback(args: FeedbackArgs) {
  return html`<civic-feedback
    style=${styleMap(customProperties(args))}
    endpoint=${text(args.endpoint)}
    api-key=${text(args['api-key'])}
    jurisdiction-id=${text(args['jurisdiction-id'])}
    service-code=${text(args['service-code'])}
    privacy-url=${text(args['privacy-url'])}
    location=${text(args.location)}
    max-photos=${text(args['max-photos'])}
    timeout=${text(args.timeout)}
    min-fill-time=${text(args['min-fill-time'])}
    time-zone=${text(args['time-zone'])}
    max-response-bytes=${text(args['max-response-bytes'])}
    lang=${text(args.lang)}
    heading-level=${text(args['heading-level'])}
    ?care-mode=${args['care-mode'] === true}
    @civic-feedback-submit=${args.onCivicFeedbackSubmit}
    @civic-feedback-success=${args.onCivicFeedbackSuccess}
    @civic-feedback-queued=${args.onCivicFeedbackQueued}
    @civic-feedback-error=${args.onCivicFeedbackError}
    >${args.notice ? html`<p slot="notice" class="district-notice">${args.notice}</p>` : nothing}</civic-feedback
  >`;
}

/**
 * Puts a story in a language on its own element, never on <html>: a docs page
 * renders all of a file's stories in one document, and the page's own language
 * comes from the toolbar.
 */
export function inLanguage(lang: string): Decorator<FeedbackArgs> {
  return (story) => html`<div lang=${lang}>${story()}</div>`;
}

// ---- Play helpers: the widget's shadow root, found by ids and classes so one play works in every language.

type Canvas = Pick<StoryContext, 'canvasElement'>;

export function widgetRoot({ canvasElement }: Canvas): ShadowRoot {
  const widget = canvasElement.querySelector('civic-feedback');
  if (!widget?.shadowRoot) throw new Error('<civic-feedback> did not render');
  return widget.shadowRoot;
}

/** Waits until `selector` is in the widget (the fake server answers after a short delay). */
export function shown<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): Promise<T> {
  return waitFor(
    () => {
      const element = root.querySelector<T>(selector);
      if (!element) throw new Error(`${selector} is not shown`);
      return element;
    },
    { timeout: 5000 },
  );
}

const sampleReport: Record<Language, { category: string; description: string }> = {
  en: { category: 'road-damage', description: 'Loose paving stones outside 88 Huaihai Road; an elderly neighbour tripped there yesterday.' },
  zh: { category: 'road-damage', description: '淮海中路 88 号门口人行道地砖松动，昨天有老人在此绊倒。' },
};

/** Chooses a category, describes the problem and presses Send. */
export async function fillInAndSend(root: ShadowRoot, language: Language): Promise<void> {
  const report = sampleReport[language];
  await userEvent.selectOptions(await shown<HTMLSelectElement>(root, '#category'), report.category);
  await userEvent.type(await shown(root, '#description'), report.description);
  await userEvent.click(await shown(root, 'form button.primary'));
}

/** Stories that submit do so at once; a real citizen takes longer than the bot threshold. */
const submitting = { 'min-fill-time': 0 } satisfies FeedbackArgs;

// ---- The key states, shared by the English page and the Chinese pages.

export function keyStates(language: Language) {
  const endpoint = (scenario: Parameters<typeof fakeEndpoint>[0]) => fakeEndpoint(scenario, language);
  return {
    Empty: {
      args: { endpoint: endpoint('ok') },
      play: async (context) => {
        await shown(widgetRoot(context), 'form #category');
      },
    },
    ValidationErrors: {
      args: { endpoint: endpoint('ok'), ...submitting },
      play: async (context) => {
        const root = widgetRoot(context);
        await userEvent.click(await shown(root, 'form button.primary'));
        const summary = await shown(root, '.error-summary');
        await expect(summary.querySelectorAll('li')).toHaveLength(2);
        await waitFor(() => expect(root.activeElement).toBe(summary));
      },
    },
    Success: {
      args: { endpoint: endpoint('ok'), ...submitting },
      play: async (context) => {
        const root = widgetRoot(context);
        await fillInAndSend(root, language);
        await expect((await shown(root, '.outcome.sent .tracking-number')).textContent).toBe('SH-2026-001234');
      },
    },
    QueuedOffline: {
      args: { endpoint: endpoint('offline'), ...submitting },
      play: async (context) => {
        const root = widgetRoot(context);
        await fillInAndSend(root, language);
        await shown(root, '.outcome.queued #outcome-heading');
      },
    },
    /** Send pressed sooner than `min-fill-time` (here ten minutes): the valid report is held, shown as sending, never dropped. */
    HeldSend: {
      args: { endpoint: endpoint('ok'), 'min-fill-time': 600_000 },
      play: async (context) => {
        const root = widgetRoot(context);
        await fillInAndSend(root, language);
        const button = await shown(root, 'form button.primary[aria-disabled="true"]');
        await waitFor(() => expect(root.activeElement).toBe(button));
      },
    },
    /** "Remove from this device" on the saved panel asks first: a shared computer's next user must not find the report. */
    RemovalConfirmation: {
      args: { endpoint: endpoint('offline'), ...submitting },
      play: async (context) => {
        const root = widgetRoot(context);
        await fillInAndSend(root, language);
        await userEvent.click(await shown(root, '#remove-kept'));
        await waitFor(() => expect(root.activeElement).toBe(root.querySelector('#removal-question')));
      },
    },
    /** A report kept in an earlier browsing session (maybe someone else's) was delivered: its number shows only on request. */
    AskBeforeShowingReceipt: {
      args: { endpoint: endpoint('ok') },
      beforeEach: () => earlierReportSent({ sameSession: false }),
      play: async (context) => {
        const root = widgetRoot(context);
        await shown(root, '.delivered-later .show-receipt');
        await expect(root.querySelector('.tracking-number')).toBeNull();
      },
    },
    /** After a reload in the same browsing session, a report kept earlier still waits: what happens to it, and "remove from this device". */
    WaitingAfterReload: {
      args: { endpoint: endpoint('ok') },
      beforeEach: () => reportWaiting(language),
      play: async (context) => {
        await shown(widgetRoot(context), '.waiting-here #remove-waiting-0');
      },
    },
    /** The page was reloaded with two photos attached: the text came back, the photos could not; the photo section says so. */
    PhotosDroppedAfterReload: {
      args: { endpoint: endpoint('ok') },
      beforeEach: ({ args }) => {
        sessionStorage.setItem(
          `civic-feedback-draft:${args.endpoint}:`,
          JSON.stringify({ serviceCode: sampleReport[language].category, description: sampleReport[language].description, attributes: {}, address: '', photos: 2, savedAt: Date.now() }),
        );
      },
      play: async (context) => {
        await shown(widgetRoot(context), '.dropped-photos');
      },
    },
    /** The server's catalogue is larger than `max-response-bytes` (here 100 bytes, to show it): a plain message and 12345. Logs one console error, on purpose. */
    CatalogueTooLarge: {
      args: { endpoint: endpoint('ok'), 'max-response-bytes': 100 },
      play: async (context) => {
        await shown(widgetRoot(context), '.problem');
      },
    },
    ProgressLookup: {
      args: { endpoint: endpoint('ok') },
      play: async (context) => {
        const root = widgetRoot(context);
        await userEvent.click(await shown(root, 'form button.link'));
        await userEvent.type(await shown(root, '#reference'), 'SH-2026-001234');
        await userEvent.click(await shown(root, 'form.progress button.primary'));
        await shown(root, '.request-status #status-heading');
      },
    },
    CareMode: {
      args: { endpoint: endpoint('ok'), 'care-mode': true },
      play: async (context) => {
        await shown(widgetRoot(context), '.root.care form #category');
      },
    },
  } satisfies Record<string, FeedbackStory>;
}
