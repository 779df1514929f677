import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { lastSurveyResponse, summarySource } from '../.storybook/fake-surveys';
import {
  askForCallBack,
  baseArgs,
  choose,
  inSurvey,
  keyStates,
  ownFrame,
  rateLow,
  renderSurvey,
  send,
  service,
  shown,
  surveyArgTypes,
  surveyRoot,
  words,
  type SurveyArgs,
  type SurveyStory,
} from './survey-story-kit';

/**
 * `<civic-satisfaction-survey>` against the fake survey API of this Storybook
 * (.storybook/fake-surveys.ts): the endpoint's scenario picks how the server
 * behaves. English here; the Chinese pages show the key states with the
 * widget's zh-Hans and zh-Hant catalogs.
 */
const meta = {
  title: 'Widgets/Satisfaction survey',
  id: 'widgets-satisfaction-survey',
  component: 'civic-satisfaction-survey',
  tags: ['autodocs'],
  argTypes: surveyArgTypes,
  args: baseArgs(),
  render: renderSurvey,
} satisfies Meta<SurveyArgs>;

export default meta;

const key = keyStates('en');
const word = words.en;

// ---- Every scale, unanswered.

/** 好差评 (GB/T 39734-2020), the default: five grades in words, the best first. */
export const FiveLevel: SurveyStory = key.Unanswered;

/** Yes/No about a page: without `service-id` the page itself is rated. */
export const Helpful: SurveyStory = {
  args: { scale: 'helpful', 'service-id': '' },
  play: async (context) => {
    const survey = inSurvey(context);
    await survey.findByRole('group', { name: 'Is this page useful?' }, { timeout: 5000 });
    await expect(survey.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent?.trim())).toEqual(['Yes', 'No']);
  },
};

/** CSAT, 1 to 5 in a row, the ends explained in words. */
export const Csat: SurveyStory = {
  args: { scale: 'csat' },
  play: async (context) => {
    const survey = inSurvey(context);
    await expect(await survey.findAllByRole('radio', undefined, { timeout: 5000 })).toHaveLength(5);
    await expect(survey.getByText('1 means very dissatisfied, 5 very satisfied.')).toBeVisible();
  },
};

/** Customer effort, 1 to 7. */
export const Ces: SurveyStory = {
  args: { scale: 'ces', question: 'How easy was it to renew your residence permit?' },
  play: async (context) => {
    const survey = inSurvey(context);
    await survey.findByRole('group', { name: 'How easy was it to renew your residence permit?' }, { timeout: 5000 });
    await expect(survey.getAllByRole('radio')).toHaveLength(7);
  },
};

/** Net Promoter Score, 0 to 10: eleven boxes that wrap on a narrow screen. */
export const Nps: SurveyStory = {
  args: { scale: 'nps' },
  play: async (context) => {
    const survey = inSurvey(context);
    await expect(await survey.findAllByRole('radio', undefined, { timeout: 5000 })).toHaveLength(11);
  },
};

// ---- Answering.

/** Send pressed with no rating: the error summary takes the focus and links to the first grade. */
export const RatingRequired: SurveyStory = {
  play: async (context) => {
    const survey = inSurvey(context);
    const root = surveyRoot(context);
    await send(survey, 'en');
    const summary = await shown(root, '.error-summary');
    await waitFor(() => expect(root.activeElement).toBe(summary));
    await userEvent.click(survey.getByRole('link', { name: 'Choose a rating' }));
    await expect(root.activeElement).toBe(survey.getByRole('radio', { name: word.verySatisfied }));
    await expect(context.args.onCivicSurveySubmit).not.toHaveBeenCalled();
  },
};

/** 不满意 without `callback`: what went wrong and a comment, no call-back offered. */
export const LowRatingFollowUp: SurveyStory = {
  play: async (context) => {
    const survey = inSurvey(context);
    await rateLow(survey, 'en');
    await expect(survey.getByRole('group', { name: /What went wrong/ })).toBeVisible();
    await expect(survey.queryByRole('checkbox', { name: word.callMeBack })).toBeNull();
  },
};

