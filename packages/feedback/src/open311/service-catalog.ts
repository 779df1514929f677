import type { ReactiveControllerHost } from 'lit';
import { MalformedResponseError, ResponseTooLargeError } from '@civic-widgets/core';
import { fetchServiceDefinition, fetchServices, type Open311Settings } from './open311-client.js';
import { Open311DataError } from './parse-open311.js';
import type { Service, ServiceAttribute } from './open311-types.js';

export type CatalogState = { kind: 'loading' } | { kind: 'ready'; services: Service[] } | { kind: 'failed'; error: unknown };
export type Definition = ServiceAttribute[] | 'loading' | Error;

/** Data the form cannot use, as opposed to a network that may work next time. */
export function isDataError(error: unknown): boolean {
  return error instanceof Open311DataError || error instanceof MalformedResponseError || error instanceof ResponseTooLargeError;
}

/**
 * The categories of an Open311 endpoint and the questions of each, loaded on
 * demand. A newer load (another endpoint, a retry) makes every older answer
 * stale, so a slow server can never overwrite a faster one's data.
 */
export class ServiceCatalog {
  state: CatalogState = { kind: 'loading' };
  private definitions = new Map<string, Definition>();
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: () => Open311Settings,
  ) {}

  get services(): Service[] {
    return this.state.kind === 'ready' ? this.state.services : [];
  }

  has(code: string): boolean {
    return this.services.some((service) => service.code === code);
  }

  definitionOf(code: string): Definition | undefined {
    return this.definitions.get(code);
  }

  /** Loads the categories afresh, forgetting everything loaded before; resolves when they are in. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    this.definitions = new Map();
    this.update({ kind: 'loading' });
    try {
      const services = await fetchServices(this.settings());
      if (generation === this.generation) this.update({ kind: 'ready', services });
    } catch (error) {
      if (generation === this.generation) this.update({ kind: 'failed', error });
    }
  }

  /** Loads a category's questions if it has any and they are not in yet; a network failure is tried again. */
  async loadDefinition(code: string): Promise<void> {
    const service = this.services.find((candidate) => candidate.code === code);
    const known = this.definitions.get(code);
    if (!service?.metadata || (known !== undefined && !(known instanceof Error && !isDataError(known)))) return;
    const generation = this.generation;
    this.setDefinition(code, 'loading');
    let definition: Definition;
    try {
      definition = await fetchServiceDefinition(this.settings(), code);
    } catch (error) {
      definition = error instanceof Error ? error : new Error(String(error));
    }
    if (generation === this.generation) this.setDefinition(code, definition);
  }

  private setDefinition(code: string, definition: Definition): void {
    this.definitions = new Map(this.definitions).set(code, definition);
    this.host.requestUpdate();
  }

  private update(state: CatalogState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
