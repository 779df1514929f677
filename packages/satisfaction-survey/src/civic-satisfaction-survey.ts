import { html, nothing, type ComplexAttributeConverter, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import {
  baseStyles,
  booleanAttribute,
  CivicElement,
  errorSummary,
  focusField,
  focusProgrammatically,
  headingLevels,
  newIdempotencyKey,
  notConfigured,
  parseJson,
  LoadController,
  PoliteAnnouncer,
  refusalNotice,
  reportProblem,
  topHeading,
  type HeadingLevels,
  type FieldError,
  type LocalizedText,
  type SettledSubmission,
} from '@civic-widgets/core';
import { registerSurveyCatalogs } from './catalog.js';
import { version } from './version.js';
import { surveyStyles } from './survey-styles.js';
import {
  CivicSurveyDismissEvent,
  CivicSurveyErrorEvent,
  CivicSurveyQueuedEvent,
  CivicSurveySubmitEvent,
  CivicSurveySuccessEvent,
} from './events.js';
import { isScaleName, scaleOf, type Scale } from './scales.js';
import { reasons as reasonList, type ReasonCode } from './reasons.js';
import { currentPageUrl, type SurveyResponse } from './survey-response.js';
import { normalizePhone, validateSurvey, type SurveyValues } from './validate.js';
import { sendResponse, serverReason, surveyRequest } from './send-response.js';
import { KeptResponses } from './kept-responses.js';
import { CornerClearance } from './corner-clearance.js';
import { answeredWithin, dismissedThisSession, forgetAnswered, isSampled, rememberAnswered, rememberDismissed } from './visibility.js';
import { ratingFieldset } from './views/rating-fieldset.js';
import { followUp } from './views/follow-up.js';
import { callbackFields } from './views/callback-fields.js';
import { thanksView } from './views/outcomes.js';
import { resultsView } from './views/results-view.js';
import { fetchSummary, summaryService, type Summary } from './results/summary.js';
import { announceRatedHere, onRatedHere } from './results/rated-here.js';

export type SurveyDisplay = 'inline' | 'button';
export type SurveyMode = 'survey' | 'results';

type Phase = 'rating' | 'sending' | 'sent' | 'queued';
/** Why a survey shows nothing: answered within `cooldown-days`, "No thanks" this visit, or this visitor was not drawn. */
type HiddenReason = 'answered' | 'dismissed' | 'not-sampled';
/** The host's `state` attribute (see the README): what the survey shows now, or why it shows nothing. */
export type SurveyState = 'asking' | 'sending' | 'sent' | 'queued' | HiddenReason;
/** Why a kept rating came back: refused by the server (its answers are given back), or deleted unsent after 30 days. */
type KeptRefusalKind = 'refused' | 'expired';

type Values = SurveyValues & { reasons: ReasonCode[] };

const emptyValues = (): Values => ({
  rating: undefined,
  reasons: [],
  comment: '',
  callback: { wanted: false, name: '', phone: '', consent: false },
});

/**
 * A number attribute read strictly: an empty or blank value, or one that is not
 * a number, becomes NaN (a set-up problem), where Lit's Number would read "" as
 * 0 and silently hide the survey. A removed attribute goes back to `fallback`.
 */
const strictNumber = (fallback: number): ComplexAttributeConverter<number> => ({
  fromAttribute: (value) => (value === null ? fallback : value.trim() === '' ? Number.NaN : Number(value)),
  toAttribute: (value) => String(value),
});

/** A URL attribute the browser can resolve against the page and fetch (http or https). */
function isUsableUrl(value: string): boolean {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The answers of a kept rating, read back from what was sent, for the scale now on screen. */
function answersFrom(request: SettledSubmission['request'], scale: Scale | undefined): Values {
  const values = emptyValues();
  const body = request?.body.kind === 'json' ? parseJson(request.body.text) : undefined;
  if (typeof body !== 'object' || body === null) return values;
  const sent = body as Partial<Record<keyof SurveyResponse, unknown>>;
  if (scale && sent.scale === scale.name && scale.options.some((option) => option.value === sent.rating)) values.rating = sent.rating as number;
  if (Array.isArray(sent.reasons)) {
    const known = new Set<string>(reasonList.map((reason) => reason.code));
    values.reasons = sent.reasons.filter((code): code is ReasonCode => typeof code === 'string' && known.has(code));
  }
  if (typeof sent.comment === 'string') values.comment = sent.comment;
  const callback = sent.callback as { name?: unknown; phone?: unknown } | undefined;
  if (callback && typeof callback.name === 'string' && typeof callback.phone === 'string') {
    // The call-back is only ever sent with the citizen's consent: it comes back as they left it.
    values.callback = { wanted: true, name: callback.name, phone: callback.phone, consent: true };
  }
  return values;
}

/** Which survey a kept rating was for: its request body's `serviceId`. */
function subjectOf(request: SettledSubmission['request']): string | undefined {
  const body = request?.body.kind === 'json' ? parseJson(request.body.text) : undefined;
  const subject = (body as { serviceId?: unknown } | null | undefined)?.serviceId;
  return typeof subject === 'string' ? subject : undefined;
}

/**
 * Citizens rate a government service or a page in a few seconds, on the
 * national 好差评 five-level scale by default; a low rating asks what went
 * wrong and can offer a call-back. With `mode="results"` it shows the public
 * results instead.
 *
 * @summary A 好差评 rating, with follow-up and call-back, or its public results.
 *
 * @fires {CivicSurveySubmitEvent} civic-survey-submit - Before sending; cancelable. `detail.response` is what will be sent.
 * @fires {CivicSurveySuccessEvent} civic-survey-success - The server accepted the response, now or later from the outbox (`detail.idempotencyKey`).
 * @fires {CivicSurveyQueuedEvent} civic-survey-queued - The response was kept on the device to be sent automatically (`detail.idempotencyKey`).
 * @fires {CivicSurveyDismissEvent} civic-survey-dismiss - The citizen closed the survey without answering; it stays away for the session.
 * @attr state - Read-only, set by the survey (mode="survey"): `asking`, `sending`, `sent` (the thanks), `queued` (kept on the device), or, when it shows nothing, `answered` (within `cooldown-days`), `dismissed` ("No thanks" this visit; right after the press a one-line confirmation shows), `not-sampled`. A host hides the heading it put around the survey with CSS, e.g. `section:has(> civic-satisfaction-survey[state='answered'])`.
 *
 * @fires {CivicSurveyErrorEvent} civic-survey-error - The server refused the response (now, or later from the outbox: then fired by the survey that gives the answers back), or it could neither be sent nor kept (`detail.status`, `detail.message`).
 *
 * @csspart form - The rating form.
 * @csspart field - Each question group.
 * @csspart submit - The send button.
 * @csspart status - Thanks, saved on the device, refusals and the results.
 * @csspart trigger - The corner button of `display="button"`.
 * @csspart panel - The panel it opens.
 *
 * @cssprop --civic-color-primary - Buttons, the chosen rating and result bars. Default #005ea5.
 * @cssprop --civic-color-on-primary - Text on primary buttons. Default #ffffff.
 * @cssprop --civic-color-text - Body text. Default #1b1b1b.
 * @cssprop --civic-color-text-muted - Hints. Default #505a5f.
 * @cssprop --civic-color-background - Widget and panel background. Default #ffffff.
 * @cssprop --civic-color-surface - The empty part of result bars. Default #f3f2f1.
 * @cssprop --civic-color-border - Borders of choices and the panel. Default #6b7378.
 * @cssprop --civic-color-focus - Focus halo. Default #ffbf47.
 * @cssprop --civic-color-error - Error messages and borders. Default #b10e1e.
 * @cssprop --civic-color-success - The "thank you" panel. Default #00703c.
 * @cssprop --civic-color-scheme - The `color-scheme` native controls are drawn for; set `dark` only with a dark `--civic-color-background`. Default light, whatever the page's scheme.
 * @cssprop --civic-font-family - Typeface. Default the system UI font with CJK fallbacks.
 * @cssprop --civic-font-size - Base text size. Default `medium`: the reader's own default size, whatever the page's root font size (care mode: 1.25 times, at least 18px).
 * @cssprop --civic-line-height - Line height. Default 1.5.
 * @cssprop --civic-space - Base spacing unit. Default 1em (of the widget's text size).
 * @cssprop --civic-radius - Corner radius. Default 4px.
 * @cssprop --civic-target-size - Minimum size of choices and buttons. Default 44px (care mode: at least 48px).
 * @cssprop --civic-max-width - Widest the survey grows. Default 40em (of the widget's text size, so wider in care mode).
 * @cssprop --civic-care-color-text - Text in care mode. Default #000000.
 * @cssprop --civic-care-color-background - Background in care mode. Default #ffffff.
 * @cssprop --civic-care-color-primary - Primary colour in care mode. Default #00366b.
 * @cssprop --civic-care-font-size - Base text size in care mode (never below 18px). Default 1.25em (of the base text size).
 */
export class CivicSatisfactionSurvey extends CivicElement {
  static readonly version: string = version;
  static override styles = [baseStyles, surveyStyles];

  // Registered with the class, not by a bare import, so no bundler can drop it as a side effect.
  static {
    registerSurveyCatalogs();
  }

  /** URL that receives responses by `POST` (JSON), such as the reference server's `/surveys/responses`. Required unless `mode="results"`. */
  @property() endpoint = '';

  /** `five-level` (好差评: 非常满意 … 非常不满意), `helpful` (Yes/No), `csat` (1–5), `ces` (1–7) or `nps` (0–10). */
  @property() scale = 'five-level';

  /** What is rated: a service or transaction id. Without it, the page is rated (its path). */
  @property({ attribute: 'service-id' }) serviceId = '';

  /** Replaces the scale's default question. */
  @property() question = '';

  /** `inline`, or `button`: a small trigger in the page corner that opens a non-modal panel. */
  @property() display = 'inline';

  /** Share of visitors who are asked, from 0 to 1, drawn once per browser session (kept in `sessionStorage`). */
  @property({ type: Number, attribute: 'sample-rate', converter: strictNumber(1) }) sampleRate = 1;

  /** Once answered, not shown again for the same `service-id` (or page, without one) for this many days (kept in `localStorage`). */
  @property({ type: Number, attribute: 'cooldown-days', converter: strictNumber(90) }) cooldownDays = 90;

  /** After a low rating, offer an opt-in call-back with name and phone, behind its own consent. `callback="false"` is off. */
  @property({ type: Boolean, converter: booleanAttribute }) callback = false;

  /** `survey`, or `results`: the public results from `summary-src`. */
  @property() mode = 'survey';

  /** With `mode="results"`: URL of the results, such as `/surveys/summary?service=…`. */
  @property({ attribute: 'summary-src' }) summarySrc = '';

  /** Milliseconds to wait for the server before keeping the response on the device. */
  @property({ type: Number, converter: strictNumber(15_000) }) timeout = 15_000;

  @state() private phase: Phase = 'rating';
  @state() private values = emptyValues();
  @state() private errors: FieldError[] = [];
  @state() private refusal?: LocalizedText;
  @state() private refusalKind?: KeptRefusalKind;
  @state() private dismissed = false;
  @state() private panelOpen = false;
  /** The public results: a new `summary-src` aborts the request for the old one. */
  private readonly results = new LoadController<Summary>(this);
  private readonly announcer = new PoliteAnnouncer(this);

  /** Drawn once per widget, so a re-render never makes the survey appear or vanish. */
  private sampled?: boolean;
  private readonly kept = new KeptResponses(
    this,
    () => this.subjectForKeptOutcomes,
    (outcome) => (outcome.ok ? this.deliveredKept(outcome.key) : this.refuseKept(outcome, false)),
    (outcome) => this.refuseKept(outcome, true),
  );

  private readonly clearance = new CornerClearance(this, () =>
    this.display === 'button' ? this.shadowRoot?.querySelector<HTMLElement>('.trigger') : undefined,
  );

  /** What is rated, as sent in `serviceId`: the service, or the page when none is named. The cool-down is remembered per subject. */
  private get subject(): string {
    return this.serviceId || `page:${location.pathname}`;
  }

  /** "No thanks" to a service holds for that service; to a page rating, for every page rating on the site, for the session. */
  private get dismissalSubject(): string {
    return this.serviceId || 'page:*';
  }

  /** The subject whose kept outcomes this survey can show now (see KeptResponses): only while it asks for a rating. */
  private get subjectForKeptOutcomes(): string | undefined {
    if (this.mode !== 'survey' || this.phase !== 'rating' || this.configurationProblem()) return undefined;
    return this.subject;
  }

  private get scaleDefinition(): Scale | undefined {
    return isScaleName(this.scale) ? scaleOf(this.scale) : undefined;
  }

  private get offersCallback(): boolean {
    const { rating } = this.values;
    return this.callback && rating !== undefined && !!this.scaleDefinition?.isLow(rating);
  }

  private get visible(): boolean {
    return this.mode === 'results' || this.phase !== 'rating' || this.hiddenReason() === undefined;
  }

  /** Why the survey asks nothing now, if it does not. */
  private hiddenReason(): HiddenReason | undefined {
    if (this.dismissed) return 'dismissed';
    // A kept rating that came back refused is shown whatever the sample, cool-down or an earlier "No thanks".
    if (this.refusal) return undefined;
    if (dismissedThisSession(this.dismissalSubject)) return 'dismissed';
    if (answeredWithin(this.subject, this.cooldownDays)) return 'answered';
    this.sampled ??= isSampled(this.subject, this.sampleRate);
    return this.sampled ? undefined : 'not-sampled';
  }

  /** The host's `state`; none for the results or a survey that is not set up. */
  private surveyState(): SurveyState | undefined {
    if (this.mode !== 'survey' || this.configurationProblem()) return undefined;
    if (this.phase !== 'rating') return this.phase;
    return this.hiddenReason() ?? 'asking';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      this.mode === 'results' &&
      (changed.has('summarySrc') || changed.has('scale') || changed.has('mode') || changed.has('timeout')) &&
      !this.configurationProblem()
    ) {
      void this.loadResults();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const state = this.surveyState();
    if (state === undefined) this.removeAttribute('state');
    else if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    // Another subject, or a survey that can now show kept outcomes: see whether any wait for it.
    if (this.hasUpdated && (changed.has('serviceId') || changed.has('mode') || changed.has('endpoint'))) void this.kept.collect();
  }

  override render() {
    return html`<div class="root ${this.careModeActive ? 'care' : ''}" lang=${this.locale} @focusout=${this.onFocusOut}>
      ${this.renderBody()}
      ${this.announcer.render()}
    </div>`;
  }

  private renderBody() {
    const configuration = this.configurationProblem();
    if (configuration) return this.notSetUp(configuration);
    const scale = this.scaleDefinition!;
    if (this.mode === 'results') return this.renderResults(scale);
    if (this.dismissed && this.phase === 'rating') return this.renderDismissed();
    if (!this.visible) return nothing;
    if (this.display === 'inline') return this.renderSurvey(scale, this.headings);
    const { flip } = this.clearance;
    const corner = `${flip.inline ? 'flip-inline' : ''} ${flip.block ? 'flip-block' : ''}`;
    return html`<button
        type="button"
        class="trigger primary ${corner}"
        part="trigger"
        aria-expanded=${this.panelOpen ? 'true' : 'false'}
        aria-controls="panel"
        @click=${() => this.togglePanel(!this.panelOpen)}
      >
        ${this.serviceId ? msg('Rate this service') : msg('Rate this page')}
      </button>
      ${this.panelOpen
        ? html`<section
            id="panel"
            class="panel ${corner}"
            part="panel"
            role="dialog"
            aria-modal="false"
            aria-labelledby="panel-heading"
            tabindex="-1"
            @keydown=${this.onPanelKeydown}
          >
            <div class="panel-header">
              ${topHeading(this.headings, msg('Your rating'), { id: 'panel-heading' })}
              <button type="button" class="link" @click=${() => this.togglePanel(false)}>${msg('Close')}</button>
            </div>
            ${this.renderSurvey(scale, headingLevels(this.headings.inner))}
          </section>`
        : nothing}`;
  }

  /** A set-up mistake, in English for the web team's console; the citizen sees notSetUp(). */
  private configurationProblem(): string | undefined {
    if (this.mode !== 'survey' && this.mode !== 'results') return `mode must be survey or results, not "${this.mode}".`;
    if (!this.scaleDefinition) return `scale must be five-level, helpful, csat, ces or nps, not "${this.scale}".`;
    const longest = 2_147_483_647;
    const timeoutUsable = this.timeout > 0 && this.timeout <= longest;
    if (this.mode === 'results') {
      if (!this.summarySrc) return 'The summary-src attribute is missing.';
      if (!isUsableUrl(this.summarySrc)) return `summary-src must be an http or https URL, not "${this.summarySrc}".`;
      // The results are fetched with `timeout` too: a bad one is a set-up problem, not "try again later".
      return timeoutUsable ? undefined : `timeout must be a number of milliseconds above 0, not "${this.timeout}".`;
    }
    if (!this.endpoint) return 'The endpoint attribute is missing.';
    if (!isUsableUrl(this.endpoint)) return `endpoint must be an http or https URL, not "${this.endpoint}".`;
    if (this.display !== 'inline' && this.display !== 'button') return `display must be inline or button, not "${this.display}".`;
    if (!(this.sampleRate >= 0 && this.sampleRate <= 1) || !(this.cooldownDays >= 0) || !timeoutUsable) {
      return `sample-rate must be between 0 and 1, cooldown-days 0 or more, and timeout a number of milliseconds above 0 (not "${this.sampleRate}", "${this.cooldownDays}" and "${this.timeout}").`;
    }
    return undefined;
  }

  /** The citizen's words for any set-up mistake: no attribute names, and another way to be heard. */
  private notSetUp(problem: string) {
    const message =
      this.mode === 'results'
        ? msg('The results cannot be shown here at the moment. To ask about this service, please call the 12345 hotline.')
        : msg('Rating is not available here at the moment. To tell us what you think of this service, please call the 12345 hotline.');
    return notConfigured(this, problem, message);
  }

  /** `levels`: the survey's own, or one below them inside the panel, under its "Your rating". */
  private renderSurvey(scale: Scale, levels: HeadingLevels) {
    if (this.phase === 'sent' || this.phase === 'queued') return thanksView(this.phase, this.willCallBack, levels);
    const { rating } = this.values;
    const low = rating !== undefined && scale.isLow(rating);
    const error = (fieldId: string) => this.errors.find((item) => item.fieldId === fieldId)?.message();
    const callbackErrors = {
      'callback-name': error('callback-name'),
      'callback-phone': error('callback-phone'),
      'callback-consent': error('callback-consent'),
    };
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${errorSummary(msg('There is a problem'), this.errors, (event, fieldId) => focusField(this.shadowRoot, event, fieldId), levels.top)}
      ${refusalNotice(
        this.refusalKind === 'expired'
          ? { heading: msg('Your rating could not be sent'), reassurance: msg('You can rate again here.') }
          : { heading: msg('Your rating was not accepted'), reassurance: msg('Your answers are still here: you can send them again.') },
        this.refusal,
        levels.top,
      )}
      ${ratingFieldset({
        scale,
        question: this.question || scale.question(),
        rating,
        error: error(`rating-${scale.options[0]!.value}`),
        onChange: (value) => this.change({ rating: value }),
      })}
      ${rating === undefined
        ? nothing
        : html`${followUp({
            low,
            askReasons: low && scale.hasServiceReasons,
            chosenReasons: this.values.reasons,
            comment: this.values.comment,
            commentError: error('comment'),
            onReasons: (reasons) => this.change({ reasons }),
            onComment: (comment) => this.change({ comment }),
          })}
          ${this.offersCallback
            ? callbackFields({
                values: this.values.callback,
                errors: callbackErrors,
                onChange: (change) => this.change({ callback: { ...this.values.callback, ...change } }),
              })
            : nothing}`}
      <div class="actions">
        <!-- aria-disabled, not disabled: a disabled button would drop the focus of the citizen who pressed it. -->
        <button class="primary" part="submit" aria-disabled=${this.phase === 'sending' ? 'true' : 'false'}>
          ${this.phase === 'sending' ? msg('Sending…') : msg('Send rating')}
        </button>
        ${this.phase === 'sending' ? nothing : html`<button type="button" class="link" @click=${this.dismiss}>${msg('No thanks')}</button>`}
      </div>
    </form>`;
  }

  /**
   * After "No thanks": inline, a short confirmation takes the focus where the
   * form was. In display="button" the trigger is gone, so the same words take
   * the focus in its corner, seen while focused (see survey-styles.ts): focus
   * neither drops to the top of the page nor lands on nothing visible, the next
   * Tab continues from the survey's place, and the words are read once, as the
   * focused element (not also by the live region).
   */
  private renderDismissed() {
    return html`<p id="dismissed" class="dismissed ${this.display === 'button' ? 'corner' : ''}" part="status" tabindex="-1">
      ${msg('OK, we will not ask again during this visit.')}
    </p>`;
  }

  private renderResults(scale: Scale) {
    const heading = this.question || msg('What people think of this service');
    const results = this.results.state;
    switch (results.kind) {
      case 'idle':
      case 'loading':
        return html`<p class="loading" role="status">${msg('Loading the results…')}</p>`;
      case 'failed': {
        const detail = results.error instanceof Error ? results.error.message : String(results.error);
        return reportProblem(this, `The results at ${this.summarySrc} could not be shown: ${detail}`, msg('The results could not be loaded. Try again later.'));
      }
      case 'loaded':
        return resultsView(results.value, scale, heading, this.locale, this.headings);
    }
  }

  /**
   * `refresh`: a rating for these results was just sent from this page. The
   * results shown stay until the new ones arrive (no "Loading…" flash), and
   * stay if the new ones cannot be had: they were right a moment ago.
   */
  private loadResults(refresh = false): Promise<void> {
    const scale = this.scaleDefinition;
    const src = this.summarySrc;
    if (!scale || !src) return Promise.resolve();
    // A newer summary-src aborts this request: only the latest answer is shown.
    return this.results.load((signal) => fetchSummary(src, scale, this.timeout, { revalidate: refresh, signal }), refresh);
  }

  /** A rating was sent from this page: results of the same service count it. */
  private readonly onRatedHere = (subject: string): void => {
    if (this.mode !== 'results' || this.configurationProblem()) return;
    if ((this.serviceId || summaryService(this.summarySrc)) === subject) void this.loadResults(true);
  };

  private get willCallBack(): boolean {
    return this.offersCallback && this.values.callback.wanted && this.values.callback.consent;
  }

  private change(values: Partial<Values>): void {
    this.values = { ...this.values, ...values };
  }

  private buildResponse(scale: Scale): SurveyResponse {
    const { rating, reasons, comment, callback } = this.values;
    return {
      scale: scale.name,
      rating: rating!,
      reasons: scale.isLow(rating!) && scale.hasServiceReasons ? reasons : [],
      comment: comment.trim(),
      ...(this.willCallBack ? { callback: { name: callback.name.trim(), phone: normalizePhone(callback.phone) } } : {}),
      serviceId: this.subject,
      pageUrl: currentPageUrl(),
      locale: this.locale,
      submittedAt: new Date().toISOString(),
    };
  }

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const scale = this.scaleDefinition;
    if (!scale || this.phase === 'sending') return;
    this.refusal = undefined;
    this.refusalKind = undefined;
    this.errors = validateSurvey(this.values, scale, this.offersCallback);
    if (this.errors.length > 0) {
      await this.focusAfterUpdate('.error-summary');
      return;
    }
    const submitEvent = new CivicSurveySubmitEvent(this.buildResponse(scale));
    if (!this.dispatchEvent(submitEvent)) return;
    const key = newIdempotencyKey();
    const request = surveyRequest(this.endpoint, submitEvent.detail.response);
    this.phase = 'sending';
    const outcome = await sendResponse(request, key, this.timeout);
    if (outcome.kind === 'sent') {
      this.finish('sent');
      this.dispatchEvent(new CivicSurveySuccessEvent(key));
      return;
    }
    if (outcome.kind === 'keep') {
      try {
        await this.kept.keep(key, submitEvent.detail.response.serviceId, request, outcome.retryAfterMs);
      } catch (error) {
        console.error('[civic-widgets] <civic-satisfaction-survey>: the rating could not be kept on this device.', error);
        this.refuse(0, () => msg('Your rating could not be sent, and this browser could not keep it to send later. Try again in a moment.'));
        return;
      }
      this.finish('queued');
      this.dispatchEvent(new CivicSurveyQueuedEvent(key));
      return;
    }
    this.refuse(outcome.status, outcome.reason);
  };

  /** The thanks takes the focus, and is read as the focused heading: not also by the live region. */
  private finish(outcome: 'sent' | 'queued'): void {
    rememberAnswered(this.subject);
    if (outcome === 'sent') announceRatedHere(this.subject);
    this.phase = outcome;
    this.announcer.clear();
    void this.focusAfterUpdate('#outcome-heading');
  }

  /** The outbox delivered the survey's own kept rating: the thanks stops saying it is waiting, and the focus stays where it is. */
  private deliveredKept(key: string): void {
    this.dispatchEvent(new CivicSurveySuccessEvent(key));
    announceRatedHere(this.subject);
    if (this.phase !== 'queued') return;
    this.phase = 'sent';
    this.announcer.announce(msg('Your saved rating has now been sent.'));
  }

  private refuse(status: number, reason: LocalizedText): void {
    this.phase = 'rating';
    this.refusal = reason;
    this.dispatchEvent(new CivicSurveyErrorEvent(status, reason()));
    void this.focusAfterUpdate('.refusal');
  }

  /**
   * A kept rating came back refused (or expired unsent): the thanks must stop
   * saying it will be sent, and the survey shows again. For the survey's own
   * rating the answers are still on screen; for one kept by an earlier page
   * (`restore`) they are read back from what was sent. Focus moves only if the
   * citizen is in the survey; otherwise the live region says it.
   */
  private refuseKept(outcome: SettledSubmission, restore: boolean): void {
    if (restore && subjectOf(outcome.request) !== undefined && subjectOf(outcome.request) !== this.subject) return;
    const kind: KeptRefusalKind = outcome.expired ? 'expired' : 'refused';
    const words = kind === 'refused' ? serverReason(outcome.response) : undefined;
    const reason: LocalizedText = words
      ? () => words
      : kind === 'expired'
        ? () => msg('It waited on this device for 30 days without reaching the server, so it was deleted.')
        : () => msg('A rating saved on this device was not accepted.');
    if (restore) {
      this.values = answersFrom(outcome.request, this.scaleDefinition);
      this.errors = [];
      this.dismissed = false;
    }
    forgetAnswered(this.subject);
    this.phase = 'rating';
    this.refusal = reason;
    this.refusalKind = kind;
    this.dispatchEvent(new CivicSurveyErrorEvent(outcome.status, reason()));
    if (this.matches(':focus-within')) void this.focusAfterUpdate('.refusal');
    else this.announcer.announce(kind === 'expired' ? msg('A rating saved on this device could not be sent.') : msg('A rating saved on this device was not accepted.'));
  }

  private readonly dismiss = (): void => {
    if (this.phase === 'sending') return;
    rememberDismissed(this.dismissalSubject);
    this.dismissed = true;
    this.refusal = undefined;
    this.refusalKind = undefined;
    this.panelOpen = false;
    this.dispatchEvent(new CivicSurveyDismissEvent());
    void this.focusAfterUpdate('#dismissed');
  };

  private togglePanel(open: boolean): void {
    this.panelOpen = open;
    void this.focusAfterUpdate(open ? '#panel-heading' : '.trigger');
  }

  /**
   * Escape closes the panel from anywhere inside it, and focus goes back to the
   * trigger (WAI-ARIA non-modal dialog). Not while an input method is composing
   * (pinyin candidates): there Escape cancels the composition. Safari reports
   * that key press with keyCode 229 and isComposing false.
   */
  private readonly onPanelKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.isComposing || event.keyCode === 229) return;
    event.stopPropagation();
    this.togglePanel(false);
  };

  /**
   * WCAG 2.4.11 (Focus Not Obscured): when the focus moves to another control
   * of the page, the open panel must not cover where it went. It collapses;
   * the focus stays where the citizen put it, and the answers are kept. The
   * panel itself takes a pointer press's focus (tabindex="-1"): a press on an
   * answer's words or the panel's background would otherwise focus the page's
   * `<main tabindex="-1">` around the widget, and close the panel under the
   * citizen's finger.
   */
  private readonly onFocusOut = (event: FocusEvent): void => {
    if (!this.panelOpen) return;
    const next = event.relatedTarget;
    if (!(next instanceof Node) || this.isInside(next)) return;
    this.panelOpen = false;
  };

  /** A press anywhere on the page outside the widget closes the panel, also where nothing takes the focus. */
  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    if (this.panelOpen && !event.composedPath().includes(this)) this.panelOpen = false;
  };

  private isInside(node: Node): boolean {
    return node === this || this.contains(node) || Boolean(this.shadowRoot?.contains(node));
  }

  private stopHearingRatings?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    this.stopHearingRatings = onRatedHere(this.onRatedHere);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    this.stopHearingRatings?.();
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    focusProgrammatically(this.shadowRoot?.querySelector<HTMLElement>(selector));
  }
}
