import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import { fakeEndpoint } from '../.storybook/fake-open311';
import { earlierReportRefused, earlierReportSent } from './earlier-outcomes';
import {
  feedbackArgTypes,
  fillInAndSend,
  keyStates,
  renderFeedback,
  shown,
  widgetRoot,
  type FeedbackArgs,
  type FeedbackStory,
} from './feedback-story-kit';

/**
 * `<civic-feedback>` against the fake Open311 server of this Storybook
 * (.storybook/fake-open311.ts): the endpoint's scenario picks how the server
 * behaves. English catalog here; the Chinese pages show the key states with the
 * district's Chinese catalog.
 */
const meta = {
  title: 'Widgets/Feedback',
  component: 'civic-feedback',
  tags: ['autodocs'],
  argTypes: feedbackArgTypes,
  args: { endpoint: fakeEndpoint('ok', 'en') },
  render: renderFeedback,
} satisfies Meta<FeedbackArgs>;

export default meta;

const key = keyStates('en');
const submitting = { 'min-fill-time': 0 } satisfies FeedbackArgs;

export const Empty: FeedbackStory = key.Empty;

/** The hotline's five request types become option groups; the chosen category's description shows as a hint. */
export const CategoriesGrouped: FeedbackStory = {
  play: async (context) => {
    const root = widgetRoot(context);
    const select = await shown<HTMLSelectElement>(root, '#category');
    await expect([...select.querySelectorAll('optgroup')].map((group) => group.label)).toEqual([
      'Question',
      'Help',
      'Complaint',
      'Suggestion',
      'Praise',
    ]);
    await userEvent.selectOptions(select, 'street-vending');
    await shown(root, '#category-hint');
  },
};

/** A category with `metadata: true`: its service definition adds a field for every Open311 datatype and a note. */
export const CategoryWithDynamicAttributes: FeedbackStory = {
  play: async (context) => {
    const root = widgetRoot(context);
    await userEvent.selectOptions(await shown<HTMLSelectElement>(root, '#category'), 'noise');
    await shown(root, '.note');
    await expect(root.querySelectorAll('[id^="attribute-"]').length).toBeGreaterThanOrEqual(7);
  },
};

/** Send pressed with nothing filled in: the error summary takes the focus and links to each field. */
export const ValidationErrors: FeedbackStory = key.ValidationErrors;

/** The server has not answered yet (the `slow` scenario never does; the long timeout keeps the widget waiting). */
export const Sending: FeedbackStory = {
  args: { endpoint: fakeEndpoint('slow', 'en'), timeout: 86_400_000, ...submitting },
  play: async (context) => {
    const root = widgetRoot(context);
    await fillInAndSend(root, 'en');
    await shown(root, 'form button.primary[aria-disabled="true"]');
  },
};

export const SuccessWithTrackingNumber: FeedbackStory = key.Success;

/** No connection: the report is kept on the device and sent later by the outbox. */
export const QueuedOffline: FeedbackStory = key.QueuedOffline;

/** The server refused the report (HTTP 400) and said why; what was entered stays. */
export const ServerError: FeedbackStory = {
  args: { endpoint: fakeEndpoint('refused', 'en'), ...submitting },
  play: async (context) => {
    const root = widgetRoot(context);
    await fillInAndSend(root, 'en');
    await expect((await shown(root, '.refusal')).textContent).toContain('outside the district');
  },
};

/** A report kept on this device on an earlier visit has since been delivered: its tracking number shows above the form. */
export const EarlierReportSent: FeedbackStory = {
  beforeEach: () => earlierReportSent(),
  play: async (context) => {
    await expect((await shown(widgetRoot(context), '.delivered-later')).textContent).toContain('SH-2026-000987');
  },
};

export const HeldSend: FeedbackStory = key.HeldSend;
export const RemovalConfirmation: FeedbackStory = key.RemovalConfirmation;
export const AskBeforeShowingReceipt: FeedbackStory = key.AskBeforeShowingReceipt;
export const WaitingAfterReload: FeedbackStory = key.WaitingAfterReload;
export const PhotosDroppedAfterReload: FeedbackStory = key.PhotosDroppedAfterReload;
export const CatalogueTooLarge: FeedbackStory = key.CatalogueTooLarge;

/** A report kept on an earlier visit was refused later: the reason shows, and it can go back into the form. */
export const EarlierReportRefused: FeedbackStory = {
  beforeEach: earlierReportRefused,
  play: async (context) => {
    await expect((await shown(widgetRoot(context), '.delivered-later')).textContent).toContain('outside the district');
  },
};

