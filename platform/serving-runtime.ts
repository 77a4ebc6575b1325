/**
 * Node options `poslab host` (and the bench's host) is started with, tuning V8's young-generation
 * collections (scavenges) for a server answering at a steady rate: each one pauses every
 * connection and leaves a backlog behind it, so the shorter pause is what counts. V8 takes the
 * heap's sizes only at start-up, hence options rather than a call.
 *
 * - `--no-parallel-scavenge`: a scavenge runs on the event loop's own thread. Helper threads pay
 *   off when much survives; the host's sale path leaves ~100 KB alive per scavenge, one thread
 *   copies that in ~0.5 ms, and on a machine with few cores shared with other work (the bench's
 *   two, with the load generator beside the host) helpers start late and the pause waits for
 *   them: ~1.0 ms for the same copy.
 * - `--max-semi-space-size=4`: a young generation of at most 4 MB a semi-space (16 MB by
 *   default). With little surviving, a pause is mostly a fixed cost plus what was allocated since
 *   the last one, so small and frequent beats large and rare: at 5,000 sales/s, 18 pauses a
 *   second of ~1.0 ms left a p99 of ~3.5 ms where 5–7 of ~1.5 ms left 5–10 ms (bench,
 *   alternating runs).
 */
export const SERVING_NODE_OPTIONS: readonly string[] = ['--no-parallel-scavenge', '--max-semi-space-size=4'];