export const LowRatingWithCallBack: SurveyStory = key.LowRatingWithCallBack;

/** "No thanks": a short confirmation takes the focus, and the survey stays away for this visit. */
export const Dismissed: SurveyStory = {
  play: async (context) => {
    const survey = inSurvey(context);
    const root = surveyRoot(context);
    await userEvent.click(survey.getByRole('button', { name: 'No thanks' }));
    const confirmation = await shown(root, '#dismissed');
    await waitFor(() => expect(root.activeElement).toBe(confirmation));
    await expect(confirmation).toHaveTextContent('OK, we will not ask again during this visit.');
    await expect(context.args.onCivicSurveyDismiss).toHaveBeenCalledOnce();
  },
};

export const CallBackValidationErrors: SurveyStory = key.CallBackValidationErrors;

/** A low grade on a numeric scale (NPS 0 to 6) asks what went wrong too. */
export const NpsLowRating: SurveyStory = {
  args: { scale: 'nps' },
  play: async (context) => {
    const survey = inSurvey(context);
    await choose(survey, '4');
    await survey.findByRole('group', { name: /What went wrong/ }, { timeout: 5000 });
  },
};

export const HighRatingFollowUp: SurveyStory = key.HighRatingFollowUp;

export const Sending: SurveyStory = key.Sending;

export const Thanks: SurveyStory = key.Thanks;

/** A low rating with a call-back, sent: the citizen is told they will be called, and the name and phone went with the rating. */
export const ThanksWithCallBack: SurveyStory = {
  args: { callback: true },
  play: async (context) => {
    const survey = inSurvey(context);
    await rateLow(survey, 'en');
    await askForCallBack(survey, 'en');
    await send(survey, 'en');
    await survey.findByText(word.willCallBack, undefined, { timeout: 5000 });
    await expect(lastSurveyResponse()).toMatchObject({
      rating: 2,
      reasons: ['efficiency', 'attitude'],
      callback: { name: 'Li Wei', phone: '139 1234 5678' },
    });
  },
};

export const QueuedOffline: SurveyStory = key.QueuedOffline;

export const Refused: SurveyStory = key.Refused;

// ---- Results.

export const Results: SurveyStory = key.Results;

/** NPS results: eleven grades; satisfied means promoters (9 and 10). */
export const ResultsNps: SurveyStory = {
  args: { mode: 'results', scale: 'nps', 'summary-src': summarySource('ok', service, 'nps') },
  play: async (context) => {
    const survey = inSurvey(context);
    await survey.findByRole('heading', { name: word.resultsHeading }, { timeout: 5000 });
    await expect(survey.getAllByRole('listitem')).toHaveLength(11);
  },
};

/** The summary has not arrived yet (the `slow` scenario never answers). */
export const ResultsLoading: SurveyStory = {
  args: { mode: 'results', 'summary-src': summarySource('slow', service), timeout: 86_400_000 },
  play: async (context) => {
    await shown(surveyRoot(context), '.loading');
  },
};

/** A service nobody has rated yet. */
export const ResultsEmpty: SurveyStory = {
  args: { mode: 'results', 'summary-src': summarySource('empty', service) },
  play: async (context) => {
    await inSurvey(context).findByText('No ratings yet.', undefined, { timeout: 5000 });
  },
};

/** The results cannot be fetched (the `down` scenario). Logs one console error, on purpose. */
export const ResultsFailed: SurveyStory = {
  args: { mode: 'results', 'summary-src': summarySource('down', service) },
  play: async (context) => {
    await expect((await shown(surveyRoot(context), '.problem')).textContent).toContain('could not be loaded');
  },
};

export const ResultsRefreshedAfterRating: SurveyStory = key.ResultsRefreshedAfterRating;

// ---- The state attribute, for the host page.

/**
 * A survey that asks nothing (here: this visitor was not drawn, `sample-rate`
 * 0) says why in its `state` attribute (`not-sampled`; also `answered`,
 * `dismissed`), so the host's CSS hides the heading it put around it:
 * `section:has(> civic-satisfaction-survey[state='not-sampled']) > h2 { display: none }`.
 * The heading is outlined while shown, to see it go.
 */
