import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  baseStyles,
  CivicElement,
  focusField,
  focusProgrammatically,
  GeolocationController,
  newIdempotencyKey,
  notConfigured,
  PoliteAnnouncer,
  reportProblem,
  ResponseTooLargeError,
  topHeading,
  type OutboxRequest,
} from '@civic-widgets/core';
import { registerFeedbackCatalogs } from './catalog.js';
import { version } from './version.js';
import { feedbackStyles } from './feedback-styles.js';
import {
  CivicFeedbackErrorEvent,
  CivicFeedbackQueuedEvent,
  CivicFeedbackSubmitEvent,
  CivicFeedbackSuccessEvent,
} from './events.js';
import { buildSubmission, type Open311Settings } from './open311/open311-client.js';
import { isDataError, ServiceCatalog } from './open311/service-catalog.js';
import type { ServiceAttribute, SubmissionReceipt } from './open311/open311-types.js';
import { answerTo, emptyValues, needsConsent, type FeedbackValues } from './form/feedback-values.js';
import { valuesFromRequest } from './form/values-from-request.js';
import { attributeFieldId, validate, type FieldError, type LocalizedText } from './form/validate.js';
import { toOpen311Fields } from './form/to-open311-fields.js';
import { clearDraft, draftKey, loadDraft, saveDraft } from './form/draft-store.js';
import { attributeField } from './form/attribute-field.js';
import { downscalePhoto, type PreparedPhoto } from './photos/downscale-photo.js';
import { categoryField } from './sections/category-field.js';
import { characterCount, descriptionField } from './sections/description-field.js';
import { consentField, honeypotField } from './sections/consent-field.js';
import { errorSummary, refusalNotice } from './sections/error-summary.js';
import { locationSection, type LocatingState } from './sections/location-section.js';
import { photosSection } from './sections/photos-section.js';
import { contactSection } from './sections/contact-section.js';
import {
  deliveredLaterNotice,
  queuedView,
  removedView,
  sentView,
  waitingNotice,
  type DeliveredReport,
  type RefusedReport,
} from './sections/outcome-views.js';
import { formatDateTime, isTimeZone } from './time/format-time.js';
import { ProgressLookup } from './progress/progress-lookup.js';
import { sendReport } from './submission/send-report.js';
import { keptContents } from './submission/kept-contents.js';
import { holdUntil, suspectedSpamField, suspectedSpamValue } from './submission/spam-guard.js';
import { KeptReports, type WaitingReport } from './submission/kept-reports.js';

export type LocationMode = 'none' | 'optional' | 'required';
const locationModes: readonly string[] = ['none', 'optional', 'required'];

type Phase = 'form' | 'sending' | 'sent' | 'queued' | 'removed';

/**
 * A citizen reports a problem, asks, complains, suggests or praises, and can
 * follow the progress; speaks Open311 GeoReport v2 to the district's system.
 *
 * @summary Report form and progress lookup for an Open311 GeoReport v2 endpoint.
 *
 * @slot notice - The district's own text above the form, such as emergency numbers.
 *
 * @fires {CivicFeedbackSubmitEvent} civic-feedback-submit - Before sending; cancelable. `detail.fields` holds the Open311 parameters and may be added to.
 * @fires {CivicFeedbackSuccessEvent} civic-feedback-success - The server accepted a report (`detail.requestId` or `detail.token`, `detail.notice`), now or later from the outbox.
 * @fires {CivicFeedbackQueuedEvent} civic-feedback-queued - The report was kept on the device to be sent automatically (`detail.idempotencyKey`).
 * @fires {CivicFeedbackErrorEvent} civic-feedback-error - The server refused the report, or it could neither be sent nor kept (`detail.status`, `detail.message`).
 *
 * @csspart form - The report form and the progress form.
 * @csspart field - Each field group.
 * @csspart submit - The send and check buttons.
 * @csspart status - Outcomes: sent, saved on the device, refused, progress found.
 *
 * @cssprop --civic-color-primary - Buttons, links and the focus of choices. Default #005ea5.
 * @cssprop --civic-color-on-primary - Text on primary buttons. Default #ffffff.
 * @cssprop --civic-color-text - Body text. Default #1b1b1b.
 * @cssprop --civic-color-text-muted - Hints. Default #505a5f.
 * @cssprop --civic-color-background - Widget background. Default #ffffff.
 * @cssprop --civic-color-surface - Panels such as the tracking number box. Default #f3f2f1.
 * @cssprop --civic-color-border - Field borders. Default #6b7378.
 * @cssprop --civic-color-focus - Focus halo. Default #ffbf47.
 * @cssprop --civic-color-error - Error messages and borders. Default #b10e1e.
 * @cssprop --civic-color-success - The "received" panel. Default #00703c.
 * @cssprop --civic-color-scheme - The `color-scheme` native controls are drawn for; set `dark` only with a dark `--civic-color-background`. Default light, whatever the page's scheme.
 * @cssprop --civic-font-family - Typeface. Default the system UI font with CJK fallbacks (Traditional Chinese fonts first in zh-Hant).
 * @cssprop --civic-font-size - Base text size. Default `medium`: the reader's own default size, whatever the page's root font size (care mode: 1.25 times, at least 18px).
 * @cssprop --civic-line-height - Line height. Default 1.5.
 * @cssprop --civic-space - Base spacing unit. Default 1em (of the widget's text size).
 * @cssprop --civic-radius - Corner radius. Default 4px.
 * @cssprop --civic-target-size - Minimum size of buttons and controls. Default 44px (care mode: at least 48px).
 * @cssprop --civic-max-width - Widest the form grows. Default 40em (of the widget's text size, so wider in care mode).
 * @cssprop --civic-care-color-text - Text in care mode. Default #000000.
 * @cssprop --civic-care-color-background - Background in care mode. Default #ffffff.
 * @cssprop --civic-care-color-primary - Primary colour in care mode. Default #00366b.
 * @cssprop --civic-care-font-size - Base text size in care mode (never below 18px). Default 1.25em (of the base text size).
 */
