// Registers <civic-satisfaction-survey>. Angular sets bound properties on the
// element whether or not its tag is defined yet: Lit takes a property set before
// the upgrade as its own, so the import order does not matter here.
import '@civic-widgets/satisfaction-survey/define.js';
import type { CivicSurveySuccessEvent } from '@civic-widgets/satisfaction-survey';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

@Component({
  selector: 'district-app',
  // The civic-* tags are custom elements: Angular binds their properties without checking them.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>办事评价</h1>
      <civic-satisfaction-survey
        [endpoint]="endpoint"
        [serviceId]="serviceId"
        [sampleRate]="1"
        [callback]="false"
        (civic-survey-success)="onRated($event)"
      ></civic-satisfaction-survey>
      <output id="received">{{ received() }}</output>
    </main>
  `,
})
class DistrictApp {
  readonly endpoint = new URLSearchParams(location.search).get('endpoint') ?? '';
  readonly serviceId = 'lift-breakdown';
  readonly received = signal('');

  // Typed by Angular's strict templates from the package's declarations
  // (the tag in HTMLElementTagNameMap, the event in GlobalEventHandlersEventMap).
  onRated(event: CivicSurveySuccessEvent): void {
    this.received.set(event.detail.idempotencyKey);
  }
}

bootstrapApplication(DistrictApp, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
