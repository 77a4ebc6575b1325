import type { Clock, Timer } from '../platform/clock.ts';
import type { CardEvent } from '../drivers/card-reader/card-reader-driver.ts';
import type { Key } from './ports.ts';

export type Input =
  | { readonly kind: 'key'; readonly key: Key }
  | { readonly kind: 'card'; readonly event: CardEvent }
  | { readonly kind: 'timeout' };

/**
 * The terminal's one inbox for what people do: keys pressed and cards presented. Menus read
 * it one input at a time with a timeout on the injected clock, the way a POS application's
 * event loop does, so a screen never waits forever for a person who walked away.
 */
export class InputQueue {
  private readonly buffered: Input[] = [];
  private waiter: ((input: Input) => void) | undefined;

  constructor(private readonly clock: Clock) {}

  push(input: Input): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter(input);
    } else {
      this.buffered.push(input);
    }
  }

  /** Drops what was typed ahead; called when a new flow starts so stray keys do not leak in. */
  clear(): void {
    this.buffered.length = 0;
  }

  /** The next input; with no timeout the wait lasts until someone acts (an idle menu). */
  next(timeoutMs?: number): Promise<Input> {
    const ready = this.buffered.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => {
      let timer: Timer | undefined;
      this.waiter = (input) => {
        if (timer) this.clock.clearTimeout(timer);
        resolve(input);
      };
      if (timeoutMs === undefined) return;
      timer = this.clock.setTimeout(() => {
        this.waiter = undefined;
        resolve({ kind: 'timeout' });
      }, timeoutMs);
    });
  }

  /** Waits for the next key, ignoring cards; `undefined` on timeout. */
  async nextKey(timeoutMs?: number): Promise<Key | undefined> {
    for (;;) {
      const input = await this.next(timeoutMs);
      if (input.kind === 'timeout') return undefined;
      if (input.kind === 'key') return input.key;
    }
  }
}
