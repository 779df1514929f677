import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where the device's position stands: not asked (`idle`), the browser is asking
 * the citizen or the satellites (`asking`), `found`, refused (`denied`), no
 * position to be had (`unavailable`), or no answer in time (`timed-out`).
 */
export type GeolocationStatus = 'idle' | 'asking' | 'found' | 'denied' | 'unavailable' | 'timed-out';

export interface DevicePosition {
  latitude: number;
  longitude: number;
  /** Metres, as the browser reports it. */
  accuracy: number;
}

/**
 * The device's position, asked only when the citizen presses a button
 * (`request()`), kept in memory only, and dropped by `forget()` and when the
 * widget leaves the page. Nothing here sends or stores it.
 */
export class GeolocationController implements ReactiveController {
  status: GeolocationStatus = 'idle';
  position?: DevicePosition;
  /** Each request and each forget starts a new generation: a late answer to an old request is ignored. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PositionOptions = {},
  ) {
    host.addController(this);
  }

  /** Asks for the position; resolves to how that ended. */
  request(): Promise<GeolocationStatus> {
    const generation = ++this.generation;
    this.position = undefined;
    if (!('geolocation' in navigator)) return Promise.resolve(this.settle(generation, 'unavailable'));
    this.set('asking');
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        ({ coords }) => {
          if (generation === this.generation) this.position = { latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy };
          resolve(this.settle(generation, 'found'));
        },
        (error) => {
          const status = error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timed-out' : 'unavailable';
          resolve(this.settle(generation, status));
        },
        this.options,
      );
    });
  }

  /** Drops the position: back to `idle`. */
  forget(): void {
    this.generation++;
    this.position = undefined;
    this.set('idle');
  }

  hostDisconnected(): void {
    this.forget();
  }

  private settle(generation: number, status: GeolocationStatus): GeolocationStatus {
    if (generation !== this.generation) return this.status;
    this.set(status);
    return status;
  }

  private set(status: GeolocationStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