export class CivicFeedback extends CivicElement {
  static readonly version: string = version;
  static override styles = [baseStyles, feedbackStyles];

  // Registered with the class, not by a bare import, so no bundler can drop it as a side effect.
  static {
    registerFeedbackCatalogs();
  }

  /** Base URL of the Open311 GeoReport v2 API; the widget calls `${endpoint}/services.json` and so on. Required. */
  @property() endpoint = '';

  /** Open311 `api_key`, sent with each report. A public key: it is visible in the page and kept with reports saved on the device. */
  @property({ attribute: 'api-key' }) apiKey = '';

  /** Open311 `jurisdiction_id`, for endpoints that serve several jurisdictions. */
  @property({ attribute: 'jurisdiction-id' }) jurisdictionId = '';

  /** Preselects one category (`service_code`) and hides the category picker. */
  @property({ attribute: 'service-code' }) serviceCode = '';

  /** The district's privacy notice, linked from the consent text. */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';

  /** Whether the report asks where: `none`, `optional` or `required`. */
  @property() location: LocationMode = 'optional';

  /** How many photos a citizen may add; `0` hides photos. */
  @property({ type: Number, attribute: 'max-photos' }) maxPhotos = 3;

  /** IANA time zone of every date and time shown (progress, expected date, how long a report is kept), as `<civic-notice-board>`'s. */
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Shanghai';

  /**
   * The most bytes (default 2 MB) the form reads from one answer of the server (categories, questions, progress): past it, the
   * form says it cannot be shown and names the limit in the console. Categories past 500, questions past 100 and
   * choices past 200 per question are left out (said once in the console).
   */
  @property({ type: Number, attribute: 'max-response-bytes' }) maxResponseBytes = 2_097_152;

  /** Milliseconds to wait for the server before keeping the report on the device. */
  @property({ type: Number }) timeout = 15_000;

  /**
   * Milliseconds the form must be open before a report leaves: a valid report sent sooner is held (the citizen sees "Sending…")
   * until this time has passed, never dropped. A restored draft counts as filled in.
   */
  @property({ type: Number, attribute: 'min-fill-time' }) minFillTime = 3000;

  @state() private view: 'report' | 'progress' = 'report';
  @state() private phase: Phase = 'form';
  @state() private values: FeedbackValues = emptyValues();
  @state() private photos: PreparedPhoto[] = [];
  @state() private photoProblem?: LocalizedText;
  @state() private preparingPhotos = false;
  /** Photos attached before a reload, which could not be kept: the citizen is asked to add them again. */
  @state() private droppedPhotos = 0;
  @state() private errors: FieldError[] = [];
  @state() private refusal?: LocalizedText;
  @state() private receipt?: SubmissionReceipt;
  @state() private deliveredLater: DeliveredReport[] = [];
  /** When the kept report leaves the device if it could not be sent (epoch ms). */
  @state() private keptUntil = 0;
  /** What the kept report holds (message, answers, location, photos, contact details), as the citizen gave them. */
  @state() private keptWhat: LocalizedText[] = [];
  @state() private removal: 'offered' | 'asking' = 'offered';
  /** Reports kept earlier in this browsing session and still waiting; `asking` while removal is being confirmed. */
  @state() private waiting: Array<WaitingReport & { asking: boolean }> = [];
  @state() private refusedLater: RefusedReport[] = [];
  @state() private locating: LocatingState = { kind: 'idle' };
  private readonly geolocation = new GeolocationController(this, { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 });
  private readonly announcer = new PoliteAnnouncer(this);

