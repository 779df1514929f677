import { defineCivicElement } from '@civic-widgets/core';
import { CivicServiceLocator } from './civic-service-locator.js';

defineCivicElement('civic-service-locator', CivicServiceLocator);

declare global {
  interface HTMLElementTagNameMap {
    'civic-service-locator': CivicServiceLocator;
  }
}
