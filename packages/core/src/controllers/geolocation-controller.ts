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
}

/** GeolocationPositionError codes 1, 2 and 3, in order. */
const failures: GeolocationStatus[] = ['denied', 'unavailable', 'timed-out'];

/**
 * The device's position, asked only when the citizen presses a button
 * (`request()`), kept in memory only, and dropped by `forget()` and when the
 * widget leaves the page. Nothing here sends or stores it.
 */
export class GeolocationController implements ReactiveController {
  status: GeolocationStatus = 'idle';
  position?: DevicePosition;
  /** Each request and each forget counts: a late answer to an earlier request is ignored. */
  private asked = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PositionOptions = {},
  ) {
    host.addController(this);
  }

  /** Asks for the position; resolves to how that ended (or to the current status, when forgotten meanwhile). */
  request(): Promise<GeolocationStatus> {
    const asked = ++this.asked;
    return new Promise((resolve) => {
      const settle = (status: GeolocationStatus, position?: DevicePosition) => {
        if (asked === this.asked) this.set(status, position);
        resolve(this.status);
      };
      if (!('geolocation' in navigator)) return settle('unavailable');
      this.set('asking');
      navigator.geolocation.getCurrentPosition(
        ({ coords }) => settle('found', { latitude: coords.latitude, longitude: coords.longitude }),
        (error) => settle(failures[error.code - 1] ?? 'unavailable'),
        this.options,
      );
    });
  }

  /** Drops the position: back to `idle`. */
  forget(): void {
    this.asked++;
    this.set('idle');
  }

  hostDisconnected(): void {
    this.forget();
  }

  private set(status: GeolocationStatus, position?: DevicePosition): void {
    this.status = status;
    this.position = position;
    this.host.requestUpdate();
  }
}
