import type { GeolocationStatus } from '@civic-widgets/core';

const eventInit = { bubbles: true, composed: true };

/** Fired when a citizen chooses a service point: follows its directions, phone or website link. */
export class CivicLocatorSelectEvent extends Event {
  static readonly eventName = 'civic-locator-select';
  /** The GeoJSON Feature as the data gave it. */
  readonly detail: { feature: unknown };
  constructor(feature: unknown) {
    super(CivicLocatorSelectEvent.eventName, eventInit);
    this.detail = { feature };
  }
}

/** How asking for the device's position ended; never the position itself. */
export type LocateOutcome = Exclude<GeolocationStatus, 'idle' | 'asking'>;

/** Fired when "Use my location" has an answer (`detail.outcome`): the position itself never leaves the widget. */
export class CivicLocatorLocateEvent extends Event {
  static readonly eventName = 'civic-locator-locate';
  readonly detail: { outcome: LocateOutcome };
  constructor(outcome: LocateOutcome) {
    super(CivicLocatorLocateEvent.eventName, eventInit);
    this.detail = { outcome };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-locator-select': CivicLocatorSelectEvent;
    'civic-locator-locate': CivicLocatorLocateEvent;
  }
}
