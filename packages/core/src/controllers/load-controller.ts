import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadState<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; error: unknown };

/**
 * Loads one thing at a time: a new `load()` aborts the request it supersedes
 * (its fetch is cancelled, not merely ignored), and leaving the page aborts
 * the current one and goes back to `idle`, so the host loads again when it
 * returns.
 */
export class LoadController<T> implements ReactiveController {
  state: LoadState<T> = { kind: 'idle' };
  private current?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  async load(task: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    this.set({ kind: 'loading' });
    try {
      const value = await task(controller.signal);
      if (!controller.signal.aborted) this.set({ kind: 'loaded', value });
    } catch (error) {
      if (!controller.signal.aborted) this.set({ kind: 'failed', error });
    }
  }

  hostDisconnected(): void {
    if (this.state.kind !== 'loading') return;
    this.current?.abort();
    this.state = { kind: 'idle' };
  }

  private set(state: LoadState<T>): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
