import type { Clock, Timer } from '../../platform/clock.ts';

export type Forward = (bytes: Uint8Array) => void;

interface Held {
  readonly bytes: Uint8Array;
  readonly at: number;
  readonly forward: Forward;
}

/**
 * Chunks held on the virtual clock and let go strictly in arrival order: a chunk due earlier
 * than the one ahead of it waits for it, because a wire never reorders bytes. Stages that
 * delay (latency, bandwidth, slicer, a slow host) are built on one of these.
 */
export class DelayQueue {
  private readonly held: Held[] = [];
  private timer: Timer | undefined;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: Clock) {}

  /** When the last held chunk leaves; now, if nothing is held. */
  get busyUntil(): number {
    return Math.max(this.clock.now(), this.lastAt);
  }

  /** Holds `bytes` until `at`; a chunk due now with nothing ahead of it goes at once. */
  hold(bytes: Uint8Array, at: number, forward: Forward): void {
    const due = Math.max(at, this.lastAt);
    this.lastAt = due;
    if (this.held.length === 0 && due <= this.clock.now()) {
      forward(bytes);
      return;
    }
    this.held.push({ bytes, at: due, forward });
    this.arm();
  }

  /** Lets everything go now, in order: a fault that is removed never loses data in flight. */
  release(forward: Forward): void {
    this.disarm();
    for (const item of this.held.splice(0)) forward(item.bytes);
    this.lastAt = Number.NEGATIVE_INFINITY;
  }

  /** Forgets everything held (the connection died); returns how many bytes were lost. */
  discard(): number {
    this.disarm();
    this.lastAt = Number.NEGATIVE_INFINITY;
    return this.held.splice(0).reduce((sum, item) => sum + item.bytes.length, 0);
  }

  private arm(): void {
    if (this.timer || this.held.length === 0) return;
    const first = this.held[0]!;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      const now = this.clock.now();
      while (this.held[0] && this.held[0].at <= now) {
        const item = this.held.shift()!;
        item.forward(item.bytes);
      }
      this.arm();
    }, first.at - this.clock.now());
  }

  private disarm(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