export const StateHidesHostHeading: SurveyStory = {
  args: { 'sample-rate': 0 },
  render: (args) => html`<style>
      .host-section > h2 { outline: 2px dashed #505a5f; }
      .host-section:has(> civic-satisfaction-survey:is([state='answered'], [state='dismissed'], [state='not-sampled'])) > h2 { display: none; }
    </style>
    <section class="host-section"><h2>Rate this service</h2>${renderSurvey(args)}</section>`,
  play: async (context) => {
    const survey = context.canvasElement.querySelector('civic-satisfaction-survey')!;
    await waitFor(() => expect(survey).toHaveAttribute('state', 'not-sampled'));
    await expect(context.canvasElement.querySelector('.host-section > h2')).not.toBeVisible();
  },
};

/** The states a survey reports while it asks and answers: `asking`, then `sending`, then `sent` (or `queued`). */
export const StateAfterSending: SurveyStory = {
  play: async (context) => {
    const element = context.canvasElement.querySelector('civic-satisfaction-survey')!;
    await waitFor(() => expect(element).toHaveAttribute('state', 'asking'));
    const survey = inSurvey(context);
    await choose(survey, word.verySatisfied);
    await send(survey, 'en');
    await waitFor(() => expect(element).toHaveAttribute('state', 'sent'), { timeout: 5000 });
  },
};

// ---- display="button".

/** The trigger alone, in the corner of the page. */
export const ButtonClosed: SurveyStory = {
  args: { display: 'button' },
  parameters: ownFrame,
  play: async (context) => {
    const trigger = await inSurvey(context).findByRole('button', { name: word.rateService }, { timeout: 5000 });
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  },
};

export const ButtonPanelOpen: SurveyStory = key.ButtonPanelOpen;

export const ButtonSteppedAside: SurveyStory = key.ButtonSteppedAside;

// ---- Care mode.

export const CareMode: SurveyStory = key.CareMode;

/** Results in care mode: one grade per line, bar below its label. */
export const CareModeResults: SurveyStory = {
  args: { 'care-mode': true, mode: 'results', 'summary-src': summarySource('ok', service) },
  play: async (context) => {
    await shown(surveyRoot(context), '.root.care .results .bars');
  },
};

// ---- Bad configuration: a plain message for the citizen and one console error for the web team.

/** No endpoint: plain words and the 12345 hotline for the citizen; the attribute is named in one console error, on purpose. */
export const NotConfigured: SurveyStory = {
  args: { endpoint: '' },
  play: async (context) => {
    const problem = (await shown(surveyRoot(context), '.problem')).textContent;
    await expect(problem).toContain('12345');
    await expect(problem).not.toContain('endpoint');
  },
};

/** A scale the widget does not know: the citizen is pointed to 12345; the scale is named in one console error, on purpose. */
export const UnknownScale: SurveyStory = {
  args: { scale: 'stars' },
  // The select offers the known scales only; Storybook would drop a value not among them.
  argTypes: { scale: { control: 'select', options: ['five-level', 'helpful', 'csat', 'ces', 'nps', 'stars'] } },
  play: async (context) => {
    await expect((await shown(surveyRoot(context), '.problem')).textContent).toContain('12345');
  },
};

/** On a district page with a dark colour scheme: the survey keeps its own light background and draws its radios for it. */
export const OnADarkPage: SurveyStory = {
  decorators: [(story) => html`<div class="dark-host-page">${story()}</div>`],
  play: async (context) => {
    await expect(getComputedStyle(await shown(surveyRoot(context), 'input[type="radio"]')).colorScheme).toBe('light');
  },
};

/** Under the page's own section heading (heading-level="3"): the inline survey's error summary is an h3. */
export const UnderASectionHeading: SurveyStory = {
  args: { 'heading-level': 3 },
  decorators: [(story) => html`<h2>Rate this service</h2>${story()}`],
  play: async (context) => {
    const root = surveyRoot(context);
    await userEvent.click(await shown(root, 'button.primary[part="submit"]'));
    await shown(root, '.error-summary h3');
  },
};
