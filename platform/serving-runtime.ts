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

/**
 * Node options a serving process must be started with, because V8 sizes the heap only at
 * start-up: a young generation of at most 4 MB a semi-space (16 MB by default). Once little
 * survives a scavenge, its pause is mostly a fixed cost plus what was allocated since the last
 * one, so small and frequent beats large and rare: at 5,000 sales/s, 18 pauses a second of
 * ~1.0 ms left a p99 of ~3.5 ms where 5–7 pauses of ~1.5 ms left 5–10 ms (bench, alternating runs).
 */
export const SERVING_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