/** Every request fails (the `down` scenario): the citizen can try again. Logs one console error, on purpose. */
export const CouldNotLoad: FeedbackStory = {
  args: { endpoint: fakeEndpoint('down', 'en') },
  play: async (context) => {
    await shown(widgetRoot(context), '.problem');
  },
};

export const ProgressLookup: FeedbackStory = key.ProgressLookup;

/** A tracking number the district's system does not know. */
export const ProgressNotFound: FeedbackStory = {
  play: async (context) => {
    const root = widgetRoot(context);
    await userEvent.click(await shown(root, 'form button.link'));
    await userEvent.type(await shown(root, '#reference'), 'SH-2026-999999');
    await userEvent.click(await shown(root, 'form.progress button.primary'));
    await expect((await shown(root, '.outcome-problem')).textContent).toContain('No report has this tracking number');
  },
};

/** Two photos added: thumbnails drawn on canvas (no blob: URLs, so a strict CSP allows them), each removable. */
export const WithPhotos: FeedbackStory = {
  play: async (context) => {
    const root = widgetRoot(context);
    const photo = async (colour: string, name: string) => {
      const canvas = new OffscreenCanvas(640, 480);
      const drawing = canvas.getContext('2d')!;
      drawing.fillStyle = colour;
      drawing.fillRect(0, 0, 640, 480);
      return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
    };
    await userEvent.upload(await shown<HTMLInputElement>(root, '#photos'), [await photo('#7a8b99', 'kerb.png'), await photo('#b5651d', 'drain.png')]);
    await shown(root, '.thumbnails li:nth-child(2) canvas[role="img"]');
  },
};

/** 适老化: larger text and targets, stronger contrast, one column. */
export const CareMode: FeedbackStory = key.CareMode;

/** No endpoint: a plain message for the citizen and one console error for the web team. */
export const NotConfigured: FeedbackStory = {
  args: { endpoint: '' },
  play: async (context) => {
    await shown(widgetRoot(context), '.problem');
  },
};

/** services.json is not valid JSON: the form is not shown, the citizen is told to call 12345. Logs one console error. */
export const BrokenData: FeedbackStory = {
  args: { endpoint: fakeEndpoint('broken', 'en') },
  play: async (context) => {
    await shown(widgetRoot(context), '.problem');
  },
};

/** `service-code` fixes the category: no picker, its questions at once. */
export const PreselectedCategory: FeedbackStory = {
  args: { 'service-code': 'noise' },
  play: async (context) => {
    const root = widgetRoot(context);
    await shown(root, '.note');
    await expect(root.querySelector('#category')).toBeNull();
  },
};

export const LocationRequired: FeedbackStory = {
  args: { location: 'required' },
  play: async (context) => {
    await shown(widgetRoot(context), 'form #address');
  },
};

export const NoPhotos: FeedbackStory = {
  args: { 'max-photos': 0 },
  play: async (context) => {
    const root = widgetRoot(context);
    await shown(root, 'form #description');
    await expect(root.querySelector('#photos')).toBeNull();
  },
};

/** The `notice` slot holds the district's own text, styled by the page. */
export const WithNoticeSlot: FeedbackStory = {
  args: {
    notice: 'In an emergency call 110 (police), 119 (fire) or 120 (ambulance). For anything urgent but not an emergency, call the 12345 citizen hotline.',
  },
  play: async (context) => {
    await shown(widgetRoot(context), 'form #category');
  },
};

/**
 * On a district page with a dark colour scheme: the form keeps its own light
 * background, its checkboxes and fields are drawn for it, and the district's
 * notice takes the form's text colour (the page's own is light).
 */
export const OnADarkPage: FeedbackStory = {
  args: { notice: 'In an emergency call 110, 119 or 120.' },
  decorators: [(story) => html`<div class="dark-host-page">${story()}</div>`],
  play: async (context) => {
    const root = widgetRoot(context);
    await shown(root, 'form #category');
    await expect(getComputedStyle(await shown(root, 'input[type="checkbox"]')).colorScheme).toBe('light');
  },
};

/** Inside a section with its own <h2> (heading-level="3"): the form's heading is an h3, the headings inside it h4. */
export const UnderASectionHeading: FeedbackStory = {
  args: { 'heading-level': 3 },
  decorators: [(story) => html`<h2>Send us a message</h2>${story()}`],
  play: async (context) => {
    await shown(widgetRoot(context), 'h3#form-heading');
  },
};