  private readonly catalog = new ServiceCatalog(this, () => this.open311Settings);
  private readonly progress = new ProgressLookup(this);
  /** The catalogue state the form last took in: a new one may lack the chosen category, or bring its questions. */
  private adoptedCatalog?: ServiceCatalog['state'];
  private readonly kept = new KeptReports(this, {
    ownSent: (receipt) => {
      this.succeed(receipt, this.matches(':focus-within'));
      this.announce(msg('A message saved on this device has now been sent.'));
    },
    ownRefused: (status, reason, request) => {
      void this.restoreKeptReport(reason, request);
      this.dispatchEvent(new CivicFeedbackErrorEvent(status, reason()));
      this.announce(msg('A message saved on this device was not accepted.'));
    },
    earlierSent: (receipt, sameSession) => {
      // Kept in another browsing session: the person at the device now may not be the one who wrote it.
      const report: DeliveredReport = sameSession ? { receipt } : { receipt, onShow: () => void this.showDelivered(report) };
      this.deliveredLater = [...this.deliveredLater, report];
      this.dispatchEvent(new CivicFeedbackSuccessEvent(receipt));
      this.announce(msg('A message saved on this device has now been sent.'));
    },
    earlierRefused: (status, reason, request) => {
      const refused: RefusedReport = { reason };
      if (request && this.sendsTo(request)) refused.onRestore = () => void this.restoreEarlierReport(refused, request);
      this.refusedLater = [...this.refusedLater, refused];
      this.dispatchEvent(new CivicFeedbackErrorEvent(status, reason()));
      this.announce(msg('A message saved on this device was not accepted.'));
    },
    waitingChanged: (waiting) => {
      this.waiting = waiting.map((report) => ({ ...report, asking: this.waiting.some((shown) => shown.key === report.key && shown.asking) }));
    },
  });
  private shownAt = 0;
  private honeypot = '';
  /** Photos being prepared belong to this report; a later one must not receive them. */
  private reportNumber = 0;
  private draftKeyInUse?: string;

  /** @internal Read by the progress lookup. */
  get open311Settings(): Open311Settings {
    return {
      endpoint: this.endpoint,
      jurisdictionId: this.jurisdictionId,
      timeoutMs: this.timeout,
      locale: this.locale,
      maxResponseBytes: this.maxResponseBytes,
    };
  }

  /** @internal Read by the progress lookup: `time` in the page's language and the district's time zone. */
  formatTime(time: string | number, withTime = true): string {
    return formatDateTime(this.locale, this.timeZone, time, withTime);
  }

  /** @internal Says `text` through the polite live region, even when it equals the last announcement. */
  announce(text: string): void {
    this.announcer.announce(text);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.shownAt = Date.now();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const newSource = changed.has('endpoint') || changed.has('jurisdictionId');
    if (newSource && this.endpoint) {
      this.progress.reset();
      void this.catalog.loadServices();
    }
    if (changed.has('endpoint') || changed.has('serviceCode')) this.restoreDraft();
    // The categories are in (also those of a load a move cut short, started again on return).
    else if (this.catalog.state !== this.adoptedCatalog) this.adoptCatalog();
  }

  protected override updated(changed: PropertyValues): void {
    if ((changed.has('values') || changed.has('photos')) && this.phase === 'form' && this.draftKeyInUse) {
      saveDraft(this.draftKeyInUse, this.values, this.photos.length);
    }
    // Outcomes of kept reports are taken only by a widget that can show them.
    if (!this.configurationProblem()) this.kept.watch();
  }

  /** Once the categories are in: forget a category the server no longer has, and load the chosen one's questions. */
  private adoptCatalog(): void {
    this.adoptedCatalog = this.catalog.state;
    if (this.catalog.state.kind !== 'loaded') return;
    if (this.values.serviceCode && !this.catalog.service(this.values.serviceCode) && !this.serviceCode) {
      this.change({ serviceCode: '', attributes: {} });
    }
    if (this.values.serviceCode) void this.catalog.loadDefinition(this.values.serviceCode);
  }

