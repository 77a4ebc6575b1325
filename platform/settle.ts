/**
 * Lets every queued microtask, nextTick and immediate run until the system has nothing left
 * to do without time passing. Serial streams and in-memory links hand bytes on through these
 * queues, so "idle" means several consecutive turns of the event loop in which nothing new
 * was scheduled. `activity()` is read from the caller's own counters (bytes moved, events).
 */
export async function settle(activity: () => number, quietTurns = 3, maxTurns = 10_000): Promise<void> {
  let last = activity();
  let quiet = 0;
  for (let turn = 0; turn < maxTurns && quiet < quietTurns; turn++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const now = activity();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}
