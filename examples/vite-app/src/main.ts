// The widgets register their tags when their define.js is imported; the site's
// own Lit component shares the one copy of Lit with them.
import '@civic-widgets/feedback/define.js';
import '@civic-widgets/satisfaction-survey/define.js';
import '@civic-widgets/notice-board/define.js';
import type { CivicFeedbackSuccessEvent } from '@civic-widgets/feedback';
import { html, LitElement } from 'lit';

class DistrictBanner extends LitElement {
  override render() {
    return html`<p>示范区人民政府</p>`;
  }
}
customElements.define('district-banner', DistrictBanner);

// Typed: HTMLElementTagNameMap knows the widgets' tags and properties.
const feedback = document.querySelector('civic-feedback')!;
feedback.endpoint = new URLSearchParams(location.search).get('endpoint') ?? '';
feedback.addEventListener('civic-feedback-success', (event: CivicFeedbackSuccessEvent) => console.log(event.detail));