  private restoreDraft(): void {
    this.draftKeyInUse = this.endpoint ? draftKey(this.endpoint, this.serviceCode) : undefined;
    const draft = this.draftKeyInUse ? loadDraft(this.draftKeyInUse) : undefined;
    // A restored draft was typed by a person before the reload: no minimum fill time for it.
    if (draft) this.shownAt = 0;
    this.droppedPhotos = draft?.droppedPhotos ?? 0;
    this.values = { ...(draft?.values ?? emptyValues()), serviceCode: this.serviceCode || draft?.values.serviceCode || '' };
    this.adoptCatalog();
  }

  private change(patch: Partial<FeedbackValues>): void {
    this.values = { ...this.values, ...patch };
  }

  private get selectedDefinition() {
    return this.catalog.definitionOf(this.values.serviceCode);
  }

  private get selectedAttributes(): ServiceAttribute[] {
    const definition = this.selectedDefinition;
    return Array.isArray(definition) ? definition : [];
  }

  private errorFor(fieldId: string): string | undefined {
    return this.errors.find((error) => error.fieldId === fieldId)?.message();
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override render() {
    return html`<div class="root ${this.careModeActive ? 'care' : ''}" lang=${this.locale}>
      <slot name="notice"></slot>
      ${this.renderBody()}
      ${this.announcer.render()}
    </div>`;
  }

  private renderBody() {
    const configuration = this.configurationProblem();
    if (configuration) return this.notSetUp(configuration);
    // A report goes back into the form only while the form is free: not over one being sent or kept.
    const canRestore = this.view === 'report' && this.phase === 'form';
    return html`${deliveredLaterNotice(
        this.deliveredLater,
        this.refusedLater,
        canRestore,
        () => {
          this.deliveredLater = [];
          this.refusedLater = [];
          // The notice and its button are gone: focus goes to what the citizen came for.
          void this.focusAfterUpdate(this.view === 'progress' ? '#reference' : '#form-heading, #outcome-heading');
        },
        this.headings,
      )}
      ${this.view === 'report' ? this.renderWaiting() : nothing}
      ${this.view === 'progress' ? this.renderProgress() : this.renderReport()}`;
  }
  private renderWaiting() {
    const ask = (index: number, asking: boolean) =>
      (this.waiting = this.waiting.map((report, position) => (position === index ? { ...report, asking } : report)));
    return waitingNotice({
      waiting: this.waiting.map(({ keptUntil, asking }) => ({ keptUntil: this.formatTime(keptUntil, false), asking })),
      onRemove: (index) => {
        ask(index, true);
        void this.focusAfterUpdate(`#waiting-question-${index}`);
      },
      onCancelRemoval: (index) => {
        ask(index, false);
        void this.focusAfterUpdate(`#remove-waiting-${index}`);
      },
      onConfirmRemoval: (index) => void this.removeWaiting(index),
    });
  }

  /** A report kept before a reload, removed at its citizen's request; focus goes on to the form. */
  private async removeWaiting(index: number): Promise<void> {
    const report = this.waiting[index];
    if (!report) return;
    if (await this.kept.removeWaiting(report.key)) {
      this.announce(msg('Your message has been removed from this device and was not sent.'));
    }
    await this.focusAfterUpdate('#remove-waiting-0, #form-heading, #outcome-heading, #retry');
  }

  /** A set-up mistake, in English for the web team's console; the citizen sees notSetUp(). */
  private configurationProblem(): string | undefined {
    if (!this.endpoint) return 'The endpoint attribute is missing.';
    if (!locationModes.includes(this.location)) return `location must be none, optional or required, not "${this.location}".`;
    if (!Number.isInteger(this.maxPhotos) || this.maxPhotos < 0) return `max-photos must be a whole number, 0 or more, not "${this.maxPhotos}".`;
    if (!isTimeZone(this.timeZone)) return `time-zone "${this.timeZone}" is not an IANA time zone.`;
    if (!Number.isInteger(this.maxResponseBytes) || this.maxResponseBytes < 1) return `max-response-bytes must be a whole number of bytes, 1 or more, not "${this.maxResponseBytes}".`;
    // setTimeout and AbortSignal.timeout take at most 2^31 - 1 ms; Infinity would break them.
    const longest = 2_147_483_647;
    const isDelay = (ms: number, least: number) => Number.isFinite(ms) && ms >= least && ms <= longest;
    if (!isDelay(this.timeout, 1) || !isDelay(this.minFillTime, 0)) {
      return `timeout must be a number of milliseconds above 0, and min-fill-time 0 or more (not "${this.timeout}" and "${this.minFillTime}").`;
    }
    return undefined;
  }

  /** The citizen's words for any set-up mistake: no attribute names, and another way to be heard. */
  private notSetUp(problem: string) {
    return notConfigured(this, problem, msg('This form cannot be used at the moment. To report a problem or ask a question, please call the 12345 hotline.'));
  }

  private renderProgress() {
    return html`${this.progress.render(this.headings)}
      <p><button type="button" class="link" @click=${() => this.showView('report')}>${msg('Back to the form')}</button></p>`;
  }

  private renderReport() {
    if (this.phase === 'sent' && this.receipt) return sentView(this.receipt, this.outcomeActions, this.headings);
    if (this.phase === 'queued') {
      return queuedView(
        {
          ...this.outcomeActions,
          keptUntil: this.formatTime(this.keptUntil, false),
          keptWhat: new Intl.ListFormat(this.locale).format(this.keptWhat.map((part) => part())),
          removal: this.removal,
          onRemove: () => {
            this.removal = 'asking';
            void this.focusAfterUpdate('#removal-question');
          },
          onCancelRemoval: () => {
            this.removal = 'offered';
            void this.focusAfterUpdate('#remove-kept');
          },
          onConfirmRemoval: () => void this.removeKeptReport(),
        },
        this.headings,
      );
    }
    if (this.phase === 'removed') return removedView(this.outcomeActions, this.headings);
    const catalog = this.catalog.state;
    if (catalog.kind === 'failed') return this.renderLoadProblem(catalog.error);
    if (catalog.kind !== 'loaded') return html`<p class="loading" part="status">${msg('Loading the form…')}</p>`;
    if (this.serviceCode && !this.catalog.service(this.serviceCode)) {
      return this.notSetUp(`service-code "${this.serviceCode}" is not a category (service_code) of this endpoint.`);
    }
    // With the picker hidden there is no other category to choose: without its questions the form cannot be used.
    const definition = this.selectedDefinition;
    if (this.serviceCode && definition instanceof Error) return this.renderLoadProblem(definition);
    return this.renderForm();
  }

  private renderLoadProblem(error: unknown) {
    if (error instanceof ResponseTooLargeError) {
      return reportProblem(
        this,
        `The Open311 server sent more than max-response-bytes (${error.limitBytes} bytes) from ${error.url}.`,
        msg('The form cannot be shown: the server sent far more data than a form can use. Please call 12345 instead.'),
      );
    }
    if (isDataError(error)) {
      return reportProblem(
        this,
        'The Open311 server sent data this form does not understand.',
        msg('The form cannot be shown: the server sent data it does not understand. Please call 12345 instead.'),
        error,
      );
    }
    return html`${reportProblem(
        this,
        'The Open311 endpoint could not be reached.',
        msg('The form could not be loaded. Check your connection and try again.'),
        error,
      )}
      <p><button type="button" id="retry" @click=${this.retryLoading}>${msg('Try again')}</button></p>`;
  }

  private retryLoading = async (): Promise<void> => {
    await this.catalog.loadServices();
    await this.focusAfterUpdate(this.catalog.state.kind === 'loaded' ? '#form-heading' : '#retry');
  };

  private renderForm() {
    const sending = this.phase === 'sending';
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${topHeading(this.headings, msg('Report a problem or give feedback'), { id: 'form-heading' })}
      <p>
        <button type="button" class="link" @click=${() => this.showView('progress')}>${msg('Already sent something? Check its progress')}</button>
      </p>
      ${errorSummary(this.errors, (event, fieldId) => focusField(this.shadowRoot, event, fieldId), this.headings.inner)}
      ${refusalNotice(this.refusal, this.headings.inner)}
      ${this.serviceCode
        ? nothing
        : categoryField(this.catalog.services, this.values.serviceCode, this.errorFor('category'), (code) => this.chooseService(code))}
      ${this.renderAttributes()}
      ${descriptionField(this.values.description, this.errorFor('description'), this.locale, (description) => this.typeDescription(description))}
      ${this.location === 'none'
        ? nothing
        : locationSection({
            values: this.values,
            required: this.location === 'required',
            error: this.errorFor('address'),
            locating: this.locating,
            locale: this.locale,
            onAddress: (address) => this.change({ address }),
            onLocate: () => void this.locate(),
            onForgetPosition: () => {
              this.geolocation.forget();
              this.change({ position: undefined });
              void this.focusAfterUpdate('#locate');
            },
          })}
      ${this.maxPhotos === 0
        ? nothing
        : photosSection({
            photos: this.photos,
            maxPhotos: this.maxPhotos,
            problem: this.photoProblem,
            busy: this.preparingPhotos,
            droppedPhotos: this.photos.length === 0 ? this.droppedPhotos : 0,
            onAdd: (files) => void this.addPhotos(files),
            onRemove: (index) => void this.removePhoto(index),
          })}
      ${contactSection({
        values: this.values,
        errorFor: (id) => this.errorFor(id),
        onChange: (field, value) => this.change({ [field]: value }),
      })}
      ${needsConsent(this.values)
        ? consentField(this.values.consent, this.errorFor('consent'), this.privacyUrl, (consent) => this.change({ consent }))
        : nothing}
      ${honeypotField((value) => (this.honeypot = value))}
      <button class="primary" part="submit" aria-disabled=${sending ? 'true' : nothing}>${sending ? msg('Sending…') : msg('Send')}</button>
    </form>`;
  }

  private renderAttributes() {
    const definition = this.selectedDefinition;
    if (definition === undefined) return nothing;
    if (definition === 'loading') return html`<p class="loading">${msg('Loading the questions for this category…')}</p>`;
    if (definition instanceof Error) {
      return isDataError(definition)
        ? reportProblem(
            this,
            `The questions of category "${this.values.serviceCode}" are not understood.`,
            msg('This category cannot be reported online just now: the server sent questions the form does not understand. Choose another category or call 12345.'),
            definition,
          )
        : reportProblem(
            this,
            `The questions of category "${this.values.serviceCode}" could not be loaded.`,
            msg('The questions for this category could not be loaded. Check your connection and choose the category again.'),
            definition,
          );
    }
    return definition.map((attribute, index) => {
      const fieldId = attributeFieldId(attribute, index);
      return attributeField(attribute, fieldId, answerTo(this.values, attribute.code), this.errorFor(fieldId), (code, answer) =>
        this.change({ attributes: { ...this.values.attributes, [code]: answer } }),
      );
    });
  }

  // ---- Interaction -------------------------------------------------------------------------------

  private get outcomeActions() {
    return {
      onCheckProgress: (reference: string) => {
        this.progress.reference = reference;
        void this.showView('progress').then(() => this.progress.lookUp(reference));
      },
      onNewReport: () => {
        this.kept.forget();
        // The report kept a moment ago is no longer this form's: it waits, and can still be removed.
        void this.kept.showWaiting();
        this.phase = 'form';
        this.receipt = undefined;
        this.errors = [];
        this.refusal = undefined;
        this.photoProblem = undefined;
        this.locating = { kind: 'idle' };
        this.honeypot = '';
        this.shownAt = Date.now();
        void this.focusAfterUpdate('#form-heading');
      },
    };
  }

  private async showView(view: 'report' | 'progress'): Promise<void> {
    this.view = view;
    // Back from progress, the report view may show the form or the outcome of the last report.
    await this.focusAfterUpdate(view === 'progress' ? '#reference' : '#form-heading, #outcome-heading');
  }

  private chooseService(code: string): void {
    this.change({ serviceCode: code, attributes: {} });
    void this.catalog.loadDefinition(code);
  }

  private typeDescription(description: string): void {
    this.change({ description });
    // Announce the count once typing pauses, not on every key, as GOV.UK's character count does.
    this.announcer.announceWhenPaused(() => characterCount(description, this.locale), 1000);
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    focusProgrammatically(this.shadowRoot?.querySelector<HTMLElement>(selector));
  }

  private async locate(): Promise<void> {
    // Busy, not disabled, while asking (a disabled button would drop the focus to the page): a second press waits for the first.
    if (this.locating.kind === 'busy') return;
    if (!('geolocation' in navigator)) {
      this.locating = { kind: 'failed', message: () => msg('This browser cannot find your position. Enter an address instead.') };
      return;
    }
    this.locating = { kind: 'busy' };
    const status = await this.geolocation.request();
    const position = this.geolocation.position;
    if (status === 'found' && position) {
      this.locating = { kind: 'idle' };
      this.change({ position: { latitude: position.latitude, longitude: position.longitude } });
      this.announce(msg('Your position has been added.'));
      // The button the citizen pressed is gone: its replacement takes the focus.
      void this.focusAfterUpdate('#forget-position');
      return;
    }
    // Forgotten meanwhile (the widget left the page): nothing to say, and the button works again.
    if (status === 'idle' || status === 'asking') {
      this.locating = { kind: 'idle' };
      return;
    }
    const message: LocalizedText =
      status === 'denied'
        ? () => msg('Your position was not shared. Enter an address instead.')
        : () => msg('Your position could not be found. Enter an address instead.');
    this.locating = { kind: 'failed', message };
    this.announce(message());
  }

  private async addPhotos(files: File[]): Promise<void> {
    const report = this.reportNumber;
    this.droppedPhotos = 0;
    const room = this.maxPhotos - this.photos.length;
    const maxPhotos = this.maxPhotos;
    const limit: LocalizedText = maxPhotos === 1 ? () => msg('You can add 1 photo.') : () => msg(str`You can add up to ${maxPhotos} photos.`);
    this.photoProblem = files.length > room ? limit : undefined;
    this.preparingPhotos = true;
    const unreadable: string[] = [];
    for (const file of files.slice(0, room)) {
      try {
        const photo = await downscalePhoto(file);
        if (report === this.reportNumber) this.photos = [...this.photos, photo];
        else photo.bitmap.close();
      } catch {
        unreadable.push(file.name);
      }
    }
    this.preparingPhotos = false;
    if (report !== this.reportNumber) return;
    if (unreadable.length > 0) {
      this.photoProblem = () => {
        const names = new Intl.ListFormat(this.locale).format(unreadable);
        return msg(str`${names} could not be read as a photo. Choose a JPEG, PNG or WebP image.`);
      };
    }
    this.announce(this.photoProblem?.() ?? msg(str`${this.photos.length} of ${this.maxPhotos} photos added.`));
    // The file input is gone once the last photo fits: keep the focus in the photos field.
    if (this.photos.length >= this.maxPhotos) void this.focusAfterUpdate('#photos-full');
  }

  private async removePhoto(index: number): Promise<void> {
    this.photos[index]?.bitmap.close();
    this.photos = this.photos.filter((_, position) => position !== index);
    this.photoProblem = undefined;
    this.announce(msg(str`Photo ${index + 1} removed.`));
    await this.updateComplete;
    const buttons = [...(this.shadowRoot?.querySelectorAll<HTMLElement>('.remove-photo') ?? [])];
    (buttons[Math.min(index, buttons.length - 1)] ?? this.shadowRoot?.querySelector<HTMLElement>('#add-photos'))?.focus();
  }

  // ---- Sending ---------------------------------------------------------------------------------

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.phase === 'sending') return;
    if (this.preparingPhotos) {
      this.announce(msg('Wait until the photos are ready, then send.'));
      return;
    }
    this.refusal = undefined;
    this.errors = this.validateAll();
    if (this.errors.length > 0) {
      await this.focusAfterUpdate('.error-summary');
      return;
    }
    const fields = toOpen311Fields(this.values, this.selectedAttributes, {
      apiKey: this.apiKey,
      jurisdictionId: this.jurisdictionId,
      location: this.location,
    });
    // Browsers' autofill fills hidden fields too: a filled trap marks the report for staff to review, it never drops it.
    if (this.honeypot) fields[suspectedSpamField] = suspectedSpamValue;
    const submitEvent = new CivicFeedbackSubmitEvent(fields);
    if (!this.dispatchEvent(submitEvent)) return;
    this.phase = 'sending';
    this.announce(msg('Sending your message…'));
    // Faster than a person fills a form: held until the minimum time has passed, then sent as usual.
    await holdUntil(this.shownAt + this.minFillTime);
    await this.send(submitEvent.detail.fields);
  };

  private validateAll(): FieldError[] {
    const errors = validate(this.values, { attributes: this.selectedAttributes, location: this.location });
    const service = this.catalog.service(this.values.serviceCode);
    const definition = this.selectedDefinition;
    if (service?.metadata && !Array.isArray(definition)) {
      // Questions still loading (or failed): sending now would leave out required answers.
      const fieldId = this.serviceCode ? 'form-heading' : 'category';
      const message: LocalizedText =
        definition instanceof Error
          ? () => msg('The questions for this category are not available. Choose another category.')
          : () => msg('The questions for this category are still loading. Try again in a moment.');
      errors.unshift({ fieldId, message });
    }
    return errors;
  }

  private async send(fields: Record<string, string | string[]>): Promise<void> {
    const request = buildSubmission(this.open311Settings, fields, this.photos);
    const idempotencyKey = newIdempotencyKey();
    const outcome = await sendReport(request, idempotencyKey, this.timeout);
    if (outcome.kind === 'sent') return this.succeed(outcome.receipt);
    if (outcome.kind === 'refused') return this.refuse(outcome.status, outcome.reason);
    try {
      this.keptUntil = await this.kept.keep(idempotencyKey, request, outcome.retryAfterMs);
      this.keptWhat = keptContents(this.values, this.photos.length);
    } catch (error) {
      console.error('[civic-widgets] <civic-feedback>: the report could not be kept on this device.', error);
      return this.refuse(0, () => msg('Your message could not be sent, and this browser does not allow saving it for later. Try again in a moment.'));
    }
    this.phase = 'queued';
    this.removal = 'offered';
    this.finishSubmission();
    this.dispatchEvent(new CivicFeedbackQueuedEvent(idempotencyKey));
    void this.focusAfterUpdate('#outcome-heading');
  }

  /** The citizen confirmed: their kept report leaves this device unsent (unless it has just been sent). */
  private async removeKeptReport(): Promise<void> {
    if (await this.kept.remove()) {
      this.phase = 'removed';
      this.announce(msg('Your message has been removed from this device and was not sent.'));
      await this.focusAfterUpdate('#outcome-heading');
    }
    // Otherwise it has just been sent: its receipt takes the place of this view.
  }

  /** The citizen asked to see the tracking number of a report kept in an earlier session. */
  private async showDelivered(report: DeliveredReport): Promise<void> {
    const index = this.deliveredLater.indexOf(report);
    if (index < 0) return;
    this.deliveredLater = this.deliveredLater.map((other) => (other === report ? { receipt: report.receipt } : other));
    await this.updateComplete;
    this.shadowRoot?.querySelectorAll<HTMLElement>('.delivered-later .receipt, .delivered-later .show-receipt')[index]?.focus();
  }

  /** `moveFocus` is false when a kept report arrives later and the citizen may be busy elsewhere on the page. */
  private succeed(receipt: SubmissionReceipt, moveFocus = true): void {
    this.receipt = receipt;
    this.phase = 'sent';
    this.finishSubmission();
    this.dispatchEvent(new CivicFeedbackSuccessEvent(receipt));
    if (moveFocus) void this.focusAfterUpdate('#outcome-heading');
  }

  private async refuse(status: number, reason: LocalizedText): Promise<void> {
    this.phase = 'form';
    this.refusal = reason;
    this.dispatchEvent(new CivicFeedbackErrorEvent(status, reason()));
    await this.focusAfterUpdate('.refusal');
  }

  /** The server refused this widget's kept report: back to the form with what was sent and the server's reason. */
  private async restoreKeptReport(reason: LocalizedText, request: OutboxRequest | undefined): Promise<void> {
    try {
      if (request) await this.refill(request, { personal: true });
    } finally {
      this.phase = 'form';
      this.refusal = reason;
      this.announce(reason());
      if (this.matches(':focus-within')) void this.focusAfterUpdate('.refusal');
    }
  }

  /** A report kept on an earlier visit and refused: the citizen asked to have it back in the form. */
  private async restoreEarlierReport(refused: RefusedReport, request: OutboxRequest): Promise<void> {
    if (this.view !== 'report' || this.phase !== 'form') return;
    this.refusedLater = this.refusedLater.filter((other) => other !== refused);
    try {
      await this.refill(request, { personal: false });
    } finally {
      this.refusal = refused.reason;
      await this.focusAfterUpdate('.refusal');
    }
  }

  /** Whether `request` was sent where this form sends: only then does it belong in this form. */
  private sendsTo(request: OutboxRequest): boolean {
    const here = buildSubmission(this.open311Settings, {}, []).url;
    const code = new URLSearchParams(request.body.kind === 'urlencoded' ? request.body.text : '').get('service_code')
      ?? (request.body.kind === 'multipart' ? request.body.parts.find(([name]) => name === 'service_code')?.[1] : undefined);
    return request.url === here && (!this.serviceCode || code === this.serviceCode);
  }

  private async refill(request: OutboxRequest, options: { personal: boolean }): Promise<void> {
    // Photos still being prepared belonged to what was in the form before.
    this.reportNumber++;
    const { values, photos } = await valuesFromRequest(request, options);
    this.photos.forEach((photo) => photo.bitmap.close());
    photos.slice(this.maxPhotos).forEach((photo) => photo.bitmap.close());
    this.values = { ...values, serviceCode: this.serviceCode || values.serviceCode };
    this.photos = photos.slice(0, this.maxPhotos);
    this.errors = [];
    this.adoptCatalog();
  }

  /** After success or safe keeping: the draft, photos and errors are no longer needed. */
  private finishSubmission(): void {
    this.reportNumber++;
    this.droppedPhotos = 0;
    if (this.draftKeyInUse) clearDraft(this.draftKeyInUse);
    this.photos.forEach((photo) => photo.bitmap.close());
    this.photos = [];
    this.errors = [];
    this.values = emptyValues(this.serviceCode);
  }
}
