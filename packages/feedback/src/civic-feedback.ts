import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  baseStyles,
  CivicElement,
  claimSubmission,
  enqueue,
  fetchWithTimeout,
  isRetryable,
  MalformedResponseError,
  newIdempotencyKey,
  outboxEvents,
  outboxSettledEvent,
  readJson,
  reportProblem,
  startOutbox,
  takeSettled,
  toRequestBody,
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
import {
  buildSubmission,
  fetchServiceDefinition,
  fetchServices,
  type Open311Settings,
} from './open311/open311-client.js';
import { Open311DataError, parseErrorDescription, parseReceipt } from './open311/parse-open311.js';
import type { Service, ServiceAttribute, SubmissionReceipt } from './open311/open311-types.js';
import { emptyValues, needsConsent, type FeedbackValues } from './form/feedback-values.js';
import { attributeFieldId, descriptionLimit, validate, type FieldError } from './form/validate.js';
import { toOpen311Fields } from './form/to-open311-fields.js';
import { clearDraft, draftKey, loadDraft, saveDraft } from './form/draft-store.js';
import { attributeField } from './form/attribute-field.js';
import { describedBy, errorId, errorMessage, hintId } from './form/field-parts.js';
import { downscalePhoto, type PreparedPhoto } from './photos/downscale-photo.js';
import { locationSection, type LocatingState } from './sections/location-section.js';
import { photosSection } from './sections/photos-section.js';
import { contactSection } from './sections/contact-section.js';
import { deliveredLaterNotice, queuedView, sentView } from './sections/outcome-views.js';
import { ProgressLookup } from './progress/progress-lookup.js';

export type LocationMode = 'none' | 'optional' | 'required';
const locationModes: readonly string[] = ['none', 'optional', 'required'];
const outboxSource = 'civic-feedback';

