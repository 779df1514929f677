import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArgTypes, Decorator, Parameters, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { ScaleName } from '@civic-widgets/satisfaction-survey';
import { lastSurveyResponse, summarySource, surveyEndpoint } from '../.storybook/fake-surveys';
import { attributeArgTypes } from './manifest-arg-types';

/** Args by attribute name, as the manifest lists them, plus CSS custom properties and the event actions. */
export interface SurveyArgs {
  [cssProperty: `--${string}`]: string | undefined;
  endpoint?: string;
  scale?: string;
  'service-id'?: string;
  question?: string;
  display?: string;
  'sample-rate'?: number;
  'cooldown-days'?: number;
  callback?: boolean;
  mode?: string;
  'summary-src'?: string;
  timeout?: number;
  lang?: string;
  'heading-level'?: number;
  'care-mode'?: boolean;
  onCivicSurveySubmit?: (event: Event) => void;
  onCivicSurveySuccess?: (event: Event) => void;
  onCivicSurveyQueued?: (event: Event) => void;
  onCivicSurveyDismiss?: (event: Event) => void;
  onCivicSurveyError?: (event: Event) => void;
}

export type SurveyStory = StoryObj<SurveyArgs>;
export type SurveyLanguage = 'en' | 'zh-Hans' | 'zh-Hant';

export const scaleNames: ScaleName[] = ['five-level', 'helpful', 'csat', 'ces', 'nps'];

/**
 * The manifest types `scale`, `display` and `mode` as plain strings; their
 * values are listed here so the controls offer them.
 */
export const surveyArgTypes: Partial<ArgTypes<SurveyArgs>> = {
  ...attributeArgTypes('civic-satisfaction-survey'),
  scale: { control: 'select', options: scaleNames },
  display: { control: 'inline-radio', options: ['inline', 'button'] },
  mode: { control: 'inline-radio', options: ['survey', 'results'] },
};

/** The service every story rates: a residence permit, done at the district's service hall or online. */
export const service = 'residence-permit';

/**
 * What every story starts from. `cooldown-days` is 0, so that a rating sent in
 * one story never hides the others: on a docs page they all share one
 * localStorage (stories start with it cleared anyway, see reset-widget-storage.ts).
 * The events are spies, shown in the Actions panel and checked by play functions.
 */
export function baseArgs(): SurveyArgs {
  return {
    endpoint: surveyEndpoint('ok'),
    scale: 'five-level',
    'service-id': service,
    'cooldown-days': 0,
    onCivicSurveySubmit: fn(),
    onCivicSurveySuccess: fn(),
    onCivicSurveyQueued: fn(),
    onCivicSurveyDismiss: fn(),
    onCivicSurveyError: fn(),
  };
}

const text = (value: string | number | undefined) => ifDefined(value === undefined || value === '' ? undefined : String(value));

/** `--civic-*` args set on the element itself, where they win over the toolbar's palette. */
function customProperties(args: SurveyArgs): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter((entry): entry is [string, string] => entry[0].startsWith('--') && typeof entry[1] === 'string' && entry[1] !== ''),
  );
}

/** Plain attributes through lit bindings, as a district's HTML sets them. */
export function renderSurvey(args: SurveyArgs) {
  return html`<civic-satisfaction-survey
    style=${styleMap(customProperties(args))}
    endpoint=${text(args.endpoint)}
    scale=${text(args.scale)}
    service-id=${text(args['service-id'])}
    question=${text(args.question)}
    display=${text(args.display)}
    sample-rate=${text(args['sample-rate'])}
    cooldown-days=${text(args['cooldown-days'])}
    ?callback=${args.callback === true}
    mode=${text(args.mode)}
    summary-src=${text(args['summary-src'])}
    timeout=${text(args.timeout)}
    lang=${text(args.lang)}
    heading-level=${text(args['heading-level'])}
    ?care-mode=${args['care-mode'] === true}
    @civic-survey-submit=${args.onCivicSurveySubmit}
    @civic-survey-success=${args.onCivicSurveySuccess}
    @civic-survey-queued=${args.onCivicSurveyQueued}
    @civic-survey-dismiss=${args.onCivicSurveyDismiss}
    @civic-survey-error=${args.onCivicSurveyError}
  ></civic-satisfaction-survey>`;
}

/**
 * Puts a story in a language on its own element, never on <html>: a docs page
 * renders all of a file's stories in one document, and the page's own language
 * comes from the toolbar.
 */
export function inLanguage(lang: string): Decorator<SurveyArgs> {
  return (story) => html`<div lang=${lang}>${story()}</div>`;
}

