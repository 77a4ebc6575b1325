import { setFlagsFromString } from 'node:v8';

/**
 * Tunes this process's V8 for a server answering at a steady rate: young-generation collections
 * (scavenges) run on the event loop's own thread. V8 normally shares each one with helper
 * threads, which pays off when much survives; the host's sale path leaves ~100 KB alive per
 * scavenge, one thread copies that in ~0.5 ms, and on a machine with few cores shared with other
 * work (the bench's two, with the load generator beside the host) the helpers start late and the
 * pause waits for them: ~1.0 ms for the same copy. Every pause leaves a backlog of requests
 * behind it, so the shorter one is what counts. V8 reads this at each scavenge; call it once,
 * before serving.
 */
export function tuneForServing(): void {
  setFlagsFromString('--no-parallel-scavenge');
}
