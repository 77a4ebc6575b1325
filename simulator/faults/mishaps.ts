import type { EventSink } from '../../platform/events.ts';
import { ignoreEvents } from '../../platform/events.ts';

/**
 * What the people at the counter will get wrong next: a slip of the cashier's fingers, a card
 * that will not read, a cardholder who gives up. Faults queue mishaps; the harness's macros
 * and primitives take them as they act, so a mishap alters the next action of its kind only.
 */
export type Mishap =
  | { readonly kind: 'password'; readonly typed: (intended: string) => string }
  | { readonly kind: 'amount'; readonly keyed: (intendedMinor: number) => number }
  | { readonly kind: 'menu'; readonly key: string }
  | { readonly kind: 'card-unreadable'; readonly entry: 'swipe' | 'chip' | 'any' }
  | { readonly kind: 'card-pulled-at-pin' }
  | { readonly kind: 'pin-cancel' };

export type MishapKind = Mishap['kind'];

export class Mishaps {
  private pending: { mishap: Mishap; left: number }[] = [];

  constructor(private readonly events: EventSink = ignoreEvents) {}

  /** Queues a mishap for the next `times` actions of its kind; the returned function withdraws what is left of it. */
  add(mishap: Mishap, times = 1): () => void {
    const entry = { mishap, left: times };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((e) => e !== entry);
    };
  }

  /** Takes the oldest pending mishap of this kind that `fits`, if any. */
  take<K extends MishapKind>(kind: K, fits: (mishap: Extract<Mishap, { kind: K }>) => boolean = () => true): Extract<Mishap, { kind: K }> | undefined {
    const entry = this.pending.find((e) => e.mishap.kind === kind && fits(e.mishap as Extract<Mishap, { kind: K }>));
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.pending = this.pending.filter((e) => e !== entry);
    this.events('harness', 'mishap', { kind });
    return entry.mishap as Extract<Mishap, { kind: K }>;
  }

  /** How many actions are still due to go wrong. */
  get size(): number {
    return this.pending.reduce((sum, e) => sum + e.left, 0);
  }
}
