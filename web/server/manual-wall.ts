import type { WallTime } from './live-clock.ts';

interface Pending {
  readonly due: number;
  readonly callback: () => unknown;
  readonly every?: number;
}

/**
 * Real time moved by hand, for deterministic tests of live sessions: `advance` walks the wall
 * forward in the live clock's own steps, running every periodic and one-shot callback that
 * falls due and awaiting whatever they return.
 */
export class ManualWall implements WallTime {
  private current = 0;
  private readonly pending = new Set<Pending>();

  now(): number {
    return this.current;
  }

  every(ms: number, callback: () => unknown): () => void {
    const entry = { due: this.current + ms, callback, every: ms };
    this.pending.add(entry);
    return () => this.cancelMatching(callback);
  }

  after(ms: number, callback: () => unknown): () => void {
    const entry = { due: this.current + ms, callback };
    this.pending.add(entry);
    return () => this.pending.delete(entry);
  }

  async advance(ms: number, step = 40): Promise<void> {
    const target = this.current + ms;
    do {
      this.current = Math.min(target, this.current + step);
      for (const entry of [...this.pending].sort((a, b) => a.due - b.due)) {
        if (entry.due > this.current || !this.pending.has(entry)) continue;
        this.pending.delete(entry);
        if (entry.every !== undefined) this.pending.add({ ...entry, due: this.current + entry.every });
        await entry.callback();
      }
    } while (this.current < target);
  }

  private cancelMatching(callback: () => unknown): void {
    for (const entry of this.pending) if (entry.callback === callback) this.pending.delete(entry);
  }
}