/**
 * `display="button"` puts its trigger and panel in the corner of the viewport
 * (position: fixed). On a docs page that corner is the docs page's, shared by
 * every such story, so these stories get a frame of their own there.
 */
export const ownFrame: Parameters = { docs: { story: { inline: false, iframeHeight: 760 } } };

// ---- Play helpers. The widget's shadow root is searched by role and accessible
// name where a citizen would look (so the names are checked in every language),
// by id or class for what has no name.

type Canvas = Pick<StoryContext, 'canvasElement'>;

export function surveyRoot({ canvasElement }: Canvas): ShadowRoot {
  const survey = canvasElement.querySelector('civic-satisfaction-survey');
  if (!survey?.shadowRoot) throw new Error('<civic-satisfaction-survey> did not render');
  return survey.shadowRoot;
}

/** Testing Library queries inside the shadow root (a ShadowRoot is a DocumentFragment, which `within` accepts). */
export function inSurvey(context: Canvas) {
  return within(surveyRoot(context) as unknown as HTMLElement);
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

const found = { timeout: 5000 };

/** The widget's words in each catalog, as a citizen reads them (packages/satisfaction-survey/src/generated/locales). */
export const words = {
  en: {
    verySatisfied: 'Very satisfied',
    dissatisfied: 'Dissatisfied',
    efficiency: 'How quickly it was handled',
    attitude: 'How staff treated me',
    tellUsMore: 'Tell us more (optional)',
    wentWell: 'What went well? (optional)',
    callMeBack: 'Please call me back about this',
    name: 'Your name',
    phone: 'Phone number',
    consent: 'I agree that the district may use my name and phone number only to call me back about this rating.',
    send: 'Send rating',
    sending: 'Sending…',
    rateService: 'Rate this service',
    panel: 'Your rating',
    thanks: 'Thank you for your rating',
    willCallBack: 'The district will call you back about your rating.',
    resultsHeading: 'What people think of this service',
  },
  'zh-Hans': {
    verySatisfied: '非常满意',
    dissatisfied: '不满意',
    efficiency: '办事效率',
    attitude: '服务态度',
    tellUsMore: '具体意见（选填）',
    wentWell: '哪些方面做得好？（选填）',
    callMeBack: '请就此事给我回电',
    name: '您的姓名',
    phone: '电话号码',
    consent: '我同意区政府仅为就本次评价回访我而使用我的姓名和电话号码。',
    send: '提交评价',
    sending: '正在提交…',
    rateService: '评价本服务',
    panel: '您的评价',
    thanks: '感谢您的评价',
    willCallBack: '区政府将就您的评价给您回电。',
    resultsHeading: '群众对本服务的评价',
  },
  'zh-Hant': {
    verySatisfied: '非常滿意',
    dissatisfied: '不滿意',
    efficiency: '辦事效率',
    attitude: '服務態度',
    tellUsMore: '具體意見（選填）',
    wentWell: '哪些方面做得好？（選填）',
    callMeBack: '請就此事給我回電',
    name: '您的姓名',
    phone: '電話號碼',
    consent: '我同意區政府僅為就本次評價回訪我而使用我的姓名和電話號碼。',
    send: '提交評價',
    sending: '正在提交…',
    rateService: '評價本服務',
    panel: '您的評價',
    thanks: '感謝您的評價',
    willCallBack: '區政府將就您的評價給您回電。',
    resultsHeading: '民眾對本服務的評價',
  },
} satisfies Record<SurveyLanguage, Record<string, string>>;

/** What a citizen might write, in each language. */
export const samples = {
  en: {
    low: 'Over an hour in the queue at window 3, and nobody said why.',
    high: 'Quick and friendly; the online guide listed every document I needed.',
    name: 'Li Wei',
    phone: '139 1234 5678',
  },
  'zh-Hans': { low: '3 号窗口排队一个多小时，没人解释原因。', high: '办得很快，办事指南列的材料一次带齐。', name: '李伟', phone: '139 1234 5678' },
  'zh-Hant': { low: '3 號窗口排隊一個多小時，沒人解釋原因。', high: '辦得很快，辦事指南列的材料一次帶齊。', name: '李偉', phone: '139 1234 5678' },
} satisfies Record<SurveyLanguage, Record<string, string>>;

type Survey = ReturnType<typeof inSurvey>;

export async function choose(survey: Survey, name: string): Promise<void> {
  await userEvent.click(await survey.findByRole('radio', { name }, found));
}

export async function tick(survey: Survey, name: string): Promise<void> {
  await userEvent.click(await survey.findByRole('checkbox', { name }, found));
}

export async function send(survey: Survey, language: SurveyLanguage): Promise<void> {
  await userEvent.click(await survey.findByRole('button', { name: words[language].send }, found));
}

/** 不满意, two of the 好差评 indicators, and a comment. */
export async function rateLow(survey: Survey, language: SurveyLanguage): Promise<void> {
  const word = words[language];
  await choose(survey, word.dissatisfied);
  await tick(survey, word.efficiency);
  await tick(survey, word.attitude);
  await userEvent.type(await survey.findByRole('textbox', { name: word.tellUsMore }, found), samples[language].low);
}

/** 非常满意, and what went well. */
export async function rateHigh(survey: Survey, language: SurveyLanguage): Promise<void> {
  await choose(survey, words[language].verySatisfied);
  await userEvent.type(await survey.findByRole('textbox', { name: words[language].wentWell }, found), samples[language].high);
}

/** Asks for a call-back and fills it in completely, consent included. */
export async function askForCallBack(survey: Survey, language: SurveyLanguage): Promise<void> {
  const word = words[language];
  await tick(survey, word.callMeBack);
  await userEvent.type(await survey.findByRole('textbox', { name: word.name }, found), samples[language].name);
  await userEvent.type(await survey.findByRole('textbox', { name: word.phone }, found), samples[language].phone);
  await tick(survey, word.consent);
}

// ---- The key states, shared by the English page and the Chinese pages.

export function keyStates(language: SurveyLanguage) {
  const word = words[language];
  return {
    /** The national 好差评 scale, as a citizen first sees it. */
    Unanswered: {
      play: async (context) => {
        const survey = inSurvey(context);
        await expect(await survey.findAllByRole('radio', undefined, found)).toHaveLength(5);
        await expect(survey.queryByRole('textbox')).toBeNull();
      },
    },
    /** After 不满意: what went wrong (the 好差评 indicators), more in words, and an opt-in call-back with its own consent. */
    LowRatingWithCallBack: {
      args: { callback: true },
      play: async (context) => {
        const survey = inSurvey(context);
        await rateLow(survey, language);
        await askForCallBack(survey, language);
        await expect(await survey.findByRole('checkbox', { name: word.consent })).toBeChecked();
      },
    },
    /** Call-back asked for with no name, "110" as the phone number and no consent: each error names its field. */
    CallBackValidationErrors: {
      args: { callback: true },
      play: async (context) => {
        const survey = inSurvey(context);
        const root = surveyRoot(context);
        await choose(survey, word.dissatisfied);
        await tick(survey, word.callMeBack);
        await userEvent.type(await survey.findByRole('textbox', { name: word.phone }), '110');
        await send(survey, language);
        const summary = await shown(root, '.error-summary');
        await expect(summary.querySelectorAll('li')).toHaveLength(3);
        await waitFor(() => expect(root.activeElement).toBe(summary));
        await expect(root.querySelectorAll('[aria-invalid="true"]')).toHaveLength(3);
      },
    },
    /** After 非常满意: no reasons, only what went well. */
    HighRatingFollowUp: {
      play: async (context) => {
        const survey = inSurvey(context);
        await rateHigh(survey, language);
        await expect(survey.queryAllByRole('group')).toHaveLength(1);
      },
    },
    /** The server has not answered yet (the `slow` scenario never does; the long timeout keeps the widget waiting). */
    Sending: {
      args: { endpoint: surveyEndpoint('slow'), timeout: 86_400_000 },
      play: async (context) => {
        const survey = inSurvey(context);
        await rateHigh(survey, language);
        await send(survey, language);
        await expect(await survey.findByRole('button', { name: word.sending }, found)).toHaveAttribute('aria-disabled', 'true');
      },
    },
    Thanks: {
      play: async (context) => {
        const survey = inSurvey(context);
        await rateHigh(survey, language);
        await send(survey, language);
        const heading = await survey.findByRole('heading', { name: word.thanks }, found);
        await waitFor(() => expect(surveyRoot(context).activeElement).toBe(heading));
        await waitFor(() => expect(context.args.onCivicSurveySuccess).toHaveBeenCalledOnce());
        await expect(lastSurveyResponse()).toMatchObject({ scale: 'five-level', rating: 5, serviceId: service, reasons: [], comment: samples[language].high });
      },
    },
    /** No connection (the `down` scenario): the rating is kept on the device and sent later by the outbox. */
    QueuedOffline: {
      args: { endpoint: surveyEndpoint('down') },
      play: async (context) => {
        const survey = inSurvey(context);
        await rateLow(survey, language);
        await send(survey, language);
        await shown(surveyRoot(context), '.outcome.queued #outcome-heading');
        await waitFor(() => expect(context.args.onCivicSurveyQueued).toHaveBeenCalledOnce());
      },
    },
    /** The server refused the rating (HTTP 400, problem+json) and said why, in the page's language; the answers stay. */
    Refused: {
      args: { endpoint: surveyEndpoint('refused') },
      play: async (context) => {
        const survey = inSurvey(context);
        const root = surveyRoot(context);
        await rateLow(survey, language);
        await send(survey, language);
        const refusal = await shown(root, '.refusal');
        await expect(refusal.textContent).toContain('12345');
        await waitFor(() => expect(root.activeElement).toBe(refusal));
        await expect(survey.getByRole('radio', { name: word.dissatisfied })).toBeChecked();
        await expect(context.args.onCivicSurveyError).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.objectContaining({ status: 400 }) }));
      },
    },
    /** `mode="results"`: the published results, each grade's share as a bar and in words. */
    Results: {
      args: { mode: 'results', 'summary-src': summarySource('ok', service) },
      play: async (context) => {
        const survey = inSurvey(context);
        await survey.findByRole('heading', { name: word.resultsHeading }, found);
        await expect(survey.getAllByRole('listitem')).toHaveLength(5);
      },
    },
    /** `display="button"`: the corner button, pressed; the panel beside the page is not modal and takes the focus. */
    ButtonPanelOpen: {
      args: { display: 'button' },
      parameters: ownFrame,
      play: async (context) => {
        const survey = inSurvey(context);
        const trigger = await survey.findByRole('button', { name: word.rateService }, found);
        await userEvent.click(trigger);
        await survey.findByRole('dialog', { name: word.panel }, found);
        await expect(trigger).toHaveAttribute('aria-expanded', 'true');
        await waitFor(() => expect(surveyRoot(context).activeElement).toBe(survey.getByRole('heading', { name: word.panel })));
      },
    },
    /**
     * A results view on the same page as the survey, for the same service: a
     * rating sent from the page is counted at once (the summary is fetched
     * again, past the browser's cache); the old figures stay until the new arrive.
     */
    ResultsRefreshedAfterRating: {
      args: { 'service-id': 'story-refresh' },
      render: (args) => html`${renderSurvey(args)}
        <civic-satisfaction-survey mode="results" summary-src=${summarySource('empty', 'story-refresh')}></civic-satisfaction-survey>`,
      play: async (context) => {
        const [form, results] = [...context.canvasElement.querySelectorAll('civic-satisfaction-survey')].map((element) => element.shadowRoot!);
        const headline = () => results!.querySelector('.headline')?.textContent ?? '';
        await waitFor(() => expect(results!.querySelector('.results')).not.toBeNull(), found);
        await expect(results!.querySelector('.bars')).toBeNull();
        await choose(within(form as unknown as HTMLElement), word.verySatisfied);
        await send(within(form as unknown as HTMLElement), language);
        await waitFor(() => expect(headline()).toContain('100%'), found);
      },
    },
    /**
     * WCAG 2.4.11 with no help from the host's CSS: a page link that has the
     * focus under the trigger's corner (a footer link) is never hidden; the
     * trigger steps to the other side, and comes back once the focus moves on.
     */
    ButtonSteppedAside: {
      args: { display: 'button' },
      parameters: ownFrame,
      render: (args) => html`<div style="min-height: 100vh; display: flex; flex-direction: column; justify-content: flex-end">
          <p style="text-align: end; margin: 0"><a href="#privacy" id="footer-link" style="display: inline-block; padding: 12px 16px">Privacy · 隐私</a></p>
        </div>
        ${renderSurvey(args)}`,
      play: async (context) => {
        const trigger = await inSurvey(context).findByRole('button', { name: word.rateService }, found);
        context.canvasElement.querySelector<HTMLElement>('#footer-link')!.focus();
        await waitFor(() => expect(trigger).toHaveClass('flip-inline'));
      },
    },
    /** 适老化: larger text and targets, stronger contrast; shown with the call-back open. */
    CareMode: {
      args: { 'care-mode': true, callback: true },
      play: async (context) => {
        const survey = inSurvey(context);
        await shown(surveyRoot(context), '.root.care');
        await choose(survey, word.dissatisfied);
        await tick(survey, word.callMeBack);
        await survey.findByRole('textbox', { name: word.phone }, found);
      },
    },
  } satisfies Record<string, SurveyStory>;
}
