import type { ReactiveControllerHost } from 'lit';
import { LoadController, MalformedResponseError, ResponseTooLargeError } from '@civic-widgets/core';
import { fetchServiceDefinition, fetchServices, type Open311Settings } from './open311-client.js';
import { Open311DataError } from './parse-open311.js';
import type { Service, ServiceAttribute } from './open311-types.js';

export type Definition = ServiceAttribute[] | 'loading' | Error;

/** Data the form cannot use, as opposed to a network that may work next time. */
export function isDataError(error: unknown): boolean {
  return error instanceof Open311DataError || error instanceof MalformedResponseError || error instanceof ResponseTooLargeError;
}

/**
 * The categories of an Open311 endpoint (a LoadController) and the questions of each, loaded on
 * demand. A newer load (another endpoint, a retry) aborts every older request,
 * so a slow server can never overwrite a faster one's data; leaving the page
 * aborts the categories still loading, which load again on return.
 */
export class ServiceCatalog extends LoadController<Service[]> {
  private definitions = new Map<string, Definition>();
  /** Aborted by a newer load: the questions still loading belong to the categories before it. */
  private definitionLoads = new AbortController();

  constructor(
    host: ReactiveControllerHost,
    private readonly settings: () => Open311Settings,
  ) {
    super(host);
  }

  get services(): Service[] {
    return this.state.kind === 'loaded' ? this.state.value : [];
  }

  service(code: string): Service | undefined {
    return this.services.find((service) => service.code === code);
  }

  definitionOf(code: string): Definition | undefined {
    return this.definitions.get(code);
  }

  /** Loads the categories afresh, forgetting everything loaded before; resolves when they are in. */
  loadServices(): Promise<void> {
    this.definitionLoads.abort();
    this.definitionLoads = new AbortController();
    this.definitions = new Map();
    return this.load((signal) => fetchServices(this.settings(), signal));
  }

  /** Loads a category's questions if it has any and they are not in yet; a network failure is tried again. */
  async loadDefinition(code: string): Promise<void> {
    const service = this.service(code);
    const known = this.definitions.get(code);
    if (!service?.metadata || (known !== undefined && !(known instanceof Error && !isDataError(known)))) return;
    const { signal } = this.definitionLoads;
    this.setDefinition(code, 'loading');
    let definition: Definition;
    try {
      definition = await fetchServiceDefinition(this.settings(), code, signal);
    } catch (error) {
      definition = error instanceof Error ? error : new Error(String(error));
    }
    if (!signal.aborted) this.setDefinition(code, definition);
  }

  private setDefinition(code: string, definition: Definition): void {
    this.definitions = new Map(this.definitions).set(code, definition);
    this.host.requestUpdate();
  }
}
