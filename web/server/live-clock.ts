import type { VirtualClock } from '../../platform/clock.ts';
import { settle } from '../../platform/settle.ts';

/**
 * Real time as the sandbox sees it, injected so tests can move it by hand. `now` is a
 * monotonic millisecond count; `every` and `after` return their own cancel function.
 */
export interface WallTime {
  now(): number;
  /** The callback may return a promise; a test's hand-driven wall awaits it. */
  every(ms: number, callback: () => unknown): () => void;
  after(ms: number, callback: () => unknown): () => void;
}

export const realWallTime: WallTime = {
  now: () => performance.now(), // wall-clock: the sandbox follows real time on purpose
  every(ms, callback) {
    const handle = setInterval(callback, ms);
    return () => clearInterval(handle);
  },
  after(ms, callback) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

const TICK_MS = 40;

/**
 * Drives a world's virtual clock from real time, so the live sandbox runs exactly the code a
 * scenario runs: on every tick the clock is advanced to the wall time elapsed × speed, firing
 * each timer that falls due on the way and letting bytes and promises settle between timers
 * (a timer fired too early, before an ACK already on the wire was read, would be a lie).
 *
 * A scenario step moves the clock itself (it jumps over busy time); `hold` stops following the
 * wall meanwhile and resumes from wherever the step left the clock.
 */
export class LiveClock {
  private anchorWall = 0;
  private anchorVirtual = 0;
  private factor = 1;
  private cancel: (() => void) | undefined;
  private ticking: Promise<void> | undefined;
  private holds = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly activity: () => number,
    private readonly wall: WallTime,
    /** Told when a timer's callback threw; the clock keeps following the wall. */
    private readonly onError: (error: unknown) => void,
  ) {}

  get speed(): number {
    return this.factor;
  }

  start(): void {
    if (this.cancel) return;
    this.anchor();
    this.cancel = this.wall.every(TICK_MS, () => this.tick().catch(this.onError));
  }

  /** Idempotent. */
  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  setSpeed(speed: number): void {
    this.anchor();
    this.factor = speed;
  }

  async hold<T>(work: () => Promise<T>): Promise<T> {
    this.holds += 1;
    try {
      await this.ticking;
      return await work();
    } finally {
      this.holds -= 1;
      this.anchor();
    }
  }

  /** One step of following the wall; ticks never overlap. */
  tick(): Promise<void> {
    if (this.holds > 0) return Promise.resolve();
    this.ticking ??= this.follow().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private anchor(): void {
    this.anchorWall = this.wall.now();
    this.anchorVirtual = this.clock.now();
  }

  private async follow(): Promise<void> {
    const target = this.anchorVirtual + (this.wall.now() - this.anchorWall) * this.factor;
    for (;;) {
      await settle(this.activity, 2, 200);
      if (this.holds > 0) return;
      const due = this.clock.nextDue();
      if (due === undefined || due > target) break;
      this.clock.fireNext();
    }
    this.clock.advanceTo(Math.floor(target));
  }
}
