import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which way the corner trigger has moved from its own corner (the inline-end, block-end one). */
export interface CornerFlip {
  /** To the inline-start side. */
  inline: boolean;
  /** To the block-start side. */
  block: boolean;
}

const home: CornerFlip = { inline: false, block: false };
const corners: CornerFlip[] = [home, { inline: true, block: false }, { inline: false, block: true }, { inline: true, block: true }];

function overlap(a: DOMRect, b: DOMRect): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * WCAG 2.4.11 (Focus Not Obscured), with no help from the host's CSS: the
 * fixed corner trigger must never hide what has the focus on the page. While
 * a host element with the focus lies under the trigger, the trigger steps to
 * the first other corner that leaves it clear (or, for an element that spans
 * the whole page, the one that covers the least of it). It stays where it is
 * while the focus is in the widget (it does not jump away from the citizen's
 * own Tab), and goes home once the focus is on something it does not cover.
 * Checked on focus, and on scroll and resize while a page element has it.
 */
export class CornerClearance implements ReactiveController {
  flip: CornerFlip = home;
  private focused?: Element;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The trigger while it is shown, else undefined. */
    private readonly trigger: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('focusin', this.onFocusIn, true);
    addEventListener('scroll', this.onMove, { capture: true, passive: true });
    addEventListener('resize', this.onMove, { passive: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('focusin', this.onFocusIn, true);
    removeEventListener('scroll', this.onMove, { capture: true });
    removeEventListener('resize', this.onMove);
    cancelAnimationFrame(this.frame);
    this.focused = undefined;
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    // No trigger (inline, results, hidden): nothing to step aside, and no need to follow scrolling.
    if (!this.trigger()) {
      this.focused = undefined;
      return;
    }
    const path = event.composedPath();
    // In the widget: stay put.
    if (path.includes(this.host)) {
      this.focused = undefined;
      return;
    }
    const target = path[0];
    this.focused = target instanceof Element ? target : undefined;
    this.place();
  };

  /** Scrolling or resizing moves the focused element under the fixed trigger, or away from it: once per frame. */
  private readonly onMove = (): void => {
    if (!this.focused || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  };

  private place(): void {
    const trigger = this.trigger();
    const focused = this.focused;
    if (!trigger || !focused?.isConnected) return;
    const target = focused.getBoundingClientRect();
    const now = trigger.getBoundingClientRect();
    const viewport = document.documentElement;
    // The trigger's box in each corner, from where it is now (mirrored across the viewport: same margins).
    const at = (flip: CornerFlip) => {
      const x = flip.inline === this.flip.inline ? now.x : viewport.clientWidth - now.right;
      const y = flip.block === this.flip.block ? now.y : viewport.clientHeight - now.bottom;
      return new DOMRect(x, y, now.width, now.height);
    };
    let best = corners[0]!;
    let least = Number.POSITIVE_INFINITY;
    for (const corner of corners) {
      const covered = overlap(at(corner), target);
      if (covered < least) [best, least] = [corner, covered];
      if (covered === 0) break;
    }
    if (best.inline !== this.flip.inline || best.block !== this.flip.block) {
      this.flip = best;
      this.host.requestUpdate();
    }
  }
}
