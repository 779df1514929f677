export { CivicServiceLocator } from './civic-service-locator.js';
export { CivicLocatorLocateEvent, CivicLocatorSelectEvent, type LocateOutcome } from './events.js';
export type { DirectionsService } from './geo/directions.js';
export type { ServicePoint } from './data/service-point.js';
