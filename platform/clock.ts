/**
 * Time, injected. Core, backend and simulator never read the wall clock or schedule real
 * timers themselves: they get a `Clock`. Under the harness it is a `VirtualClock` that jumps
 * from timer to timer, so a 60-second response timeout costs microseconds and a run replays
 * exactly; the sandbox and the TCP host get a `WallClock`.
 */
export interface Timer {
  readonly id: number;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
}

/** Resolves after `ms` on the given clock. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/**
 * A clock that moves only when told to. Timers due at the same instant fire in the order they
 * were set, which keeps runs deterministic.
 */
export class VirtualClock implements Clock {
  private current: number;
  private nextId = 1;
  private readonly timers: PendingTimer[] = [];

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): Timer {
    const timer = { id: this.nextId++, due: this.current + Math.max(0, ms), callback };
    let at = this.timers.length;
    while (at > 0 && this.timers[at - 1]!.due > timer.due) at--;
    this.timers.splice(at, 0, timer);
    return { id: timer.id };
  }

  clearTimeout(timer: Timer): void {
    const at = this.timers.findIndex((t) => t.id === timer.id);
    if (at >= 0) this.timers.splice(at, 1);
  }

  /** When the earliest pending timer is due, or undefined when none is pending. */
  nextDue(): number | undefined {
    return this.timers[0]?.due;
  }

  pendingCount(): number {
    return this.timers.length;
  }

  /** Moves to the earliest pending timer and fires every timer due at that instant. */
  fireNext(): boolean {
    const first = this.timers[0];
    if (!first) return false;
    this.current = Math.max(this.current, first.due);
    while (this.timers[0] && this.timers[0].due <= this.current) {
      this.timers.shift()!.callback();
    }
    return true;
  }

  /** Moves time forward to `target`, firing what falls due on the way. */
  advanceTo(target: number): void {
    while (this.timers[0] && this.timers[0].due <= target) this.fireNext();
    this.current = Math.max(this.current, target);
  }
}

/** The real clock, for the sandbox and the standalone TCP host. */
export class WallClock implements Clock {
  private readonly handles = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  now(): number {
    return Date.now(); // wall-clock: this class is the one sanctioned reader of real time
  }

  setTimeout(callback: () => void, ms: number): Timer {
    const id = this.nextId++;
    const handle = setTimeout(() => {
      this.handles.delete(id);
      callback();
    }, ms);
    this.handles.set(id, handle);
    return { id };
  }

  clearTimeout(timer: Timer): void {
    const handle = this.handles.get(timer.id);
    if (handle) clearTimeout(handle);
    this.handles.delete(timer.id);
  }
}