type Definition = ServiceAttribute[] | 'loading' | Error;
type Phase = 'form' | 'sending' | 'sent' | 'queued';
type Catalog = { kind: 'loading' } | { kind: 'ready'; services: Service[] } | { kind: 'failed'; error: unknown };

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
 * @cssprop --civic-font-family - Typeface. Default the system UI font with CJK fallbacks.
 * @cssprop --civic-font-size - Base text size. Default 1rem (care mode: at least 18px).
 * @cssprop --civic-line-height - Line height. Default 1.5.
 * @cssprop --civic-space - Base spacing unit. Default 1rem.
 * @cssprop --civic-radius - Corner radius. Default 4px.
 * @cssprop --civic-target-size - Minimum size of buttons and controls. Default 44px (care mode: at least 48px).
 * @cssprop --civic-max-width - Widest the form grows. Default 40rem (care mode: none).
 * @cssprop --civic-care-color-primary - Primary colour in care mode. Default #00366b.
 * @cssprop --civic-care-font-size - Base text size in care mode. Default 1.25rem.
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

  /** Open311 `api_key`, sent with each report. */
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

  /** Milliseconds to wait for the server before keeping the report on the device. */
  @property({ type: Number }) timeout = 15_000;

  /** Milliseconds the form must be open before it sends: faster submissions are bots and are silently dropped. */
  @property({ type: Number, attribute: 'min-fill-time' }) minFillTime = 3000;

  @state() private view: 'report' | 'progress' = 'report';
  @state() private phase: Phase = 'form';
  @state() private catalog: Catalog = { kind: 'loading' };
  @state() private definitions = new Map<string, Definition>();
  @state() private values: FeedbackValues = emptyValues();
  @state() private photos: PreparedPhoto[] = [];
  @state() private photoProblem?: string;
  @state() private preparingPhotos = false;
  @state() private errors: FieldError[] = [];
  @state() private refusal?: string;
  @state() private receipt?: SubmissionReceipt;
  @state() private deliveredLater: SubmissionReceipt[] = [];
  @state() private refusedLater: string[] = [];
  @state() private locating: LocatingState = { kind: 'idle' };
  @state() private announcement = '';

  private readonly progress = new ProgressLookup(this);
  private shownAt = 0;
  private honeypot = '';
  /** The report this widget kept on the device, and what the citizen had typed, until its outcome is known. */
  private queuedKey?: string;
  private keptValues?: FeedbackValues;
  private releaseClaim?: () => void;
  private draftKeyInUse?: string;
  private countAnnouncement?: ReturnType<typeof setTimeout>;

  /** @internal Read by the progress lookup. */
  get open311Settings(): Open311Settings {
    return { endpoint: this.endpoint, jurisdictionId: this.jurisdictionId, timeoutMs: this.timeout };
  }

  /** @internal Read by the progress lookup. */
  get renderLocale(): string {
    return this.locale;
  }

  /** @internal Says `text` through the polite live region, even when it equals the last announcement. */
  announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.shownAt = Date.now();
    if (this.queuedKey) this.releaseClaim = claimSubmission(this.queuedKey);
    outboxEvents.addEventListener(outboxSettledEvent, this.onOutboxSettled);
    void this.showSettledSubmissions();
    startOutbox();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    outboxEvents.removeEventListener(outboxSettledEvent, this.onOutboxSettled);
    clearTimeout(this.countAnnouncement);
    // Gone from the page: whichever widget loads next shows the outcome instead.
    this.releaseClaim?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('endpoint') || changed.has('jurisdictionId')) && this.endpoint) void this.loadServices();
    if (changed.has('endpoint') || changed.has('serviceCode')) this.restoreDraft();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('values') && this.phase === 'form' && this.draftKeyInUse) saveDraft(this.draftKeyInUse, this.values);
  }

  private async loadServices(): Promise<void> {
    this.catalog = { kind: 'loading' };
    try {
      this.catalog = { kind: 'ready', services: await fetchServices(this.open311Settings) };
      if (this.values.serviceCode) void this.loadDefinition(this.values.serviceCode);
    } catch (error) {
      this.catalog = { kind: 'failed', error };
    }
  }

  private retryLoading = (): void => {
    this.definitions = new Map();
    void this.loadServices();
  };

  private async loadDefinition(code: string): Promise<void> {
    const service = this.services.find((candidate) => candidate.code === code);
    if (!service?.metadata || this.definitions.has(code)) return;
    this.setDefinition(code, 'loading');
    try {
      this.setDefinition(code, await fetchServiceDefinition(this.open311Settings, code));
    } catch (error) {
      this.setDefinition(code, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private setDefinition(code: string, definition: Definition): void {
    this.definitions = new Map(this.definitions).set(code, definition);
  }

  private get services(): Service[] {
    return this.catalog.kind === 'ready' ? this.catalog.services : [];
  }

  private get selectedDefinition(): Definition | undefined {
    return this.definitions.get(this.values.serviceCode);
  }

  private get selectedAttributes(): ServiceAttribute[] {
    const definition = this.selectedDefinition;
    return Array.isArray(definition) ? definition : [];
  }

  private restoreDraft(): void {
    this.draftKeyInUse = this.endpoint ? draftKey(this.endpoint, this.serviceCode) : undefined;
    const draft = this.draftKeyInUse ? loadDraft(this.draftKeyInUse) : undefined;
    this.values = { ...(draft ?? emptyValues()), serviceCode: this.serviceCode || draft?.serviceCode || '' };
  }

  private change(patch: Partial<FeedbackValues>): void {
    this.values = { ...this.values, ...patch };
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override render() {
    return html`<div class="root ${this.careModeActive ? 'care' : ''}" lang=${this.locale}>
      <slot name="notice"></slot>
      ${this.renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderBody() {
    const problem = this.configurationProblem();
    if (problem) return reportProblem(this, problem);
    return html`${deliveredLaterNotice(this.deliveredLater, this.refusedLater, () => {
        this.deliveredLater = [];
        this.refusedLater = [];
      })}
      ${this.view === 'progress' ? this.renderProgress() : this.renderReport()}`;
  }

  private configurationProblem(): string | undefined {
    if (!this.endpoint) return msg('This form is not set up: its endpoint attribute is missing.');
    if (!locationModes.includes(this.location)) {
      return msg(str`This form is not set up correctly: location must be none, optional or required, not "${this.location}".`);
    }
    if (!Number.isInteger(this.maxPhotos) || this.maxPhotos < 0) {
      return msg('This form is not set up correctly: max-photos must be a whole number, 0 or more.');
    }
    return undefined;
  }

  private renderProgress() {
    return html`${this.progress.render()}
      <p><button type="button" class="link" @click=${() => this.showView('report')}>${msg('Back to the form')}</button></p>`;
  }

  private renderReport() {
    if (this.phase === 'sent' && this.receipt) return sentView(this.receipt, this.outcomeActions);
    if (this.phase === 'queued') return queuedView(this.outcomeActions);
    const catalog = this.catalog;
    if (catalog.kind === 'failed') return this.renderCatalogProblem(catalog.error);
    if (catalog.kind === 'loading') return html`<p class="loading" part="status">${msg('Loading the form…')}</p>`;
    if (this.serviceCode && !this.services.some((service) => service.code === this.serviceCode)) {
      return reportProblem(this, msg(str`This form is not set up correctly: there is no category "${this.serviceCode}".`));
    }
    // With the picker hidden there is no other category to choose: without its questions the form cannot be used.
    const definition = this.selectedDefinition;
    if (this.serviceCode && definition instanceof Error) return this.renderCatalogProblem(definition);
    return this.renderForm();
  }

  private renderCatalogProblem(error: unknown) {
    const malformed = error instanceof MalformedResponseError || error instanceof Open311DataError;
    const message = malformed
      ? msg('The form cannot be shown: the server sent data it does not understand. Please call 12345 instead.')
      : msg('The form could not be loaded. Check your connection and try again.');
    return html`${reportProblem(this, message, error)}
      ${malformed ? nothing : html`<p><button type="button" @click=${this.retryLoading}>${msg('Try again')}</button></p>`}`;
  }

  private renderForm() {
    const sending = this.phase === 'sending';
    return html`<form part="form" novalidate @submit=${this.submit}>
      <h2 tabindex="-1">${msg('Report a problem or give feedback')}</h2>
      <p>
        <button type="button" class="link" @click=${() => this.showView('progress')}>${msg('Already sent something? Check its progress')}</button>
      </p>
      ${this.renderErrorSummary()} ${this.renderRefusal()} ${this.serviceCode ? nothing : this.renderCategory()}
      ${this.renderAttributes()} ${this.renderDescription()}
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
            onForgetPosition: () => this.change({ position: undefined }),
          })}
      ${this.maxPhotos === 0
        ? nothing
        : photosSection({
            photos: this.photos,
            maxPhotos: this.maxPhotos,
            problem: this.photoProblem,
            busy: this.preparingPhotos,
            onAdd: (files) => void this.addPhotos(files),
            onRemove: (index) => void this.removePhoto(index),
          })}
      ${contactSection({
        values: this.values,
        errorFor: (id) => this.errorFor(id),
        onChange: (field, value) => this.change({ [field]: value }),
      })}
      ${this.renderConsent()} ${this.renderHoneypot()}
      <button class="primary" part="submit" ?disabled=${sending}>${sending ? msg('Sending…') : msg('Send')}</button>
    </form>`;
  }

  private renderErrorSummary() {
    if (this.errors.length === 0) return nothing;
    return html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${msg('There is a problem')}</h2>
      <ul>
        ${this.errors.map(
          (error) => html`<li><a href=${`#${error.fieldId}`} @click=${(event: Event) => this.focusField(event, error.fieldId)}>${error.message}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  private renderRefusal() {
    if (!this.refusal) return nothing;
    return html`<div class="refusal" part="status" tabindex="-1" role="alert">
      <h2>${msg('Your message was not accepted')}</h2>
      <p>${this.refusal}</p>
      <p>${msg('Everything you entered is still here: correct it and send again.')}</p>
    </div>`;
  }

  private renderCategory() {
    const error = this.errorFor('category');
    const groups = new Map<string, Service[]>();
    for (const service of this.services) groups.set(service.group, [...(groups.get(service.group) ?? []), service]);
    const option = (service: Service) =>
      html`<option value=${service.code} ?selected=${service.code === this.values.serviceCode}>${service.name}</option>`;
    const selected = this.services.find((service) => service.code === this.values.serviceCode);
    return html`<div class="field ${error ? 'has-error' : ''}" part="field">
      <label for="category">${msg('What is your message about?')}</label>
      ${errorMessage('category', error)}
      <select
        id="category"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy(selected?.description && hintId('category'), error && errorId('category'))}
        @change=${(event: Event) => this.chooseService((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!this.values.serviceCode}>${msg('Choose a category')}</option>
        ${[...groups].map(([group, services]) =>
          group ? html`<optgroup label=${group}>${services.map(option)}</optgroup>` : services.map(option),
        )}
      </select>
      ${selected?.description ? html`<span class="hint after" id=${hintId('category')}>${selected.description}</span>` : nothing}
    </div>`;
  }

  private renderAttributes() {
    const definition = this.selectedDefinition;
    if (definition === undefined) return nothing;
    if (definition === 'loading') return html`<p class="loading">${msg('Loading the questions for this category…')}</p>`;
    if (definition instanceof Error) {
      const message =
        definition instanceof Open311DataError || definition instanceof MalformedResponseError
          ? msg('This category cannot be reported online just now: the server sent questions the form does not understand. Choose another category or call 12345.')
          : msg('The questions for this category could not be loaded. Check your connection and choose the category again.');
      return reportProblem(this, message, definition);
    }
    return definition.map((attribute, index) => {
      const fieldId = attributeFieldId(attribute, index);
      return attributeField(attribute, fieldId, this.values.attributes[attribute.code], this.errorFor(fieldId), (code, answer) =>
        this.change({ attributes: { ...this.values.attributes, [code]: answer } }),
      );
    });
  }

  private renderDescription() {
    const error = this.errorFor('description');
    const length = this.values.description.trim().length;
    const remaining = descriptionLimit - length;
    return html`<div class="field ${error ? 'has-error' : ''}" part="field">
      <label for="description">${msg('Describe the problem, question or suggestion')}</label>
      <span class="hint" id=${hintId('description')}>${msg('Say what happened, where and since when. Do not include other people’s personal details.')}</span>
      ${errorMessage('description', error)}
      <textarea
        id="description"
        rows="6"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy(hintId('description'), error && errorId('description'), 'description-count')}
        .value=${this.values.description}
        @input=${(event: Event) => this.typeDescription((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="description-count" class="count ${remaining < 0 ? 'over' : ''}">${characterCount(remaining)}</p>
    </div>`;
  }

  private renderConsent() {
    if (!needsConsent(this.values)) return nothing;
    const error = this.errorFor('consent');
    const privacy = safeHttpUrl(this.privacyUrl);
    return html`<div class="field ${error ? 'has-error' : ''}" part="field">
      ${errorMessage('consent', error)}
      <label class="choice" for="consent">
        <input
          id="consent"
          type="checkbox"
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${describedBy(error && errorId('consent'))}
          .checked=${this.values.consent}
          @change=${(event: Event) => this.change({ consent: (event.target as HTMLInputElement).checked })}
        />
        ${msg('I agree that the district uses the contact details and location I have given to handle this message.')}
      </label>
      ${privacy
        ? html`<a href=${privacy} target="_blank" rel="noopener noreferrer">${msg('How we use your information (opens in a new tab)')}</a>`
        : nothing}
    </div>`;
  }

  /** A field people never see; bots that fill every input fill it. */
  private renderHoneypot() {
    return html`<div class="trap" aria-hidden="true">
      <label for="website">${msg('Leave this field empty')}</label>
      <input id="website" type="text" tabindex="-1" autocomplete="off" @input=${(event: Event) => (this.honeypot = (event.target as HTMLInputElement).value)} />
    </div>`;
  }

  private errorFor(fieldId: string): string | undefined {
    return this.errors.find((error) => error.fieldId === fieldId)?.message;
  }

  // ---- Interaction -------------------------------------------------------------------------------

  private get outcomeActions() {
    return {
      onCheckProgress: (reference: string) => {
        this.progress.reference = reference;
        void this.showView('progress').then(() => this.progress.lookUp(reference));
      },
      onNewReport: () => {
        this.forgetKeptReport();
        this.phase = 'form';
        this.receipt = undefined;
        this.errors = [];
        this.refusal = undefined;
        this.shownAt = Date.now();
        void this.focusAfterUpdate('h2');
      },
    };
  }

  private async showView(view: 'report' | 'progress'): Promise<void> {
    this.view = view;
    await this.focusAfterUpdate(view === 'progress' ? '#reference' : 'h2');
  }

  private chooseService(code: string): void {
    this.change({ serviceCode: code, attributes: {} });
    void this.loadDefinition(code);
  }

  private typeDescription(description: string): void {
    this.change({ description });
    // Announce the count once typing pauses, not on every key, as GOV.UK's character count does.
    clearTimeout(this.countAnnouncement);
    this.countAnnouncement = setTimeout(() => this.announce(characterCount(descriptionLimit - description.trim().length)), 1000);
  }

  private focusField(event: Event, fieldId: string): void {
    event.preventDefault();
    const control = this.shadowRoot?.getElementById(fieldId);
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  private async locate(): Promise<void> {
    if (!navigator.geolocation) {
      this.locating = { kind: 'failed', message: msg('This browser cannot find your position. Enter an address instead.') };
      return;
    }
    this.locating = { kind: 'busy' };
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        this.locating = { kind: 'idle' };
        this.change({ position: { latitude: coords.latitude, longitude: coords.longitude } });
        this.announce(msg('Your position has been added.'));
      },
      (error) => {
        const message =
          error.code === error.PERMISSION_DENIED
            ? msg('Your position was not shared. Enter an address instead.')
            : msg('Your position could not be found. Enter an address instead.');
        this.locating = { kind: 'failed', message };
        this.announce(message);
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  private async addPhotos(files: File[]): Promise<void> {
    const room = this.maxPhotos - this.photos.length;
    const limit = this.maxPhotos === 1 ? msg('You can add 1 photo.') : msg(str`You can add up to ${this.maxPhotos} photos.`);
    this.photoProblem = files.length > room ? limit : undefined;
    this.preparingPhotos = true;
    const unreadable: string[] = [];
    for (const file of files.slice(0, room)) {
      try {
        this.photos = [...this.photos, await downscalePhoto(file)];
      } catch {
        unreadable.push(file.name);
      }
    }
    this.preparingPhotos = false;
    if (unreadable.length > 0) {
      this.photoProblem = msg(str`${unreadable.join(', ')} could not be read as a photo. Choose a JPEG, PNG or WebP image.`);
    }
    this.announce(this.photoProblem ?? msg(str`${this.photos.length} of ${this.maxPhotos} photos added.`));
  }

  private async removePhoto(index: number): Promise<void> {
    this.photos[index]?.bitmap.close();
    this.photos = this.photos.filter((_, position) => position !== index);
    this.photoProblem = undefined;
    this.announce(msg(str`Photo ${index + 1} removed.`));
    const buttons = await this.focusTargetsAfterRemoval();
    (buttons[Math.min(index, buttons.length - 1)] ?? this.shadowRoot?.querySelector<HTMLElement>('#photos'))?.focus();
  }

  private async focusTargetsAfterRemoval(): Promise<HTMLElement[]> {
    await this.updateComplete;
    return [...(this.shadowRoot?.querySelectorAll<HTMLElement>('.remove-photo') ?? [])];
  }

  // ---- Sending ---------------------------------------------------------------------------------

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.phase === 'sending') return;
    // Spam: silently refused, so a bot learns nothing; no puzzle CAPTCHA that shuts out older citizens.
    if (this.honeypot || Date.now() - this.shownAt < this.minFillTime) return;
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
    const submitEvent = new CivicFeedbackSubmitEvent(fields);
    if (!this.dispatchEvent(submitEvent)) return;
    const request = buildSubmission(this.open311Settings, submitEvent.detail.fields, this.photos);
    await this.send(request, newIdempotencyKey());
  };

  private validateAll(): FieldError[] {
    const errors = validate(this.values, { attributes: this.selectedAttributes, location: this.location });
    const definition = this.selectedDefinition;
    if (definition === 'loading' || definition instanceof Error) {
      errors.unshift({ fieldId: 'category', message: msg('The questions for this category are not available. Choose another category.') });
    }
    return errors;
  }

  private async send(request: OutboxRequest, idempotencyKey: string): Promise<void> {
    this.phase = 'sending';
    this.announce(msg('Sending your message…'));
    let response: Response;
    try {
      response = await fetchWithTimeout(
        request.url,
        { method: 'POST', headers: { ...request.headers, 'Idempotency-Key': idempotencyKey }, body: toRequestBody(request.body) },
        this.timeout,
      );
    } catch {
      return this.keepForLater(request, idempotencyKey);
    }
    if (isRetryable(response.status)) return this.keepForLater(request, idempotencyKey);
    if (!response.ok) return this.refuse(response);
    let receipt: SubmissionReceipt;
    try {
      receipt = parseReceipt(await readJson(response));
    } catch (error) {
      console.error('[civic-widgets] <civic-feedback>: the report was accepted but the answer was not understood.', error);
      receipt = { notice: '' };
    }
    this.succeed(receipt);
  }

  /** `moveFocus` is false when a kept report arrives later and the citizen may be busy elsewhere on the page. */
  private succeed(receipt: SubmissionReceipt, moveFocus = true): void {
    this.receipt = receipt;
    this.phase = 'sent';
    this.finishSubmission();
    this.dispatchEvent(new CivicFeedbackSuccessEvent(receipt));
    if (moveFocus) void this.focusAfterUpdate('#outcome-heading');
  }

  private async keepForLater(request: OutboxRequest, idempotencyKey: string): Promise<void> {
    try {
      await enqueue(outboxSource, idempotencyKey, request);
    } catch (error) {
      console.error('[civic-widgets] <civic-feedback>: the report could not be kept on this device.', error);
      this.phase = 'form';
      this.refusal = msg('Your message could not be sent, and this browser does not allow saving it for later. Try again in a moment.');
      this.dispatchEvent(new CivicFeedbackErrorEvent(0, this.refusal));
      await this.focusAfterUpdate('.refusal');
      return;
    }
    this.queuedKey = idempotencyKey;
    this.keptValues = this.values;
    this.releaseClaim = claimSubmission(idempotencyKey);
    this.phase = 'queued';
    this.finishSubmission();
    this.dispatchEvent(new CivicFeedbackQueuedEvent(idempotencyKey));
    void this.focusAfterUpdate('#outcome-heading');
  }

  private async refuse(response: Response): Promise<void> {
    const description = parseErrorDescription(await response.json().catch(() => undefined));
    this.phase = 'form';
    this.refusal = description || msg(str`The server refused the message (error ${response.status}).`);
    this.dispatchEvent(new CivicFeedbackErrorEvent(response.status, this.refusal));
    await this.focusAfterUpdate('.refusal');
  }

  /** After success or safe keeping: the draft, photos and errors are no longer needed. */
  private finishSubmission(): void {
    if (this.draftKeyInUse) clearDraft(this.draftKeyInUse);
    this.photos.forEach((photo) => photo.bitmap.close());
    this.photos = [];
    this.errors = [];
    this.values = emptyValues(this.serviceCode);
  }

  private onOutboxSettled = (event: Event): void => {
    if ((event as CustomEvent<{ source: string }>).detail.source === outboxSource) void this.showSettledSubmissions();
  };

  /**
   * Outcomes of kept reports, shown once: this widget's own report in place of
   * the "saved on this device" view, others' (queued on an earlier visit) as a notice.
   */
  private async showSettledSubmissions(): Promise<void> {
    let settled;
    try {
      settled = await takeSettled(outboxSource, this.queuedKey);
    } catch {
      return; // No IndexedDB here: nothing can have been queued either.
    }
    for (const item of settled) {
      const own = item.key === this.queuedKey && this.phase === 'queued';
      if (item.ok) {
        const receipt = receiptOf(item.response);
        if (own) this.succeed(receipt, this.matches(':focus-within'));
        else {
          this.deliveredLater = [...this.deliveredLater, receipt];
          this.dispatchEvent(new CivicFeedbackSuccessEvent(receipt));
        }
        this.announce(msg('A message saved on this device has now been sent.'));
      } else {
        const description = parseErrorDescription(item.response);
        if (own) this.refuseKept(item.status, description);
        else this.refusedLater = [...this.refusedLater, description];
        this.dispatchEvent(new CivicFeedbackErrorEvent(item.status, description));
        this.announce(msg('A message saved on this device was not accepted.'));
      }
      if (own) this.forgetKeptReport();
    }
  }

  /** The server refused a kept report: back to the form with what the citizen had typed and the server's reason. */
  private refuseKept(status: number, description: string): void {
    this.values = this.keptValues ?? this.values;
    this.phase = 'form';
    this.refusal = description || msg(str`The server refused the message (error ${status}).`);
    if (this.matches(':focus-within')) void this.focusAfterUpdate('.refusal');
  }

  private forgetKeptReport(): void {
    this.releaseClaim?.();
    this.releaseClaim = undefined;
    this.queuedKey = undefined;
    this.keptValues = undefined;
  }
}

/** The receipt in a kept report's answer; a 2xx whose body is not understood still means "received". */
function receiptOf(response: unknown): SubmissionReceipt {
  try {
    return parseReceipt(response);
  } catch {
    return { notice: '' };
  }
}

function characterCount(remaining: number): string {
  if (remaining === 1) return msg('You have 1 character remaining');
  if (remaining === -1) return msg('You have 1 character too many');
  return remaining >= 0
    ? msg(str`You have ${remaining} characters remaining`)
    : msg(str`You have ${-remaining} characters too many`);
}

/** Only http(s) links: a javascript: URL in an attribute must never become a clickable link. */
function safeHttpUrl(value: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
