import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadState<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; error: unknown };

type Task<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Loads one thing at a time: a new `load()` aborts the request it supersedes
 * (its fetch is cancelled, not merely ignored), and leaving the page aborts
 * the current one; a first load cut short that way (state `idle`) starts
 * again when the host is back in the page.
 */
export class LoadController<T> implements ReactiveController {
  state: LoadState<T> = { kind: 'idle' };
  private current?: AbortController;
  private task?: Task<T>;

  constructor(protected readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * `task` gets the signal to pass to its fetch; whatever it does after its
   * last `await` must first check `signal.aborted`, as a newer load may have
   * begun meanwhile. `refresh` loads again what is already shown (a timed
   * refresh, or new data known to exist): the value shown stays while the new
   * one loads, and stays if this load fails, since it was right a moment ago.
   * Without a value shown, a refresh is an ordinary load.
   */
  async load(task: Task<T>, refresh = false): Promise<void> {
    this.current?.abort();
    const { signal } = (this.current = new AbortController());
    this.task = task;
    const keeping = refresh && this.state.kind === 'loaded';
    if (!keeping) this.set({ kind: 'loading' });
    try {
      const value = await task(signal);
      if (!signal.aborted) this.set({ kind: 'loaded', value });
    } catch (error) {
      if (!signal.aborted && !keeping) this.set({ kind: 'failed', error });
    }
  }

  /** Stops the load under way and shows nothing: what it was loading is no longer asked for. */
  clear(): void {
    this.current?.abort();
    this.task = undefined;
    this.set({ kind: 'idle' });
  }

  hostConnected(): void {
    if (this.state.kind === 'idle' && this.task) void this.load(this.task);
  }

  hostDisconnected(): void {
    this.current?.abort();
    // A refresh under way keeps the value shown; a first load starts again on return.
    if (this.state.kind === 'loading') this.state = { kind: 'idle' };
  }

  private set(state: LoadState<T>): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
