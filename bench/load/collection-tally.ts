import { constants, PerformanceObserver } from 'node:perf_hooks';

/**
 * Counts this process's garbage collections as V8 reports them: young-generation ones
 * (scavenges) with their pause time, and the time in collections of every kind. Entries arrive
 * on a later turn of the event loop than the collection itself.
 */
export class CollectionTally {
  scavenges = 0;
  scavengeMs = 0;
  allMs = 0;
  readonly #observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.allMs += entry.duration;
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MINOR) continue;
      this.scavenges++;
      this.scavengeMs += entry.duration;
    }
  });

  constructor() {
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.#observer.disconnect();
  }
}
